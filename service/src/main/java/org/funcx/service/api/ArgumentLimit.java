package org.funcx.service.api;

import java.util.Map;

/** The refusal of a task whose arguments are over the limit: 413 naming the task. */
final class ArgumentLimit {
  private ArgumentLimit() {}

  /** {@code size} -1: found while streaming, before the whole size was known. */
  static ApiException tooLarge(int index, long size, int limit) {
    String how = size > 0 ? size + " bytes" : "more than " + limit + " bytes";
    Map<String, Object> details =
        size > 0
            ? Map.of("task_index", index, "size", size, "limit", limit)
            : Map.of("task_index", index, "limit", limit);
    return new ApiException(
        413,
        "payload_too_large",
        "task " + index + ": arguments are " + how + ", the limit is " + limit,
        details);
  }
}
