package org.funcx.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;

/** Inputs shaped like production traffic: UUID task ids, one no-op function, small arguments. */
final class Batches {
  /** The service's default tasks per TASKS message. */
  static final int SIZE = 5_000;

  static final FunctionSpec NOOP = FunctionSpec.of("noop", "int noop(int x) { return x; }");

  private Batches() {}

  static List<TaskSpec> tasks(int n) {
    List<TaskSpec> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tasks.add(new TaskSpec(UUID.randomUUID().toString(), NOOP.hash(), "[" + i + "]", 0, null));
    }
    return tasks;
  }

  static List<ResultEnvelope> results(List<TaskSpec> tasks) {
    List<ResultEnvelope> results = new ArrayList<>(tasks.size());
    for (TaskSpec t : tasks) {
      String arg = t.argsJson().substring(1, t.argsJson().length() - 1);
      results.add(ResultEnvelope.json(TaskResult.success(t.taskId(), arg)));
    }
    return results;
  }
}
