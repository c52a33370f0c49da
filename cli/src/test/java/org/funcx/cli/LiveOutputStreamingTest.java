package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskFuture;
import org.funcx.client.TaskOutput;
import org.funcx.core.model.TaskState;
import org.funcx.service.output.LiveOutputWindows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output streamed while a task runs (issue 15, item 2, the live part), through real processes:
 * a manager JVM sends what the task printed every 250 ms, the interchange forwards it, the
 * service keeps a window, REST, the SDK's follower and {@code funcx run} show it before the task
 * ends. Each task waits for a gate file the test creates, so "while it runs" needs no timing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveOutputStreamingTest {
  static TestCluster cluster;
  static FuncXClient client;
  static FuncXExecutor executor;
  @TempDir static Path dir;

  private static final String STEPS =
      """
      int steps(String gate) throws Exception {
        System.out.println("step 1");
        System.err.println("note 1");
        java.nio.file.Path open = java.nio.file.Path.of(gate);
        while (!java.nio.file.Files.exists(open)) Thread.sleep(20);
        for (int i = 2; i <= 5; i++) {
          Thread.sleep(100);
          System.out.println("step " + i);
        }
        return 5;
      }""";

  private static final String ALL_STEPS = "step 1\nstep 2\nstep 3\nstep 4\nstep 5\n";

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    client = cluster.client();
    executor = client.executor(cluster.startEndpoint("local", c -> c.withWorkers(2, 0)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (executor != null) executor.close();
    if (cluster != null) cluster.close();
  }

  @Test
  void rest_and_the_sdk_follower_see_step_1_while_the_task_runs_and_every_line_once()
      throws Exception {
    RegisteredFunction steps = client.register(STEPS);
    Path gate = dir.resolve("gate-sdk");
    TaskFuture task = executor.submit(steps, gate.toString());
    StringBuffer out = new StringBuffer();
    StringBuffer err = new StringBuffer();
    CompletableFuture<TaskOutput> following =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return client.followOutput(
                    task.taskId(), (stderr, text) -> (stderr ? err : out).append(text));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> out.toString().contains("step 1\n"));
    // The task waits for the gate: it is running, and "step 1" came live.
    assertThat(client.task(task.taskId()).state()).isEqualTo(TaskState.RUNNING);
    assertThat(following).isNotDone();
    TaskOutput sofar = client.output(task.taskId(), 0, 0); // GET /v2/tasks/ID/output
    assertThat(sofar.finished()).isFalse();
    assertThat(sofar.status()).isEqualTo("running");
    assertThat(sofar.stdout()).isEqualTo("step 1\n");
    assertThat(client.output(task.taskId(), sofar.stdoutOffset(), 0).stdout()).isEmpty();

    Files.writeString(gate, "open");
    TaskOutput last = following.get(2, TimeUnit.MINUTES);
    assertThat(last.finished()).isTrue();
    assertThat(last.status()).isEqualTo("success");
    assertThat(out.toString()).isEqualTo(ALL_STEPS);
    assertThat(err.toString()).isEqualTo("note 1\n");
    assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo(5);
    assertThat(task.status().stdout()).isEqualTo(ALL_STEPS);
  }

  @Test
  void funcx_run_prints_step_1_on_stderr_before_the_task_ends_then_the_rest_once()
      throws Exception {
    RegisteredFunction steps = client.register(STEPS);
    Path gate = dir.resolve("gate-cli");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FuncxCli.class.getName(),
                "run",
                steps.id(),
                "\"" + gate + "\""));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(cluster.clientEnv());
    Process cli = builder.start();
    StringBuffer err = new StringBuffer();
    CompletableFuture<Void> errReader =
        CompletableFuture.runAsync(() -> copy(cli.getErrorStream(), err));
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(cli.getInputStream()));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> err.toString().contains("step 1\n"));
    assertThat(Files.exists(gate)).as("the task cannot have ended").isFalse();
    assertThat(cli.isAlive()).isTrue();

    Files.writeString(gate, "open");
    assertThat(cli.waitFor(2, TimeUnit.MINUTES)).isTrue();
    errReader.get(1, TimeUnit.MINUTES);
    assertThat(cli.exitValue()).as("stderr: %s", err).isZero();
    assertThat(out.get()).isEqualTo("5\n");
    String printed = err.toString();
    assertThat(printed)
        .contains(
            "--- stdout of task ",
            "--- stderr of task ",
            "note 1\n",
            "--- end of stdout ---",
            "--- end of stderr ---");
    for (int i = 1; i <= 5; i++) {
      assertThat(count(printed, "step " + i + "\n")).as("step %d in %s", i, printed).isOne();
    }
  }

  @Test
  void two_million_lines_keep_the_service_window_bounded_and_other_tasks_run_meanwhile()
      throws Exception {
    RegisteredFunction flood =
        client.register(
            """
        int flood(String gate) throws Exception {
          for (int i = 0; i < 2_000_000; i++) System.out.println("A " + i);
          java.nio.file.Path open = java.nio.file.Path.of(gate);
          while (!java.nio.file.Files.exists(open)) Thread.sleep(20);
          return 0;
        }""");
    RegisteredFunction small =
        client.register(
            """
        String small(int i) {
          System.out.println("small " + i);
          return "ok";
        }""");
    Path gate = dir.resolve("gate-flood");
    TaskFuture task = executor.submit(flood, gate.toString());
    long total = 0;
    for (int i = 0; i < 2_000_000; i++) total += ("A " + i + "\n").length();
    long printed = total;
    // Once the last bytes arrived live, a reader from the start gets the window alone.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> client.output(task.taskId(), 0, 0).stdoutOffset() == printed);
    TaskOutput behind = client.output(task.taskId(), 0, 0);
    assertThat(behind.finished()).isFalse();
    assertThat(behind.stdout()).startsWith("[… ").endsWith("A 1999999\n");
    String kept = behind.stdout().substring(behind.stdout().indexOf('\n') + 1);
    assertThat(kept.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(LiveOutputWindows.WINDOW_BYTES);
    assertThat(behind.stdoutOffset()).isEqualTo(printed);

    // The other worker runs small tasks while the flooding task still holds its own.
    List<CompletableFuture<Object>> after = executor.map(small, List.of(0, 1, 2, 3));
    for (int i = 0; i < after.size(); i++) {
      TaskFuture done = TaskFuture.of(after.get(i));
      assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo("ok");
      assertThat(done.status().stdout()).isEqualTo("small " + i + "\n");
    }
    assertThat(client.task(task.taskId()).state()).isEqualTo(TaskState.RUNNING);
    Files.writeString(gate, "open");
    assertThat(task.get(2, TimeUnit.MINUTES)).isEqualTo(0);
    // The final output's offsets are the live ones: the last line sits where it did.
    TaskOutput rest = client.output(task.taskId(), printed - "A 1999999\n".length(), 0);
    assertThat(rest.finished()).isTrue();
    assertThat(rest.stdout()).isEqualTo("A 1999999\n");
    assertThat(rest.stdoutOffset()).isEqualTo(printed);
  }

  @Test
  void following_an_unknown_task_is_404() {
    assertThatThrownBy(
            () -> client.followOutput(java.util.UUID.randomUUID().toString(), (stderr, text) -> {}))
        .isInstanceOfSatisfying(FuncXException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  private static int count(String text, String part) {
    return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }

  private static void copy(InputStream in, StringBuffer to) {
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        to.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
