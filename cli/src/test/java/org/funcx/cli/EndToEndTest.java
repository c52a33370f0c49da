package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.funcx.arrow.ArrowTable;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskFailedException;
import org.funcx.client.TaskOptions;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The task path through real processes: SDK → service → endpoint → manager JVM → back. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EndToEndTest {
  static TestCluster cluster;
  static FuncXClient client;
  static String endpointId;
  static FuncXExecutor executor;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    client = cluster.client();
    endpointId = cluster.startEndpoint("local", c -> c.withWorkers(2, 16));
    executor = client.executor(endpointId);
  }

  @AfterAll
  static void stop() throws Exception {
    if (executor != null) executor.close();
    if (cluster != null) cluster.close();
  }

  static Object await(CompletableFuture<Object> f) throws Exception {
    return f.get(60, TimeUnit.SECONDS);
  }

  static TaskFailedException failure(CompletableFuture<Object> f) {
    var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> await(f));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TaskFailedException.class);
    return (TaskFailedException) thrown.getCause();
  }

  @Test
  void squares_mapped_over_ten_thousand_inputs_sum_correctly() throws Exception {
    RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
    assertThat(sq.signature()).isEqualTo("long sq(long x)");
    List<Long> inputs = LongStream.rangeClosed(1, 10_000).boxed().toList();
    List<CompletableFuture<Object>> futures = executor.map(sq, inputs);
    long sum = 0;
    for (var f : futures) sum += (Long) await(f);
    assertThat(sum).isEqualTo(333_383_335_000L);
  }

  @Test
  void invalid_source_is_refused_at_registration_with_the_compiler_message() {
    assertThatThrownBy(() -> client.register("long bad(long x) {\n  return x * y;\n}"))
        .isInstanceOf(FuncXException.class)
        .satisfies(e -> assertThat(((FuncXException) e).status()).isEqualTo(400))
        .satisfies(e -> assertThat(((FuncXException) e).code()).isEqualTo("compile_error"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("cannot find symbol");
  }

  @Test
  void unchecked_invalid_source_fails_its_task_with_a_compile_error_and_the_system_stays_usable()
      throws Exception {
    RegisteredFunction bad =
        client.registerUnchecked("int broken(int x) {\n  return x +;\n}", "broken");
    TaskFailedException e = failure(executor.submit(bad, 1));
    assertThat(e.kind()).isEqualTo(ErrorKind.COMPILE_ERROR);
    assertThat(e.error().message() + e.error().details()).contains("line 2");
    RegisteredFunction ok = client.register("int inc(int x) { return x + 1; }");
    assertThat(await(executor.submit(ok, 41))).isEqualTo(42);
  }

  @Test
  void a_throwing_function_returns_type_message_and_remote_stack_trace() throws Exception {
    RegisteredFunction f =
        client.register(
            "double ratio(int a, int b) {\n  if (b == 0) throw new IllegalArgumentException(\"b is zero\");\n"
                + "  return (double) a / b;\n}");
    TaskFailedException e = failure(executor.submit(f, 1, 0));
    assertThat(e.kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
    assertThat(e.error().message()).contains("IllegalArgumentException").contains("b is zero");
    assertThat(e.error().details()).contains("ratio").contains(":2)");
    assertThat(await(executor.submit(f, 1, 4))).isEqualTo(0.25);
  }

  @Test
  void wrong_arguments_are_argument_errors() throws Exception {
    RegisteredFunction f = client.register("long twice(long x) { return 2 * x; }");
    assertThat(failure(executor.submit(f, 1, 2)).kind()).isEqualTo(ErrorKind.ARGUMENT_ERROR);
    assertThat(failure(executor.submit(f, "seven")).kind()).isEqualTo(ErrorKind.ARGUMENT_ERROR);
    assertThat(await(executor.submit(f, 7))).isEqualTo(14L);
  }

  @Test
  void a_task_over_its_timeout_fails_as_timeout_and_workers_keep_serving() throws Exception {
    RegisteredFunction nap =
        client.register(
            "long nap(long ms) throws InterruptedException { Thread.sleep(ms); return ms; }");
    var options = TaskOptions.DEFAULT.withTimeout(Duration.ofMillis(300));
    assertThat(failure(executor.submit(nap, options, 30_000)).kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(await(executor.submit(nap, options, 1))).isEqualTo(1L);
  }

  @Test
  void a_timeout_shorter_than_the_first_compile_does_not_break_the_function() throws Exception {
    // Regression: the watchdog used to interrupt javac mid-compile, and the broken compile was
    // cached as "cannot access unnamed package" for every later call.
    RegisteredFunction quick =
        client.register(
            "int quick"
                + System.nanoTime()
                + "(int x) { java.util.List<Integer> l = new java.util.ArrayList<>(); l.add(x); return l.get(0); }");
    var options = TaskOptions.DEFAULT.withTimeout(Duration.ofMillis(20));
    CompletableFuture<Object> first = executor.submit(quick, options, 7);
    try {
      assertThat(await(first)).isEqualTo(7);
    } catch (ExecutionException e) {
      // 20 ms of running time can pass on a loaded machine (a GC pause): then a timeout, never
      // a compile error; what matters is the next call
      assertThat(failure(first).error().kind()).isEqualTo(ErrorKind.TIMEOUT);
    }
    assertThat(await(executor.submit(quick, 8))).isEqualTo(8);
  }

  @Test
  void cached_calls_are_answered_from_the_store_without_running() throws Exception {
    RegisteredFunction clock =
        client.register("long clock(int salt) { return System.nanoTime(); }");
    var cached = TaskOptions.DEFAULT.withCache(true);
    Object first = await(executor.submit(clock, cached, 5));
    assertThat(await(executor.submit(clock, cached, 5))).isEqualTo(first);
    assertThat(await(executor.submit(clock, 5))).isNotEqualTo(first);
  }

  @Test
  void tasks_wait_for_an_offline_endpoint_and_a_queued_task_can_be_cancelled() {
    String offline = client.registerEndpoint("offline", null).id();
    RegisteredFunction f = client.register("int one(int x) { return 1; }");
    String taskId =
        client.submit(f.id(), offline, List.of(1), TaskOptions.DEFAULT).taskIds().get(0);
    assertThat(client.task(taskId).state()).isEqualTo(TaskState.WAITING_FOR_ENDPOINT);
    assertThat(client.cancel(taskId)).isTrue();
    var cancelled = client.task(taskId);
    assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(cancelled.error().kind()).isEqualTo(ErrorKind.CANCELLED);
    assertThat(client.cancel(taskId)).isFalse();
    assertThat(client.endpoint(offline).outstandingTasks()).isZero();
  }

  static final String ROWS =
      String.join(
          "\n",
          "import java.time.Instant;",
          "import java.util.ArrayList;",
          "import java.util.List;",
          "record Row(long id, double x, String name, Instant at) {}",
          "List<Row> rows(int n) {",
          "  List<Row> out = new ArrayList<>(n);",
          "  for (int i = 0; i < n; i++) out.add(new Row(i, i * 0.5, \"r\" + i, Instant.ofEpochSecond(i)));",
          "  return out;",
          "}");

  @Test
  void a_table_result_arrives_as_an_arrow_table() throws Exception {
    RegisteredFunction rows = client.register(ROWS, "rows", null);
    try (ArrowTable table = (ArrowTable) await(executor.submit(rows, 1_000))) {
      assertThat(table.columnNames()).containsExactly("id", "x", "name", "at");
      assertThat(table.rowCount()).isEqualTo(1_000);
      assertThat(table.row(999))
          .containsEntry("id", 999L)
          .containsEntry("x", 499.5)
          .containsEntry("name", "r999")
          .containsEntry("at", java.time.Instant.ofEpochSecond(999));
    }
  }

  @Test
  void a_million_row_table_reaches_the_client() throws Exception {
    RegisteredFunction rows = client.register(ROWS, "rows", null);
    try (ArrowTable table =
        (ArrowTable) executor.submit(rows, 1_000_000).get(3, TimeUnit.MINUTES)) {
      assertThat(table.rowCount()).isEqualTo(1_000_000);
      assertThat(table.batches()).hasSizeGreaterThan(1);
      assertThat(table.row(123_456)).containsEntry("name", "r123456");
    }
  }

  @Test
  void a_map_comes_back_as_one_table_with_task_ids_and_statuses() throws Exception {
    RegisteredFunction inv =
        client.register(
            "double inv(int x) { if (x == 0) "
                + "throw new ArithmeticException(\"zero\"); return 1.0 / x; }");
    try (ArrowTable table =
        executor
            .mapTable(inv, List.of(1, 2, 0, 4), TaskOptions.DEFAULT)
            .get(60, TimeUnit.SECONDS)) {
      assertThat(table.columnNames()).containsExactly("task_id", "status", "value", "error");
      assertThat(table.column("status")).containsExactly("success", "success", "failed", "success");
      assertThat(table.column("value")).containsExactly(1.0, 0.5, null, 0.25);
      assertThat((String) table.row(2).get("error")).contains("ArithmeticException");
    }
  }

  @Test
  void malformed_frames_on_the_interchange_are_dropped_and_tasks_still_run() throws Exception {
    String log =
        java.nio.file.Files.readString(
            cluster.home.endpointDir("local").resolve("logs").resolve("agent.log"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("managers connect to (tcp://[0-9.]+:[0-9]+)").matcher(log);
    assertThat(m.find()).as("interchange address in the agent log").isTrue();
    // The junk must get past the manager port's PLAIN gate to reach the interchange's parsing, so
    // it comes with a live block's admission token (a stranger's is refused at the handshake:
    // EndlessMultipartTest). A refused DEALER would also trip JeroMQ's own assertion when its
    // pipe ends in the middle of a multipart message (zeromq/libzmq#1588).
    java.nio.file.Path credentials = liveBlockCredentials();
    String blockId =
        credentials
            .getFileName()
            .toString()
            .replaceFirst("^block-", "")
            .replaceFirst("\\.json$", "");
    java.util.Random random = new java.util.Random(7);
    try (org.zeromq.ZContext context = new org.zeromq.ZContext()) {
      org.zeromq.ZMQ.Socket junk = context.createSocket(org.zeromq.SocketType.DEALER);
      org.funcx.endpoint.interchange.BlockSecret.read(credentials).applyPlain(junk, blockId);
      junk.connect(m.group(1));
      for (int i = 0; i < 300; i++) {
        int frames = 1 + random.nextInt(4);
        for (int f = 0; f < frames; f++) {
          byte[] data = new byte[f == 0 ? random.nextInt(3) : random.nextInt(300)];
          random.nextBytes(data);
          if (f == 0 && data.length == 1) data[0] = (byte) random.nextInt(14);
          junk.send(data, f + 1 < frames ? org.zeromq.ZMQ.SNDMORE : 0);
        }
      }
      junk.send(
          new byte[] {(byte) org.funcx.core.wire.MessageType.REGISTER_MANAGER.ordinal()},
          org.zeromq.ZMQ.SNDMORE);
      junk.send("{\"managerId\":null,\"workers\":-5}");
      Thread.sleep(500);
    }
    RegisteredFunction f = client.register("int twice(int x) { return 2 * x; }");
    assertThat(await(executor.submit(f, 21))).isEqualTo(42);
    assertThat(
            java.nio.file.Files.readString(
                cluster.home.endpointDir("local").resolve("logs").resolve("agent.log")))
        .as("the junk reached the interchange's parser")
        .contains("dropped a malformed message from a manager");
  }

  /** The credentials file of a block of the "local" endpoint that is running now. */
  private static java.nio.file.Path liveBlockCredentials() throws Exception {
    java.nio.file.Path dir = cluster.home.endpointDir("local").resolve("credentials");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (java.nio.file.Files.isDirectory(dir)) {
        try (var files = java.nio.file.Files.list(dir)) {
          var live =
              files.filter(f -> f.getFileName().toString().matches("block-.+\\.json")).findFirst();
          if (live.isPresent()) return live.get();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no block of the local endpoint has credentials in " + dir);
  }

  @Test
  void unknown_ids_and_bad_requests_get_clear_errors() {
    RegisteredFunction f = client.register("int id(int x) { return x; }");
    String unknown = "00000000-0000-0000-0000-000000000000";
    assertThatThrownBy(() -> client.task(unknown))
        .isInstanceOf(FuncXException.class)
        .hasMessageContaining(unknown);
    assertThatThrownBy(() -> client.executor(unknown).submit(f, 1))
        .isInstanceOf(FuncXException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> client.task("not-a-uuid"))
        .isInstanceOf(FuncXException.class)
        .satisfies(e -> assertThat(((FuncXException) e).status()).isEqualTo(400));
  }
}
