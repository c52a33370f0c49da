package org.funcx.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.endpoint.interchange.TaskBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interchange's task book, per task: accept (from a TASKS batch), poll (for dispatch),
 * complete (a result), and the whole life including sending and acknowledgement. Each
 * invocation handles one 5,000-task batch; results are nanoseconds per task.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Batches.SIZE)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaskBookBench {
  private List<TaskSpec> tasks;
  private List<ResultEnvelope> results;
  private TaskBook book;

  @Setup(Level.Trial)
  public void prepareBatch() {
    tasks = Batches.tasks(Batches.SIZE);
    results = Batches.results(tasks);
  }

  /** A book in the state each benchmark starts from; the batch is reused across books. */
  @State(Scope.Thread)
  public static class Accepted {
    TaskBook book;

    @Setup(Level.Invocation)
    public void accept(TaskBookBench bench) {
      book = new TaskBook();
      bench.tasks.forEach(book::accept);
    }
  }

  @State(Scope.Thread)
  public static class Dispatched {
    TaskBook book;

    @Setup(Level.Invocation)
    public void acceptAndPoll(TaskBookBench bench) {
      book = new TaskBook();
      bench.tasks.forEach(book::accept);
      while (book.poll() != null) {
        // drained: every task is now on a (notional) manager
      }
    }
  }

  @Setup(Level.Invocation)
  public void freshBook() {
    book = new TaskBook();
  }

  @Benchmark
  public int accept() {
    for (TaskSpec t : tasks) book.accept(t);
    return book.known();
  }

  @Benchmark
  public int poll(Accepted state) {
    int n = 0;
    while (state.book.poll() != null) n++;
    return n;
  }

  @Benchmark
  public int complete(Dispatched state) {
    for (ResultEnvelope r : results) state.book.complete(r);
    return state.book.known();
  }

  @Benchmark
  public int wholeLife() {
    for (TaskSpec t : tasks) book.accept(t);
    while (book.poll() != null) {
      // dispatch
    }
    for (ResultEnvelope r : results) book.complete(r);
    List<ResultEnvelope> sent = book.takeOutbox(Integer.MAX_VALUE);
    List<String> ids = new ArrayList<>(sent.size());
    for (ResultEnvelope r : sent) ids.add(r.taskId());
    book.acknowledged(ids);
    return book.known();
  }
}
