package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 50 concurrent clients submit and poll for a while (60 s, or {@code -Dfuncx.load.seconds}): no
 * 5xx, no error other than 429 (which clients honour by waiting Retry-After), and every task
 * submitted finishes. Prints the p50/p99 API latency and the service's resident memory.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoadTest {
  @Test
  void fifty_clients_submitting_and_polling_keep_the_service_responsive() throws Exception {
    int seconds = Integer.getInteger("funcx.load.seconds", 60);
    try (TestCluster cluster = new TestCluster()) {
      String endpoint = cluster.startEndpoint("load", c -> c);
      RegisteredFunction f = cluster.client().register("int id(int x) { return x; }");
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger limited = new AtomicInteger();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService clients = Executors.newFixedThreadPool(50);
      for (int c = 0; c < 50; c++) {
        clients.execute(
            () -> {
              FuncXClient client = cluster.client();
              List<String> mine = new ArrayList<>();
              while (System.nanoTime() < deadline) {
                long t = System.nanoTime();
                try {
                  if (mine.size() < 5 || mine.size() % 2 == 0) {
                    mine.addAll(
                        client
                            .submit(f.id(), endpoint, List.of(1, 2, 3), TaskOptions.DEFAULT)
                            .taskIds());
                  } else {
                    client.batchStatus(mine.subList(Math.max(0, mine.size() - 20), mine.size()));
                  }
                  latencies.add(System.nanoTime() - t);
                } catch (FuncXException e) {
                  if (e.status() == 429) {
                    limited.incrementAndGet();
                    sleep(1_000);
                  } else {
                    failures.add(e.status() + " " + e.getMessage());
                  }
                }
              }
              submitted.addAll(mine);
            });
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(seconds + 60, TimeUnit.SECONDS)).isTrue();
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      long rssKb = rssKb(cluster.servicePid());
      System.out.printf(
          "load: %d requests in %d s, p50 %.1f ms, p99 %.1f ms, 429s %d, service" + " RSS %d MiB%n",
          sorted.size(),
          seconds,
          sorted.get(sorted.size() / 2) / 1e6,
          sorted.get((int) (sorted.size() * 0.99)) / 1e6,
          limited.get(),
          rssKb / 1024);
      assertThat(failures).as("errors other than 429").isEmpty();
      List<String> ids = List.copyOf(submitted);
      FuncXClient client = cluster.client();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> client.batchStatus(ids).values().stream().allMatch(TaskStatus::finished));
      assertThat(client.batchStatus(ids)).hasSize(ids.size());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long rssKb(long pid) throws Exception {
    for (String line :
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return -1;
  }
}
