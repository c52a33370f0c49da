package org.funcx.arrow;

/**
 * What one task of a map produced: a value on success, an error message otherwise.
 *
 * @param taskId the task's id
 * @param status the task's final status as the service reports it, e.g. "success" or "failed"
 * @param value the result value, or null (always null for failures)
 * @param error the error message, or null on success
 */
public record TaskOutcome(String taskId, String status, Object value, String error) {
  public static final String SUCCESS = "success";

  public static TaskOutcome success(String taskId, Object value) {
    return new TaskOutcome(taskId, SUCCESS, value, null);
  }

  public static TaskOutcome failure(String taskId, String status, String error) {
    return new TaskOutcome(taskId, status, null, error);
  }
}
