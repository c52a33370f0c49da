package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.jvm.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One workload, many faults: while thousands of tasks flow, SIGKILL a manager, the endpoint agent
 * and the service; nobody restarts them but their provider and supervisors. Every task must end
 * successfully with its own result, none may be lost, and none may be finished twice (a task's
 * completion time, once seen, never changes). Prints {@code faults: N injected, tasks: M, lost:
 * L, duplicated: D}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FaultSuiteTest {
  private final Map<String, Long> firstCompletion = new HashMap<>();
  private int duplicated;

  @Test
  void every_task_ends_once_through_manager_agent_and_service_crashes() throws Exception {
    int faults = 0;
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint =
          cluster.startEndpoint(
              "suite", c -> c.withWorkers(2, 0).withBlocks(2, 2, 2).withMaxRetries(5));
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(3_000, 3), TaskOptions.DEFAULT)
              .taskIds();

      awaitProgress(client, ids, 300);
      TestCluster.kill9(cluster.managerPids("suite").get(0));
      faults++;

      awaitProgress(client, ids, 900);
      TestCluster.kill9(cluster.agentPid("suite"));
      faults++;

      awaitProgress(client, ids, 1_500);
      TestCluster.kill9(cluster.servicePid());
      faults++;
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> cluster.service.running().isPresent()); // its supervisor restarts it

      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> observe(client, ids) == ids.size());
      Map<String, TaskStatus> done = client.batchStatus(ids);
      observe(client, ids);
      int lost = ids.size() - done.size();
      System.out.printf(
          "faults: %d injected, tasks: %d, lost: %d, duplicated: %d%n",
          faults, ids.size(), lost, duplicated);
      assertThat(lost).isZero();
      assertThat(duplicated).isZero();
      FaultToleranceTest.assertResultsAreTheInputs(ids, done);
      assertThat(cluster.service.supervision().status().orElseThrow().restarts()).isEqualTo(1);
      assertThat(cluster.endpoints.supervision("suite").status().orElseThrow().restarts())
          .isEqualTo(1);
    }
  }

  @Test
  void dropped_and_delayed_links_lose_and_duplicate_no_task() throws Exception {
    int forwarderPort = FreePorts.pick();
    int faults = 0;
    try (ChaosProxy proxy = new ChaosProxy(forwarderPort);
        TestCluster cluster = new TestCluster(forwarderPort, "tcp://127.0.0.1:" + proxy.port())) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("linked", c -> c.withWorkers(2, 0));
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(2_000, 2), TaskOptions.DEFAULT)
              .taskIds();
      for (int round = 1; round <= 3; round++) {
        awaitProgress(client, ids, round * 400);
        proxy.dropAll();
        faults++;
      }
      awaitProgress(client, ids, 1_400);
      proxy.pause(true);
      Thread.sleep(3_000);
      proxy.pause(false);
      faults++;
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> observe(client, ids) == ids.size());
      Map<String, TaskStatus> done = client.batchStatus(ids);
      System.out.printf(
          "faults: %d injected, tasks: %d, lost: %d, duplicated: %d%n",
          faults, ids.size(), ids.size() - done.size(), duplicated);
      assertThat(duplicated).isZero();
      FaultToleranceTest.assertResultsAreTheInputs(ids, done);
    }
  }

  private void awaitProgress(FuncXClient client, List<String> ids, int finished) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> observe(client, ids) >= finished);
  }

  /** Records each task's first completion time; a later different one is a duplicate finish. */
  private long observe(FuncXClient client, List<String> ids) {
    long finished = 0;
    for (TaskStatus s : client.batchStatus(ids).values()) {
      if (!s.finished()) continue;
      finished++;
      Long first = firstCompletion.putIfAbsent(s.taskId(), s.completedAtMillis());
      if (first != null && first != s.completedAtMillis()) duplicated++;
    }
    return finished;
  }
}
