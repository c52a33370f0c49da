package org.funcx.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.funcx.arrow.ArrowTable;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;

/**
 * The timed workloads of {@code ./funcx bench} on one executor, each the same as
 * bench/peers/workloads.py runs on Dask and ipyparallel: no-op throughput at a batch size, warm
 * round trips, sleeps, and result transfer. Results are checked, so a fast wrong answer fails.
 */
final class BenchWorkloads {
  private final FuncXExecutor executor;

  BenchWorkloads(FuncXExecutor executor) {
    this.executor = executor;
  }

  /** Tasks/s for {@code tasks} no-ops sent {@code batch} per request (1: one submit per task). */
  double throughput(RegisteredFunction noop, int tasks, int batch) throws Exception {
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
        throw new IllegalStateException("wrong no-op result for input " + i);
      }
    }
    return tasks / seconds;
  }

  /** Sorted milliseconds of {@code count} submit-and-wait round trips, after {@code warm}. */
  double[] roundTrips(RegisteredFunction noop, int warm, int count) throws Exception {
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

  /** Seconds for one map of {@code inputs}, all results awaited. */
  double timedMap(RegisteredFunction f, List<?> inputs) throws Exception {
    long start = System.nanoTime();
    awaitAll(executor.map(f, inputs));
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * MiB/s of {@code count} results of {@code resultBytes} each, worker to decoded value in this
   * JVM; {@code arg} makes one result ({@code String} of chars, or {@code long[]} as Arrow).
   */
  double transfer(RegisteredFunction f, int arg, long resultBytes, int count) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<Object>> futures = executor.map(f, Collections.nCopies(count, arg));
    long bytes = 0;
    for (CompletableFuture<Object> future : futures) {
      Object r = future.get(10, TimeUnit.MINUTES);
      if (r instanceof ArrowTable table) {
        try (table) {
          bytes += table.rowCount() * Long.BYTES;
        }
      } else {
        bytes += ((String) r).length();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (bytes != count * resultBytes) throw new IllegalStateException("wrong result size " + bytes);
    return bytes / 1048576.0 / seconds;
  }

  static void awaitAll(List<CompletableFuture<Object>> futures) throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
