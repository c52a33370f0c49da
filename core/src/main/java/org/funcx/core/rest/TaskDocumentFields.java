package org.funcx.core.rest;

/**
 * The keys of a task document ({@code GET /v2/tasks/{id}}, each value of {@code batch_status}'s
 * {@code results}, each task of a WebSocket push). Unlike the other REST shapes it has no record:
 * the service writes it and the SDK reads it with streaming JSON, so a stored result is embedded
 * as the text it is and a push of thousands of tasks is never built as a tree (see the service's
 * {@code TaskJson} and the SDK's {@code TaskStatusJson}); both use these names.
 */
public final class TaskDocumentFields {
  public static final String TASK_ID = "task_id";

  /** The task's state by its wire name ({@code TaskState.wireName()}). */
  public static final String STATUS = "status";

  public static final String TASK_GROUP_ID = "task_group_id";
  public static final String FUNCTION_ID = "function_id";
  public static final String ENDPOINT_ID = "endpoint_id";
  public static final String CREATED_AT = "created_at";

  /** Only once the task ended. */
  public static final String COMPLETED_AT = "completed_at";

  /** A JSON result, as the function returned it. */
  public static final String RESULT = "result";

  /** {@code arrow} for a table result, fetched from {@code /v2/tasks/{id}/result}; else absent. */
  public static final String RESULT_FORMAT = "result_format";

  public static final String RESULT_SIZE = "result_size";

  /** An object of {@link #ERROR_KIND}, {@link #ERROR_MESSAGE} and {@link #ERROR_DETAILS}. */
  public static final String ERROR = "error";

  public static final String ERROR_KIND = "kind";
  public static final String ERROR_MESSAGE = "message";
  public static final String ERROR_DETAILS = "details";

  /** Left out when the task printed nothing. */
  public static final String STDOUT = "stdout";

  public static final String STDERR = "stderr";

  private TaskDocumentFields() {}
}
