package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Timeouts, cancels and start-up failures on real processes, on whichever JDK runs the test (the
 * suite runs on 17 and on 25, where {@code Thread.stop} is gone): busy loops end, stuck workers
 * are replaced, nothing queued behind them is lost, and a manager that cannot start says why.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class StoppingTasksTest {
  /** The function of issue 13: catches ThreadDeath and anything else, forever. */
  static final String STUBBORN =
      "long stubborn(long x) { while (true) { try { while (true)"
          + " Thread.onSpinWait(); } catch (Throwable t) { } } }";

  /** Busy in JDK code, which is not instrumented and ignores interrupts. */
  static final String IN_LIBRARY =
      "long inLibrary(long x) {"
          + " return java.util.stream.LongStream.range(0, Long.MAX_VALUE).map(Math::abs).sum() + x; }";

  static final String SQ = "long sq(long x) { return x * x; }";
  static final String NAP =
      "long nap(long ms) throws InterruptedException { Thread.sleep(ms);" + " return ms; }";

  /** Starts threads that spin forever (no sleep, no call) and returns at once. */
  static final String SPINNERS =
      "int spinners(int n) { for (int i = 0; i < n; i++) {"
          + " new Thread(() -> { while (true) { } }, \"leftover-spinner-\" + i).start(); }"
          + " return n; }";

  private static TaskStatus awaitFinished(FuncXClient client, String id, Duration within) {
    try {
      await()
          .atMost(within)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> client.task(id).finished());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "task "
              + id
              + " is still "
              + client.task(id).state()
              + "; endpoints: "
              + client.endpoints(),
          e);
    }
    return client.task(id);
  }

  private static String submitOne(
      FuncXClient client, RegisteredFunction f, String endpoint, TaskOptions options, Object arg) {
    return client.submit(f.id(), endpoint, List.of(arg), options).taskIds().get(0);
  }

  @Test
  void busy_loops_that_catch_everything_time_out_and_the_next_task_runs() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(1, 0));
      RegisteredFunction stubborn = client.register(STUBBORN);
      RegisteredFunction sq = client.register(SQ);
      TaskOptions twoSeconds = TaskOptions.DEFAULT.withTimeout(Duration.ofSeconds(2));
      for (int i = 0; i < 3; i++) {
        TaskStatus s =
            awaitFinished(
                client,
                submitOne(client, stubborn, endpoint, twoSeconds, i),
                Duration.ofSeconds(30));
        assertThat(s.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
      }
      TaskStatus next =
          awaitFinished(
              client,
              submitOne(
                  client, sq, endpoint, TaskOptions.DEFAULT.withTimeout(Duration.ofSeconds(10)), 3),
              Duration.ofSeconds(30));
      assertThat(next.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(next.result().getAsLong()).isEqualTo(9);
      assertThat(cluster.managerPids("local"))
          .as("stopped through checkpoints: no restart")
          .hasSize(1);
    }
  }

  @Test
  void cancelling_running_tasks_frees_the_only_worker() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(1, 0));
      RegisteredFunction nap = client.register(NAP);
      RegisteredFunction stubborn = client.register(STUBBORN);
      RegisteredFunction sq = client.register(SQ);
      for (RegisteredFunction runaway : List.of(nap, stubborn)) {
        String id = submitOne(client, runaway, endpoint, TaskOptions.DEFAULT, 60_000);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> client.task(id).state() == TaskState.RUNNING);
        assertThat(client.cancel(id)).isTrue();
        TaskStatus cancelled = client.task(id);
        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.error().message()).contains("while it ran");
        // well under the 60 s nap: the worker was freed, not waited for
        TaskStatus next =
            awaitFinished(
                client,
                submitOne(client, sq, endpoint, TaskOptions.DEFAULT, 7),
                Duration.ofSeconds(20));
        assertThat(next.result().getAsLong()).isEqualTo(49);
      }
      String done = submitOne(client, sq, endpoint, TaskOptions.DEFAULT, 2);
      awaitFinished(client, done, Duration.ofSeconds(20));
      assertThat(client.cancel(done)).as("a finished task is not cancellable").isFalse();
    }
  }

  @Test
  void a_thread_stuck_in_library_code_is_written_off_and_nothing_behind_it_is_lost()
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(1, 8));
      long firstManager = cluster.managerPids("local").get(0);
      RegisteredFunction stuck = client.register(IN_LIBRARY);
      RegisteredFunction sq = client.register(SQ);
      String stuckId =
          submitOne(
              client, stuck, endpoint, TaskOptions.DEFAULT.withTimeout(Duration.ofSeconds(1)), 1);
      List<String> behind =
          client
              .submit(
                  sq.id(), endpoint, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), TaskOptions.DEFAULT)
              .taskIds();

      assertThat(awaitFinished(client, stuckId, Duration.ofSeconds(30)).error().kind())
          .isEqualTo(ErrorKind.TIMEOUT);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> client.batchStatus(behind).values().stream().allMatch(TaskStatus::finished));
      Map<String, TaskStatus> done = client.batchStatus(behind);
      for (int i = 0; i < behind.size(); i++) {
        assertThat(done.get(behind.get(i)).result().getAsLong())
            .isEqualTo((long) (i + 1) * (i + 1));
      }
      // the manager holding the stuck thread restarted itself, and a fresh one took its place
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  !ProcessLauncher.alive(firstManager) && cluster.managerPids("local").size() == 1);
      String blocks = Files.readString(cluster.home.endpointDir("local").resolve("blocks.json"));
      assertThat(blocks).contains("restarted itself");
      TaskStatus after =
          awaitFinished(
              client,
              submitOne(client, sq, endpoint, TaskOptions.DEFAULT, 12),
              Duration.ofSeconds(30));
      assertThat(after.result().getAsLong()).isEqualTo(144);
    }
  }

  @Test
  void threads_a_task_left_spinning_end_with_it_and_the_next_task_runs() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(1, 0));
      long manager = cluster.managerPids("local").get(0);
      RegisteredFunction spinners = client.register(SPINNERS);
      RegisteredFunction sq = client.register(SQ);

      TaskStatus spun =
          awaitFinished(
              client,
              submitOne(client, spinners, endpoint, TaskOptions.DEFAULT, 16),
              Duration.ofSeconds(30));
      assertThat(spun.result().getAsInt()).isEqualTo(16);
      // the thread dump of the manager stops listing them (they end at their next back-edge)
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions() // an attach that fails on a loaded machine is tried again
          .until(() -> !threadDump(manager).contains("leftover-spinner-"));

      TaskStatus next =
          awaitFinished(
              client,
              submitOne(client, sq, endpoint, TaskOptions.DEFAULT, 5),
              Duration.ofSeconds(30));
      assertThat(next.result().getAsLong()).isEqualTo(25);
      assertThat(cluster.managerPids("local"))
          .as("the same manager, never restarted")
          .containsExactly(manager);
      assertThat(threadDump(manager))
          .contains("funcx-worker-0")
          .doesNotContain("leftover-spinner-");
    }
  }

  /** {@code jcmd PID Thread.print} of a JVM (the manager runs on the JDK running the tests). */
  static String threadDump(long pid) throws Exception {
    Process jcmd =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid),
                "Thread.print")
            .redirectErrorStream(true)
            .start();
    String dump = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0 || !dump.contains("funcx-")) {
      throw new IllegalStateException("no thread dump of " + pid + ": " + dump);
    }
    return dump;
  }

  @Test
  void a_manager_that_cannot_start_says_why_at_once_and_does_not_spin() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      long started = System.nanoTime();
      // -Xmx1k: the JVM refuses to start ("Too small maximum heap")
      assertThatThrownBy(() -> cluster.startEndpoint("broken", c -> c.withWorkerJvm("", "-Xmx1k")))
          .hasMessageContaining("endpoint broken cannot start its managers")
          .hasMessageContaining("exited with code 1")
          .hasMessageContaining("heap");
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(seconds).as("failed fast, not after the 90 s wait").isLessThan(60);
      Thread.sleep(3_000); // the agent was stopped: no more managers are started
      try (Stream<java.nio.file.Path> logs =
          Files.list(cluster.home.endpointDir("broken").resolve("logs"))) {
        long managerLogs =
            logs.filter(p -> p.getFileName().toString().startsWith("manager-")).count();
        assertThat(managerLogs).as("start attempts, spaced by a growing back-off").isLessThan(8);
      }
      assertThat(cluster.endpoints.runningPid("broken")).as("agent stopped").isEmpty();
    }
  }
}
