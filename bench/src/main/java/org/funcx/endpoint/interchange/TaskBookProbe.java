package org.funcx.endpoint.interchange;

import java.util.List;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;

/**
 * Opens the package-private {@link TaskBook} to the JMH benchmarks in {@code org.funcx.bench.jmh}.
 * It sits in the endpoint's package but in the bench module, so the endpoint is untouched; a
 * public TaskBook would make it unnecessary. Benchmarks only: no product code uses it.
 */
public final class TaskBookProbe {
  private final TaskBook book = new TaskBook();

  public boolean accept(TaskSpec task) {
    return book.accept(task);
  }

  public TaskSpec poll() {
    return book.poll();
  }

  public void complete(ResultEnvelope result) {
    book.complete(result);
  }

  public List<ResultEnvelope> takeOutbox(int max) {
    return book.takeOutbox(max);
  }

  public void acknowledged(List<String> taskIds) {
    book.acknowledged(taskIds);
  }

  public int known() {
    return book.known();
  }
}
