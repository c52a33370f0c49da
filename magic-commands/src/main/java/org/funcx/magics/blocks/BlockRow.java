package org.funcx.magics.blocks;

/**
 * One block as the endpoint last wrote it to {@code blocks.json} (the endpoint's
 * {@code BlockStatus}, read by field name so this module does not depend on the endpoint).
 *
 * @param resourceId the Slurm job id, or the manager's pid for the local provider
 * @param state pending, running, completing, cancelled, completed, failed, timeout...
 */
public record BlockRow(
    String blockId,
    String resourceId,
    String state,
    boolean ended,
    String detail,
    long sinceMillis) {}
