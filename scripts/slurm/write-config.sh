#!/usr/bin/env bash
# Writes STATE_DIR's directories, keys (kept if present) and slurm.conf for start.sh.
# Usage: write-config.sh STATE_DIR NODE_CPUS SLURMCTLD_PORT SLURMD_PORT SLURMRESTD_PORT
set -euo pipefail

(($# == 5)) || { echo "usage: $0 STATE_DIR NODE_CPUS SLURMCTLD_PORT SLURMD_PORT SLURMRESTD_PORT" >&2; exit 2; }
readonly STATE_DIR=$1 NODE_CPUS=$2 CTLD_PORT=$3 SLURMD_PORT=$4 REST_PORT=$5
readonly DEF_MEM_PER_CPU_MB=${FUNCX_SLURM_DEF_MEM_PER_CPU_MB:-512}

mkdir -p "$STATE_DIR"/{run,log,state/slurmctld,state/slurmd,munge}
chmod 755 "$STATE_DIR"/{run,log,state}
chmod 700 "$STATE_DIR"/state/{slurmctld,slurmd}

# munged refuses keys readable by others and directories it does not own.
chown munge:munge "$STATE_DIR/munge"
chmod 755 "$STATE_DIR/munge"
if [[ ! -s "$STATE_DIR/munge/munge.key" ]]; then
  (umask 077 && head -c 1024 /dev/urandom >"$STATE_DIR/munge/munge.key")
fi
chown munge:munge "$STATE_DIR/munge/munge.key"
chmod 400 "$STATE_DIR/munge/munge.key"

# HS256 signing key for `scontrol token`: 32 random bytes, readable by SlurmUser (root) only.
if [[ ! -s "$STATE_DIR/jwt.key" ]]; then
  (umask 077 && head -c 32 /dev/urandom >"$STATE_DIR/jwt.key")
fi
chmod 600 "$STATE_DIR/jwt.key"

# The node claims NODE_CPUS cores (SlurmdParameters=config_overrides) and the real memory.
real_memory_mb=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
[[ -n "$real_memory_mb" ]] || { echo "slurm: ERROR: slurmd -C reported no RealMemory" >&2; exit 1; }
def_mem_mb=$((real_memory_mb / NODE_CPUS < DEF_MEM_PER_CPU_MB ? real_memory_mb / NODE_CPUS : DEF_MEM_PER_CPU_MB))

cat >"$STATE_DIR/slurm.conf" <<CONF
# Written by scripts/slurm/write-config.sh: a single-node test cluster on loopback.
# slurmrestd port: $REST_PORT
ClusterName=funcx
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$STATE_DIR/munge/munge.socket.2
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$STATE_DIR/jwt.key
CredType=cred/munge
StateSaveLocation=$STATE_DIR/state/slurmctld
SlurmdSpoolDir=$STATE_DIR/state/slurmd
SlurmctldPidFile=$STATE_DIR/run/slurmctld.pid
SlurmdPidFile=$STATE_DIR/run/slurmd.pid
SlurmctldLogFile=$STATE_DIR/log/slurmctld.log
SlurmdLogFile=$STATE_DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
KillWait=5
MinJobAge=300
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$def_mem_mb
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SlurmdParameters=config_overrides
NodeName=localhost NodeAddr=127.0.0.1 Port=$SLURMD_PORT CPUs=$NODE_CPUS Boards=1 SocketsPerBoard=1 CoresPerSocket=$NODE_CPUS ThreadsPerCore=1 RealMemory=$real_memory_mb State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
chmod 644 "$STATE_DIR/slurm.conf"
