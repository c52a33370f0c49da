package org.funcx.client;

/**
 * One answer of {@code GET /v2/tasks/{id}/output}: what a task printed since the offsets asked
 * with, the offsets to ask with next, and whether it has finished (then the text is the last of
 * it). A stream's text starts with a {@code [… N bytes dropped …]} line when bytes between the
 * offset asked with and the text are no longer kept.
 */
public record TaskOutput(
    String taskId,
    String status,
    boolean finished,
    String stdout,
    long stdoutOffset,
    String stderr,
    long stderrOffset) {}
