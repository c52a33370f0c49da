package org.funcx.cli;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the whole task path on a fresh service and local endpoints (own processes, own state
 * directory, loopback ports) and prints one JSON line per figure ({@link BenchLine}): cold start,
 * memory per queued task, no-op throughput at batch sizes 1, 100 and 10,000 (and one request per
 * task from several concurrent submitters), warm round trips,
 * result transfer from 1 KiB to 64 MiB, and 10 ms sleeps on 2 and 8 workers.
 */
@Command(name = "bench", description = "Benchmark the task path; prints one JSON line per figure.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Smaller run, about a minute.")
  boolean quick;

  @Option(names = "--workers", description = "Workers of the main endpoint (default: cores).")
  Integer workers;

  @Option(names = "--prefetch", description = "Tasks a manager may hold beyond its workers.")
  Integer prefetch;

  @Option(
      names = "--only",
      split = ",",
      description = "Figures to run: cold,memory,throughput,latency,transfer,sleep (default all).")
  List<String> only;

  @Option(
      names = "--batch-sizes",
      split = ",",
      description = "Throughput batch sizes to run (default 1,100,10000).")
  List<Integer> batchSizes;

  @Option(
      names = "--warm-trips",
      description = "Round trips before the timed ones (default 300," + " quick 200).")
  Integer warmTrips;

  @Option(
      names = "--submitters",
      description =
          "Concurrent submitters of the one-request-per-task"
              + " figure noop_tasks_per_s_batch_1_submitters_N (default 8; 0 skips it).")
  int submitters = 8;

  @Option(
      names = "--repeat",
      description = "Run the throughput figures this many times (default 1).")
  int repeat = 1;

  @Option(names = "--keep", description = "Keep the temporary funcX home (logs, traces).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    BenchSizes sizes = BenchSizes.of(quick);
    int mainWorkers = workers != null ? workers : Runtime.getRuntime().availableProcessors();
    try (BenchCluster cluster = new BenchCluster(keep)) {
      long coldStart = System.nanoTime();
      cluster.startService();
      String endpointId = cluster.startEndpoint("bench", mainWorkers, prefetch);
      FuncXClient client = cluster.client();
      RegisteredFunction noop = client.register("int noop(int x) { return x; }");
      try (FuncXExecutor executor = client.executor(endpointId)) {
        executor.submit(noop, 0).get(60, TimeUnit.SECONDS);
        if (runs("cold")) {
          BenchLine.lower(
                  "cold_start_to_first_result_ms", (System.nanoTime() - coldStart) / 1e6, "ms", 1)
              .with("what", "service start, endpoint start, register, first task")
              .print();
        }
        if (runs("memory")) queuedMemory(cluster, client, sizes.queuedTasks());
        var run = new BenchWorkloads(executor);
        executor.map(noop, BenchWorkloads.range(0, 1_000)); // warm-up: JIT, connections
        BenchWorkloads.awaitAll(executor.map(noop, BenchWorkloads.range(0, 1_000)));
        if (runs("throughput")) {
          for (int round = 1; round <= repeat; round++) {
            for (var e : sizes.tasksByBatch().entrySet()) {
              if (batchSizes != null && !batchSizes.contains(e.getKey())) continue;
              var cpu = new CpuWatch(cluster);
              double tasksPerSecond = run.throughput(noop, e.getValue(), e.getKey());
              cpu.addTo(
                      BenchLine.higher(
                              "noop_tasks_per_s_batch_" + e.getKey(),
                              tasksPerSecond,
                              "tasks/s",
                              e.getValue())
                          .with("workers", mainWorkers)
                          .with("round", round))
                  .print();
            }
            if (submitters > 0 && (batchSizes == null || batchSizes.contains(1))) {
              int tasks = sizes.concurrentSingleTasks();
              var cpu = new CpuWatch(cluster);
              double tasksPerSecond =
                  ConcurrentSubmitters.throughput(client, endpointId, noop, tasks, submitters);
              cpu.addTo(
                      BenchLine.higher(
                              "noop_tasks_per_s_batch_1_submitters_" + submitters,
                              tasksPerSecond,
                              "tasks/s",
                              tasks)
                          .with("workers", mainWorkers)
                          .with("submitters", submitters)
                          .with("round", round))
                  .print();
            }
          }
        }
        if (runs("latency")) {
          double[] ms =
              run.roundTrips(
                  noop, warmTrips != null ? warmTrips : sizes.warmTrips(), sizes.roundTrips());
          BenchLine.lower("warm_rtt_p50_ms", BenchWorkloads.percentile(ms, 50), "ms", ms.length)
              .print();
          BenchLine.lower("warm_rtt_p99_ms", BenchWorkloads.percentile(ms, 99), "ms", ms.length)
              .print();
        }
        if (runs("transfer")) transfer(client, run, sizes);
      }
      if (runs("sleep")) {
        for (int w : new int[] {2, 8}) sleeps(cluster, w, w * sizes.sleepTasksPerWorker());
      }
      return 0;
    }
  }

  /** CPU seconds each process used during one figure: where the time went, at a glance. */
  private static final class CpuWatch {
    private final long service;
    private final long endpoint;
    private final double[] start;

    CpuWatch(BenchCluster cluster) throws Exception {
      this.service = cluster.servicePid();
      this.endpoint = cluster.endpointPid("bench");
      this.start = now();
    }

    private double[] now() throws Exception {
      return new double[] {
        BenchProcesses.groupCpuSeconds(service),
        BenchProcesses.groupCpuSeconds(endpoint),
        BenchProcesses.cpuSeconds(ProcessHandle.current().pid())
      };
    }

    BenchLine addTo(BenchLine line) throws Exception {
      double[] end = now();
      return line.with("cpu_s_service", end[0] - start[0])
          .with("cpu_s_endpoint", end[1] - start[1])
          .with("cpu_s_client", end[2] - start[2]);
    }
  }

  private boolean runs(String figure) {
    return only == null || only.contains(figure);
  }

  private static void transfer(FuncXClient client, BenchWorkloads run, BenchSizes s)
      throws Exception {
    var text = client.register("String text(int n) { return \"x\".repeat(n); }");
    var blob = client.register("long[] blob(int longs) { return new long[longs]; }");
    run.transfer(text, 1024, 1024, 10); // compile both before timing
    run.transfer(blob, 128, 1024, 10);
    BenchLine.higher(
            "result_1kib_mib_per_s",
            run.transfer(text, 1024, 1024, s.kibResults()),
            "MiB/s",
            s.kibResults())
        .with("result", "String (JSON)")
        .print();
    BenchLine.higher(
            "result_1mib_mib_per_s",
            run.transfer(text, 1 << 20, 1 << 20, s.mibResults()),
            "MiB/s",
            s.mibResults())
        .with("result", "String (JSON)")
        .print();
    BenchLine.higher(
            "result_1mib_binary_mib_per_s",
            run.transfer(blob, (1 << 20) / Long.BYTES, 1 << 20, s.mibResults()),
            "MiB/s",
            s.mibResults())
        .with("result", "long[] (Arrow)")
        .print();
    BenchLine.higher(
            "result_64mib_binary_mib_per_s",
            run.transfer(blob, (64 << 20) / Long.BYTES, 64L << 20, s.bigResults()),
            "MiB/s",
            s.bigResults())
        .with("result", "long[] (Arrow)")
        .print();
  }

  /** Fraction of ideal for {@code tasks} 10 ms sleeps on an endpoint of {@code workers}. */
  private static void sleeps(BenchCluster cluster, int workers, int tasks) throws Exception {
    String name = "sleep-" + workers;
    String id = cluster.startEndpoint(name, workers, null);
    FuncXClient client = cluster.client();
    var nap =
        client.register(
            "int nap(int ms) throws InterruptedException { Thread.sleep(ms); return ms; }");
    try (FuncXExecutor executor = client.executor(id)) {
      var run = new BenchWorkloads(executor);
      run.timedMap(nap, Collections.nCopies(workers * 4, 10)); // compile, warm
      double seconds = run.timedMap(nap, Collections.nCopies(tasks, 10));
      double ideal = tasks * 0.010 / workers;
      BenchLine.higher(
              "sleep_10ms_efficiency_" + workers + "_workers",
              ideal / seconds,
              "fraction of ideal",
              tasks)
          .with("seconds", seconds)
          .with("ideal_seconds", ideal)
          .print();
    }
    cluster.stopEndpoint(name);
  }

  /**
   * Resident memory per 100,000 queued tasks: an endpoint with one worker held by a long sleep
   * receives {@code tasks} no-ops that cannot run yet; the service keeps them stored and in its
   * ledger, the endpoint in its interchange queue. The endpoint is deleted afterwards, which
   * fails its tasks, so later figures see an empty ledger.
   */
  private static void queuedMemory(BenchCluster cluster, FuncXClient client, int tasks)
      throws Exception {
    String id = cluster.startEndpoint("memory", 1, 0);
    var nap =
        client.register(
            "int hold(int ms) throws InterruptedException { Thread.sleep(ms); return ms; }");
    var noop = client.register("int idle(int x) { return x; }");
    client.submit(nap.id(), id, List.of(600_000), TaskOptions.DEFAULT);
    waitFor(() -> client.endpoint(id).runningAtEndpoint() >= 1, 60);
    long service = cluster.servicePid();
    long endpoint = cluster.endpointPid("memory");
    long serviceBefore = BenchProcesses.groupRssKib(service);
    long endpointBefore = BenchProcesses.groupRssKib(endpoint);
    long serviceHeapBefore = BenchProcesses.heapAfterGcKib(service);
    long endpointHeapBefore = BenchProcesses.heapAfterGcKib(endpoint);
    for (int first = 0; first < tasks; first += 10_000) {
      client.submit(
          noop.id(),
          id,
          BenchWorkloads.range(first, Math.min(tasks, first + 10_000)),
          TaskOptions.DEFAULT.withTimeout(Duration.ofHours(1)));
    }
    waitFor(() -> client.endpoint(id).queuedAtEndpoint() >= tasks, 120);
    double per100k = 100_000.0 / tasks / 1024;
    long serviceAfter = BenchProcesses.groupRssKib(service);
    long endpointAfter = BenchProcesses.groupRssKib(endpoint);
    BenchLine.lower(
            "service_rss_mib_per_100k_queued",
            (serviceAfter - serviceBefore) * per100k,
            "MiB",
            tasks)
        .with("rss_before_mib", serviceBefore / 1024.0)
        .with(
            "heap_after_gc_mib_per_100k",
            (BenchProcesses.heapAfterGcKib(service) - serviceHeapBefore) * per100k)
        .print();
    BenchLine.lower(
            "endpoint_rss_mib_per_100k_queued",
            (endpointAfter - endpointBefore) * per100k,
            "MiB",
            tasks)
        .with("rss_before_mib", endpointBefore / 1024.0)
        .with(
            "heap_after_gc_mib_per_100k",
            (BenchProcesses.heapAfterGcKib(endpoint) - endpointHeapBefore) * per100k)
        .with("what", "agent (interchange) and its manager, one worker held by a sleep")
        .print();
    client.deleteEndpoint(id);
    cluster.stopEndpoint("memory");
  }

  private interface Check {
    boolean done() throws Exception;
  }

  private static void waitFor(Check check, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!check.done()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("bench: timed out waiting");
      Thread.sleep(100);
    }
  }
}
