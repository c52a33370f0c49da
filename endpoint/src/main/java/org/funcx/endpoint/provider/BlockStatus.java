package org.funcx.endpoint.provider;

/**
 * One block (a batch of managers the provider started) as last seen.
 *
 * @param blockId the endpoint's name for it; managers report it when they register
 * @param resourceId what the resource manager calls it: a Slurm job id, a process id
 * @param state pending, running, completing, completed, failed, timeout, cancelled...
 * @param detail a reason or exit code, empty when there is none
 */
public record BlockStatus(
    String blockId,
    String resourceId,
    String state,
    boolean ended,
    String detail,
    long sinceMillis) {}
