package org.funcx.client;

import java.util.concurrent.CompletableFuture;

/**
 * The future of one task of a {@link FuncXExecutor}: completes with the task's value (or a
 * {@link TaskFailedException}), and keeps the task's final {@link TaskStatus}, whose
 * {@link TaskStatus#stdout()} and {@link TaskStatus#stderr()} hold what the function printed.
 */
public final class TaskFuture extends CompletableFuture<Object> {
  private final String taskId;
  private volatile TaskStatus status;

  TaskFuture(String taskId) {
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }

  /** The task's final status once this future is done (set before it completes); else null. */
  public TaskStatus status() {
    return status;
  }

  void finished(TaskStatus finalStatus) {
    this.status = finalStatus;
  }

  /** The {@link TaskFuture} view of a future {@link FuncXExecutor#map} returned. */
  public static TaskFuture of(CompletableFuture<Object> future) {
    if (future instanceof TaskFuture task) return task;
    throw new IllegalArgumentException("not a future of a FuncXExecutor task: " + future);
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>(); // dependent stages are plain futures
  }
}
