package org.funcx.bench.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.funcx.arrow.ArrowTable;
import org.funcx.bench.Machine;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.core.json.Json;

/**
 * The side-by-side workloads on a running funcX service and endpoint, through the SDK, exactly as
 * bench/peers/workloads.py runs them on Dask and ipyparallel; prints one JSON line per figure.
 * {@code ./funcx bench} measures one large batch only, so the batch sizes, sleep tasks and
 * result sizes live here.
 *
 * <pre>FuncxPeerWorkloads --url http://127.0.0.1:PORT --endpoint ID [--quick]</pre>
 */
public final class FuncxPeerWorkloads {
  private static final int WORKERS = 2;
  private final FuncXExecutor executor;
  private final RegisteredFunction noop;

  private FuncxPeerWorkloads(FuncXExecutor executor, RegisteredFunction noop) {
    this.executor = executor;
    this.noop = noop;
  }

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    String url = a.get(a.indexOf("--url") + 1);
    String endpoint = a.get(a.indexOf("--endpoint") + 1);
    PeerSizes sizes = PeerSizes.of(a.contains("--quick"));
    FuncXClient client = FuncXClient.connect(url);
    try (FuncXExecutor executor = client.executor(endpoint)) {
      var run = new FuncxPeerWorkloads(executor, client.register("int noop(int x) { return x; }"));
      run.all(client, sizes);
    }
  }

  private void all(FuncXClient client, PeerSizes s) throws Exception {
    awaitAll(executor.map(noop, range(0, 1_000))); // warm-up: compile, connections, JIT
    for (var e : s.tasksByBatch().entrySet()) {
      emit("noop_tasks_per_s_batch_" + e.getKey(), throughput(e.getValue(), e.getKey()),
          "tasks/s", "higher", e.getValue());
    }
    double[] ms = roundTrips(s.warmTrips(), s.roundTrips());
    emit("warm_rtt_p50_ms", percentile(ms, 50), "ms", "lower", ms.length);
    emit("warm_rtt_p99_ms", percentile(ms, 99), "ms", "lower", ms.length);
    var nap = client.register(
        "int nap(int ms) throws InterruptedException { Thread.sleep(ms); return ms; }");
    double seconds = timedMap(nap, Collections.nCopies(s.sleepTasks(), 10)).seconds();
    emit("sleep_10ms_efficiency_2_workers", s.sleepTasks() * 0.010 / WORKERS / seconds,
        "fraction of ideal", "higher", s.sleepTasks());
    var text = client.register("String text(int n) { return \"x\".repeat(n); }");
    emit("result_1kib_mib_per_s", transfer(text, 1024, 1024, s.kibResults()),
        "MiB/s", "higher", s.kibResults());
    emit("result_1mib_mib_per_s", transfer(text, 1 << 20, 1 << 20, s.mibResults()),
        "MiB/s", "higher", s.mibResults());
    var blob = client.register("long[] blob(int longs) { return new long[longs]; }");
    emit("result_1mib_binary_mib_per_s", transfer(blob, (1 << 20) / Long.BYTES, 1 << 20,
        s.mibResults()),
        "MiB/s", "higher", s.mibResults());
  }

  /** Tasks/s for {@code tasks} no-ops sent {@code batch} at a time (1: one submit per task). */
  private double throughput(int tasks, int batch) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<Object>> futures = new ArrayList<>(tasks);
    if (batch == 1) {
      for (int i = 0; i < tasks; i++) futures.add(executor.submit(noop, i));
    } else {
      for (int first = 0; first < tasks; first += batch) {
        futures.addAll(executor.map(noop, range(first, Math.min(tasks, first + batch))));
      }
    }
    awaitAll(futures);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (int i = 0; i < tasks; i++) {
      if (!Integer.valueOf(i).equals(futures.get(i).join())) {
        throw new IllegalStateException("wrong no-op result for " + i);
      }
    }
    return tasks / seconds;
  }

  private double[] roundTrips(int warm, int count) throws Exception {
    for (int i = 0; i < warm; i++) executor.submit(noop, i).get(30, TimeUnit.SECONDS);
    double[] ms = new double[count];
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      executor.submit(noop, i).get(30, TimeUnit.SECONDS);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private record Timed(List<Object> results, double seconds) {}

  private Timed timedMap(RegisteredFunction f, List<Integer> inputs) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<Object>> futures = executor.map(f, inputs);
    awaitAll(futures);
    List<Object> results = futures.stream().map(CompletableFuture::join).toList();
    return new Timed(results, (System.nanoTime() - start) / 1e9);
  }

  /** MiB/s of {@code count} results of {@code resultBytes} each; {@code arg} makes one. */
  private double transfer(RegisteredFunction f, int arg, long resultBytes, int count)
      throws Exception {
    Timed t = timedMap(f, Collections.nCopies(count, arg));
    long bytes = 0;
    for (Object r : t.results()) {
      if (r instanceof ArrowTable table) {
        try (table) {
          bytes += table.rowCount() * Long.BYTES;
        }
      } else {
        bytes += ((String) r).length();
      }
    }
    if (bytes != count * resultBytes) {
      throw new IllegalStateException("wrong result size: " + bytes);
    }
    return bytes / 1048576.0 / t.seconds();
  }

  private static void awaitAll(List<CompletableFuture<Object>> futures) throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void emit(String figure, double value, String unit, String better, int tasks) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("peer", "funcx");
    line.put("figure", figure);
    line.put("value", Math.round(value * 1000) / 1000.0);
    line.put("unit", unit);
    line.put("better", better);
    line.put("tasks", tasks);
    line.put("load_avg_1m", Machine.loadAverage());
    System.out.println(Json.GSON.toJson(line));
  }
}
