package org.funcx.slurm;

/**
 * What slurmctld reports about one job.
 *
 * @param id the job id
 * @param name the job name
 * @param state the mapped state; {@link SlurmJobState#UNKNOWN} for a state this client lacks
 * @param rawState job_state exactly as slurmrestd sent it
 * @param reason why the job is in its state ("None", "Resources", "Priority", ...), as squeue's %r
 * @param nodes the allocated nodes as a Slurm host list ("" while pending)
 * @param partition the partition the job runs in or waits for
 */
public record SlurmJob(
    long id,
    String name,
    SlurmJobState state,
    String rawState,
    String reason,
    String nodes,
    String partition) {}
