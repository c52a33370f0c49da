package org.funcx.slurm;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Slurm job state as slurmrestd reports it in {@code job_state} (and {@code squeue -o %T} prints).
 *
 * <p>Names, short codes and meanings follow the squeue man page, section "JOB STATE CODES"
 * (https://slurm.schedmd.com/squeue.html#SECTION_JOB-STATE-CODES), Slurm 22.05. While a state flag
 * such as COMPLETING or CONFIGURING is set, Slurm reports the flag instead of the base state.
 * For a pilot job (an endpoint block) TIMEOUT and CANCELLED are normal ends, not failures.
 */
public enum SlurmJobState {
  /** BF: terminated due to launch failure, typically a hardware failure. */
  BOOT_FAIL("BF", true),
  /** CA: explicitly cancelled by the user or an administrator; it may or may not have started. */
  CANCELLED("CA", true),
  /** CD: all processes on all nodes terminated with exit code zero. */
  COMPLETED("CD", true),
  /** CF: resources are allocated but waiting to become ready for use (e.g. booting). */
  CONFIGURING("CF", false),
  /** CG: completing; some processes on some nodes may still be active. */
  COMPLETING("CG", false),
  /** DL: terminated on deadline. */
  DEADLINE("DL", true),
  /** F: terminated with a non-zero exit code or another failure condition. */
  FAILED("F", true),
  /** NF: terminated due to the failure of one or more allocated nodes. */
  NODE_FAIL("NF", true),
  /** OOM: experienced an out-of-memory error. */
  OUT_OF_MEMORY("OOM", true),
  /** PD: awaiting resource allocation. */
  PENDING("PD", false),
  /** PR: terminated due to preemption. */
  PREEMPTED("PR", true),
  /** R: currently has an allocation and runs. */
  RUNNING("R", false),
  /** RD: held after its requested reservation was deleted. */
  RESV_DEL_HOLD("RD", false),
  /** RF: being requeued by a federation. */
  REQUEUE_FED("RF", false),
  /** RH: a held job being requeued. */
  REQUEUE_HOLD("RH", false),
  /** RQ: a completing job being requeued. */
  REQUEUED("RQ", false),
  /** RS: about to change size. */
  RESIZING("RS", false),
  /** RV: sibling removed from the cluster because another cluster started the job. */
  REVOKED("RV", true),
  /** SI: being signaled. */
  SIGNALING("SI", false),
  /** SE: requeued in a special (held) state, typically set by EpilogSlurmctld for an exit value. */
  SPECIAL_EXIT("SE", false),
  /** SO: staging out files. */
  STAGE_OUT("SO", false),
  /** ST: has an allocation but was stopped with SIGSTOP; its CPUs stay allocated. */
  STOPPED("ST", false),
  /** S: has an allocation but is suspended; its CPUs were released for other jobs. */
  SUSPENDED("S", false),
  /** TO: terminated upon reaching its time limit. */
  TIMEOUT("TO", true),
  /** A state this client does not know (a newer Slurm); the raw string is in {@link SlurmJob}. */
  UNKNOWN("", false);

  private static final Map<String, SlurmJobState> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(Enum::name, Function.identity()));
  private static final Map<String, SlurmJobState> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(SlurmJobState::code, Function.identity()));

  private final String code;
  private final boolean terminal;

  SlurmJobState(String code, boolean terminal) {
    this.code = code;
    this.terminal = terminal;
  }

  /** The short code squeue prints with {@code %t}, e.g. "PD"; empty for {@link #UNKNOWN}. */
  public String code() {
    return code;
  }

  /** True when the job has ended for good: it holds no resources and will not run again. */
  public boolean isTerminal() {
    return terminal;
  }

  /** Maps a long state name ("RUNNING", as in REST job_state or {@code squeue -o %T}). */
  public static SlurmJobState fromName(String name) {
    return name == null ? UNKNOWN : BY_NAME.getOrDefault(name.trim(), UNKNOWN);
  }

  /** Maps a short code ("R", as in {@code squeue -o %t}). */
  public static SlurmJobState fromCode(String code) {
    return code == null || code.isBlank() ? UNKNOWN : BY_CODE.getOrDefault(code.trim(), UNKNOWN);
  }
}
