package org.funcx.endpoint.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run time a manager reports with its results, by which the interchange sizes its prefetch,
 * is the time the user's code ran, with real workers compiling a real function: the compile of a
 * function's first task is left out, or one first task's javac would keep the mean far above what
 * its 10 ms tasks take.
 */
class WorkerPoolRunTimeTest {
  private static final String NAP =
      "int nap(int ms) throws InterruptedException { Thread.sleep(ms); return ms; }";

  @Test
  void a_first_tasks_compile_is_not_counted_as_its_run_time(@TempDir Path dir) throws Exception {
    List<ResultEnvelope> answers = new CopyOnWriteArrayList<>();
    TaskRunner runner = RealRunners.inDirectory(dir);
    String hash = "nap-run-time"; // this runner has compiled nothing: the first task compiles
    runner.learn(new FunctionSpec(hash, "nap", NAP));
    try (WorkerPool pool = new WorkerPool(1, List.of(), runner, answers::add, stuck -> {})) {
      assertThat(pool.meanRunMicros()).isOne();
      long submitted = System.nanoTime();
      pool.submit(new TaskSpec("t1", hash, "[20]", 0, "function-1"));
      for (int i = 0; answers.isEmpty() && i < 6_000; i++) Thread.sleep(10);
      long wallMicros = (System.nanoTime() - submitted) / 1_000;
      assertThat(answers).extracting(ResultEnvelope::taskId).containsExactly("t1");
      long mean = pool.meanRunMicros();
      assertThat(mean).as("the 20 ms sleep at least").isGreaterThanOrEqualTo(20_000);
      // The compile took most of the wall time; the mean is the sleep's, not the wall time.
      assertThat(mean)
          .as("mean %d µs of a first task whose wall time was %d µs", mean, wallMicros)
          .isLessThan(20_000 + (wallMicros - 20_000) / 2);
    }
  }
}
