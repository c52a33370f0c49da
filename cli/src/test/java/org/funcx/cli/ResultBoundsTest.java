package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskState;
import org.funcx.core.wire.WireLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Results and error texts bounded while they are made, and result batches bounded in bytes, on
 * real processes (issue 13 item 7).
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ResultBoundsTest {
  static final String BIG_TEXT = "String bigText(int mib) { return \"x\".repeat(mib << 20); }";

  /** An endless list: encoding it whole would never end, whatever the heap. */
  static final String ENDLESS =
      """
      import java.util.*;
      List<String> endless(int unused) {
        return new AbstractList<String>() {
          public String get(int i) { return "element " + i; }
          public int size() { return Integer.MAX_VALUE; }
        };
      }
      """;

  static final String SHOUT =
      "int shout(int mib) { throw new IllegalStateException(" + "\"y\".repeat(mib << 20)); }";
  static final String SQ = "long sq(long x) { return x * x; }";

  /** A list of records leaves the worker as an Arrow table. */
  static final String ROWS =
      """
      record Row(long id, String name) {}
      java.util.List<Row> rows(int n) {
        var out = new java.util.ArrayList<Row>();
        for (int i = 0; i < n; i++) out.add(new Row(i, "row " + i));
        return out;
      }
      """;

  private static TaskStatus run(
      FuncXClient client, RegisteredFunction f, String endpoint, Object arg) {
    String id = client.submit(f.id(), endpoint, List.of(arg), TaskOptions.DEFAULT).taskIds().get(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> client.task(id).finished());
    return client.task(id);
  }

  @Test
  void results_over_the_limit_fail_while_encoding_and_the_manager_keeps_serving() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      // 96 MiB of heap: a 32 MiB string fits, its whole JSON copy beside it would not
      // (the manager exits on OutOfMemoryError); the limit is 1 MiB.
      String endpoint =
          cluster.startEndpoint(
              "small",
              c -> c.withWorkers(1, 0).withMaxResultBytes(1 << 20).withWorkerJvm("", "-Xmx96m"));
      long manager = cluster.managerPids("small").get(0);
      RegisteredFunction bigText = client.register(BIG_TEXT);
      RegisteredFunction endless = client.register(ENDLESS);
      RegisteredFunction shout = client.register(SHOUT);
      RegisteredFunction sq = client.register(SQ);
      RegisteredFunction rows = client.register(ROWS);

      for (int round = 0; round < 2; round++) {
        TaskStatus big = run(client, bigText, endpoint, 32);
        assertThat(big.error().kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
        assertThat(big.error().message()).contains("limit of " + (1 << 20) + " bytes of JSON");
        TaskStatus list = run(client, endless, endpoint, 0);
        assertThat(list.error().kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
      }
      TaskStatus table = run(client, rows, endpoint, 200_000);
      assertThat(table.error().kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
      assertThat(table.error().message()).contains("limit of " + (1 << 20) + " bytes of arrow");
      assertThat(run(client, rows, endpoint, 10).resultFormat()).isEqualTo("arrow");
      TaskStatus shouted = run(client, shout, endpoint, 16);
      assertThat(shouted.error().kind()).isEqualTo(ErrorKind.REMOTE_EXCEPTION);
      assertThat(shouted.error().message())
          .startsWith("java.lang.IllegalStateException: yyy")
          .endsWith(" more characters cut]")
          .hasSizeLessThan(64 * 1024 + 100);
      assertThat(shouted.error().details()).hasSizeLessThan(64 * 1024 + 4096);

      TaskStatus next = run(client, sq, endpoint, 7);
      assertThat(next.result().getAsLong()).isEqualTo(49);
      TaskStatus fits = run(client, bigText, endpoint, 0);
      assertThat(fits.result().getAsString()).isEmpty();
      assertThat(cluster.managerPids("small"))
          .as("the same manager, never restarted")
          .containsExactly(manager);
    }
  }

  @Test
  void results_adding_up_past_the_batch_bound_all_arrive() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(2, 2));
      RegisteredFunction bigText = client.register(BIG_TEXT);
      int mib = 3;
      List<Object> args = List.of(mib, mib, mib, mib, mib, mib);
      assertThat((long) args.size() * (mib << 20)).isGreaterThan(WireLimits.RESULT_BATCH_BYTES);
      List<String> ids = client.submit(bigText.id(), endpoint, args, TaskOptions.DEFAULT).taskIds();
      try {
        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> ids.stream().allMatch(id -> client.task(id).finished()));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        StringBuilder why = new StringBuilder("not all finished:");
        ids.forEach(id -> why.append(' ').append(client.task(id).state()));
        try (var logs = java.nio.file.Files.walk(cluster.home.root())) {
          for (var log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
            why.append("\n== ").append(log).append("\n");
            java.nio.file.Files.readAllLines(log).stream()
                .filter(l -> !l.contains("connected (session") && !l.contains("registered with"))
                .limit(60)
                .forEach(l -> why.append(l, 0, Math.min(400, l.length())).append('\n'));
          }
        }
        throw new AssertionError(why.toString(), e);
      }
      for (String id : ids) {
        TaskStatus s = client.task(id);
        assertThat(s.state()).as("task %s: %s", id, s.error()).isEqualTo(TaskState.SUCCESS);
        String text = s.result().getAsString();
        assertThat(text.length()).isEqualTo(mib << 20);
        assertThat(text.chars().allMatch(c -> c == 'x')).isTrue();
      }
      assertThat(cluster.managerPids("local")).hasSize(1);
    }
  }
}
