package org.funcx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;

/**
 * No-op throughput with one request per task from several submitters at once, each a thread with
 * its own executor (own result WebSocket), as several notebook users or threads of one program
 * would be. bench/peers/workloads.py runs the same with one process and client per submitter.
 * Executors connect before the clock starts; the clock stops when every result is in and checked.
 */
final class ConcurrentSubmitters {
  private ConcurrentSubmitters() {}

  /** Tasks/s for {@code tasks} no-ops split evenly over {@code submitters}. */
  static double throughput(
      FuncXClient client, String endpointId, RegisteredFunction noop, int tasks, int submitters)
      throws Exception {
    List<FuncXExecutor> executors = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(submitters, new NamedThreads());
    try {
      for (int s = 0; s < submitters; s++) {
        FuncXExecutor executor = client.executor(endpointId);
        executors.add(executor);
        executor.submit(noop, -1).get(60, TimeUnit.SECONDS); // its socket is up and subscribed
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < submitters; s++) {
        FuncXExecutor executor = executors.get(s);
        int first = s;
        done.add(
            threads.submit(
                () -> {
                  go.await();
                  List<CompletableFuture<Object>> futures = new ArrayList<>();
                  List<Integer> inputs = new ArrayList<>();
                  for (int i = first; i < tasks; i += submitters) {
                    futures.add(executor.submit(noop, i));
                    inputs.add(i);
                  }
                  BenchWorkloads.awaitAll(futures);
                  for (int k = 0; k < inputs.size(); k++) {
                    if (!inputs.get(k).equals(futures.get(k).join())) {
                      throw new IllegalStateException(
                          "wrong no-op result for input " + inputs.get(k));
                    }
                  }
                  return null;
                }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> f : done) f.get(10, TimeUnit.MINUTES);
      return tasks / ((System.nanoTime() - start) / 1e9);
    } finally {
      threads.shutdownNow();
      executors.forEach(FuncXExecutor::close);
    }
  }

  private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
    private int next;

    @Override
    public synchronized Thread newThread(Runnable r) {
      Thread t = new Thread(r, "bench-submitter-" + next++);
      t.setDaemon(true);
      return t;
    }
  }
}
