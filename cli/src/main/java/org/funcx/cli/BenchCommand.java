package org.funcx.cli;

import com.google.gson.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.funcx.arrow.ArrowTable;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the whole task path on a fresh service and local endpoint (own processes, own state
 * directory, loopback ports): cold start to first result, warm single round trips, and no-op
 * throughput for one large batch, and transfer of 1 MiB Arrow results. Prints one JSON line.
 */
@Command(name = "bench", description = "Benchmark the task path; prints one JSON line.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Smaller run, under a minute.") boolean quick;
  @Option(names = "--batch", description = "Tasks in the throughput batch (default 100000).")
  int batch = 100_000;
  @Option(names = "--round-trips", description = "Warm round trips to time (default 1000, quick 300).")
  Integer roundTrips;
  @Option(names = "--workers", description = "Workers per manager (default: cores).")
  Integer workers;
  @Option(names = "--prefetch", description = "Tasks a manager may hold beyond its workers.")
  Integer prefetch;

  @Override
  public Integer call() throws Exception {
    FuncxHome home = new FuncxHome(Files.createTempDirectory("funcx-bench-"));
    var service = new ServiceControl(home);
    var endpoints = new EndpointControl(home);
    try {
      long coldStart = System.nanoTime();
      var state = service.start(freePort(), freePort());
      var config = endpoints.configure("bench", state.url());
      config = config.withWorkers(workers != null ? workers : config.workersPerNode(),
          prefetch != null ? prefetch : config.prefetch());
      endpoints.save(config);
      String endpointId = endpoints.start("bench", state.url());
      FuncXClient client = home.client(state.url());
      RegisteredFunction noop = client.register("int noop(int x) { return x; }");
      try (FuncXExecutor executor = client.executor(endpointId)) {
        executor.submit(noop, 0).get(60, TimeUnit.SECONDS);
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        double[] latencies = roundTrips(executor, noop, roundTrips != null ? roundTrips : quick ? 300 : 1_000);
        double tasksPerSecond = throughput(executor, noop, batch);
        RegisteredFunction mib = client.register("long[] mib(int n) { return new long[n]; }");
        double mibPerSecond = transfer(executor, mib, quick ? 32 : 128);
        JsonObject out = new JsonObject();
        out.addProperty("bench", "task-path");
        out.addProperty("batch_tasks", batch);
        out.addProperty("noop_tasks_per_s", Math.round(tasksPerSecond));
        out.addProperty("warm_rtt_p50_ms", round(percentile(latencies, 50)));
        out.addProperty("warm_rtt_p99_ms", round(percentile(latencies, 99)));
        out.addProperty("round_trips", latencies.length);
        out.addProperty("cold_start_to_first_result_ms", Math.round(coldMs));
        out.addProperty("result_1mib_arrow_mib_per_s", Math.round(mibPerSecond));
        out.addProperty("workers", config.workersPerNode() * config.maxBlocks());
        out.addProperty("cores", Runtime.getRuntime().availableProcessors());
        System.out.println(Json.GSON.toJson(out));
      }
      return 0;
    } finally {
      endpoints.stopAll();
      service.stop();
      try (var files = Files.walk(home.root())) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double[] roundTrips(FuncXExecutor executor, RegisteredFunction f, int count)
      throws Exception {
    for (int i = 0; i < Math.max(200, count); i++) executor.submit(f, i).get(30, TimeUnit.SECONDS);
    double[] ms = new double[count];
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      executor.submit(f, i).get(30, TimeUnit.SECONDS);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double throughput(FuncXExecutor executor, RegisteredFunction f, int n)
      throws Exception {
    List<Integer> inputs = IntStream.range(0, n).boxed().toList();
    long t = System.nanoTime();
    List<CompletableFuture<Object>> futures = new ArrayList<>(executor.map(f, inputs));
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    return n / ((System.nanoTime() - t) / 1e9);
  }

  /** MiB/s of 1 MiB Arrow results (131,072 longs), worker to decoded table in this JVM. */
  private static double transfer(FuncXExecutor executor, RegisteredFunction f, int count)
      throws Exception {
    int longs = 1 << 17;
    executor.submit(f, longs).get(60, TimeUnit.SECONDS);
    long t = System.nanoTime();
    List<CompletableFuture<Object>> futures =
        executor.map(f, java.util.Collections.nCopies(count, longs));
    long bytes = 0;
    for (CompletableFuture<Object> future : futures) {
      try (ArrowTable table = (ArrowTable) future.get(5, TimeUnit.MINUTES)) {
        bytes += table.rowCount() * Long.BYTES;
      }
    }
    return bytes / (1024.0 * 1024.0) / ((System.nanoTime() - t) / 1e9);
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
