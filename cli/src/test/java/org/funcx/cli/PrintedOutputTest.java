package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskFailedException;
import org.funcx.client.TaskFuture;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskState;
import org.funcx.jvm.OutputTail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What functions print (issue 15, item 2), through real processes: the manager JVM captures each
 * task's System.out/err (also from threads the task starts), bounded to the last 1 MiB per
 * stream, and the outcome carries it to the service, the SDK and {@code funcx run}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PrintedOutputTest {
  static TestCluster cluster;
  static FuncXClient client;
  static FuncXExecutor executor;

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

  private static final String CHATTY =
      """
      String chatty(String name) throws Exception {
        System.out.println("hello " + name);
        System.err.println("warning for " + name);
        Thread helper = new Thread(() -> System.out.println("from a thread of " + name));
        helper.start();
        helper.join();
        return name.toUpperCase();
      }""";

  @Test
  void what_a_task_and_its_threads_print_reaches_the_sdk_and_the_rest_document() throws Exception {
    RegisteredFunction chatty = client.register(CHATTY);
    TaskFuture task = executor.submit(chatty, "ada");
    assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo("ADA");
    assertThat(task.status().stdout()).isEqualTo("hello ada\nfrom a thread of ada\n");
    assertThat(task.status().stderr()).isEqualTo("warning for ada\n");
    TaskStatus read = client.task(task.taskId()); // GET /v2/tasks/ID
    assertThat(read.stdout()).isEqualTo("hello ada\nfrom a thread of ada\n");
    assertThat(read.stderr()).isEqualTo("warning for ada\n");
  }

  @Test
  void a_task_that_prints_nothing_has_empty_output() throws Exception {
    RegisteredFunction quiet = client.register("int quiet(int x) { return x; }");
    TaskFuture task = executor.submit(quiet, 3);
    assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(task.status().stdout()).isEmpty();
    assertThat(task.status().stderr()).isEmpty();
  }

  @Test
  void a_failing_function_keeps_what_it_printed_with_its_error() throws Exception {
    RegisteredFunction fall =
        client.register(
            """
        int fall(int x) {
          System.out.println("before the fall " + x);
          System.err.println("about to throw");
          throw new IllegalStateException("fell");
        }""");
    TaskFuture task = executor.submit(fall, 1);
    assertThat(failure(task).kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
    assertThat(task.status().stdout()).isEqualTo("before the fall 1\n");
    assertThat(task.status().stderr()).isEqualTo("about to throw\n");
  }

  @Test
  void a_timed_out_task_keeps_what_it_printed_before_the_stop() throws Exception {
    RegisteredFunction slow =
        client.register(
            """
        int slow(int x) throws InterruptedException {
          System.out.println("started " + x);
          Thread.sleep(600_000);
          return x;
        }""");
    TaskFuture task =
        executor.submit(slow, TaskOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)), 2);
    assertThat(failure(task).kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(task.status().stdout()).isEqualTo("started 2\n");
  }

  @Test
  void a_task_cancelled_while_it_runs_keeps_what_it_printed(@TempDir Path dir) throws Exception {
    RegisteredFunction waiter =
        client.register(
            """
        int waiter(String flag) throws Exception {
          System.out.println("waiting for a cancel");
          java.nio.file.Files.writeString(java.nio.file.Path.of(flag), "printed");
          while (true) Thread.sleep(50);
        }""");
    Path flag = dir.resolve("printed");
    TaskFuture task = executor.submit(waiter, flag.toString());
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Files.exists(flag));
    assertThat(client.cancel(task.taskId())).isTrue();
    // The service ends the task at once; the worker's answer brings its output a little later.
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !client.task(task.taskId()).stdout().isEmpty());
    TaskStatus cancelled = client.task(task.taskId());
    assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(cancelled.stdout()).isEqualTo("waiting for a cancel\n");
  }

  @Test
  void two_million_lines_keep_the_last_mebibyte_and_nothing_bleeds_into_other_tasks()
      throws Exception {
    RegisteredFunction flood =
        client.register(
            """
        int flood(String tag) {
          for (int i = 0; i < 2_000_000; i++) System.out.println(tag + " " + i);
          System.err.println(tag + " done");
          return 0;
        }""");
    RegisteredFunction small =
        client.register(
            """
        String small(int i) {
          System.out.println("small " + i);
          return "ok";
        }""");
    // Two workers flooding at once, then small tasks on the same workers.
    List<CompletableFuture<Object>> floods = executor.map(flood, List.of("A", "B"));
    for (int i = 0; i < floods.size(); i++) {
      String tag = List.of("A", "B").get(i);
      TaskFuture task = TaskFuture.of(floods.get(i));
      assertThat(task.get(180, TimeUnit.SECONDS)).isEqualTo(0);
      String out = task.status().stdout();
      assertThat(out).startsWith("[… ").endsWith(tag + " 1999999\n");
      String marker = out.substring(0, out.indexOf('\n') + 1);
      long dropped = Long.parseLong(marker.replaceAll("[^0-9]", ""));
      assertThat(dropped + OutputTail.DEFAULT_LIMIT)
          .as("dropped + kept = all printed")
          .isEqualTo(printedBytes(tag));
      assertThat(out.substring(marker.length()).getBytes(StandardCharsets.UTF_8))
          .hasSize(OutputTail.DEFAULT_LIMIT);
      assertThat(out.substring(marker.length()).lines().skip(1)) // the first line may be cut
          .allMatch(line -> line.startsWith(tag + " "));
      assertThat(task.status().stderr()).isEqualTo(tag + " done\n");
    }
    List<CompletableFuture<Object>> after = executor.map(small, List.of(0, 1, 2, 3));
    for (int i = 0; i < after.size(); i++) {
      TaskFuture task = TaskFuture.of(after.get(i));
      assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo("ok");
      assertThat(task.status().stdout()).isEqualTo("small " + i + "\n");
      assertThat(task.status().stderr()).isEmpty();
    }
    assertThat(managerLogBytes()).as("the managers' logs stay small").isLessThan(1 << 20);
  }

  @Test
  void funcx_run_prints_the_output_labelled_on_stderr_and_the_value_on_stdout() throws Exception {
    RegisteredFunction chatty = client.register(CHATTY);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FuncxCli.class.getName(),
                "run",
                chatty.id(),
                "\"grace\""));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(cluster.clientEnv());
    Process cli = builder.start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(cli.getErrorStream()));
    String out = read(cli.getInputStream());
    assertThat(cli.waitFor()).as("stderr: %s", err.get()).isZero();
    assertThat(out).isEqualTo("\"GRACE\"\n");
    assertThat(err.get())
        .contains("--- stdout of task ")
        .contains("hello grace\nfrom a thread of grace\n--- end of stdout ---")
        .contains("--- stderr of task ")
        .contains("warning for grace\n--- end of stderr ---");
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long printedBytes(String tag) {
    long bytes = 0;
    for (int i = 0; i < 2_000_000; i++) bytes += (tag + " " + i + "\n").length();
    return bytes;
  }

  private static long managerLogBytes() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of(cluster.clientEnv().get("FUNCX_HOME")))) {
      List<Path> logs =
          files.filter(p -> p.getFileName().toString().matches("manager-.*\\.log")).toList();
      assertThat(logs).as("manager logs").isNotEmpty();
      long total = 0;
      for (Path log : logs) total += Files.size(log);
      return total;
    }
  }

  private static TaskFailedException failure(TaskFuture task) {
    var thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> task.get(60, TimeUnit.SECONDS));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TaskFailedException.class);
    return (TaskFailedException) thrown.getCause();
  }
}
