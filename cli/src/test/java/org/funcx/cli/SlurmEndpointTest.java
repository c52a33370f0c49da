package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An endpoint whose blocks are jobs of a real single-node Slurm (scripts/slurm/start.sh, reached
 * through a real slurmrestd): jobs appear in squeue while tasks run, go away when idle, and a
 * job cancelled with scancel mid-run has its tasks retried elsewhere.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SlurmEndpointTest {
  @BeforeAll
  static void startSlurm() throws Exception {
    SlurmSite.start();
  }

  @AfterAll
  static void cancelLeftovers() throws Exception {
    SlurmSite.close(null);
  }

  private static List<String> funcxJobs() throws Exception {
    return SlurmSite.funcxJobs();
  }

  private static String startSlurmEndpoint(TestCluster cluster, String name, int min, int max)
      throws Exception {
    return cluster.startEndpoint(
        name,
        c ->
            c.withWorkers(4, 0)
                .withBlocks(min, min, max)
                .withMaxRetries(2)
                .withSlurm(SlurmSite.blocks(2), 5));
  }

  static void assertAllSucceed(FuncXClient client, List<String> ids) {
    FaultToleranceTest.assertResultsAreTheInputs(
        ids, FaultToleranceTest.awaitAllFinished(client, ids));
  }

  @Test
  void blocks_are_slurm_jobs_that_run_the_tasks_and_leave_when_idle() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = startSlurmEndpoint(cluster, "hpc", 0, 2);
      assertThat(funcxJobs()).as("no block before there is work (min_blocks 0)").isEmpty();
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);

      long submitted = System.nanoTime();
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(2_000, 10), TaskOptions.DEFAULT)
              .taskIds();
      Set<String> seenJobs = ConcurrentHashMap.newKeySet();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                seenJobs.addAll(funcxJobs());
                return client.task(ids.get(0)).finished();
              });
      System.out.printf(
          "slurm cold start: submit to first result %.0f ms%n",
          (System.nanoTime() - submitted) / 1e6);
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                seenJobs.addAll(funcxJobs());
                return client.batchStatus(ids).values().stream().allMatch(TaskStatus::finished);
              });
      assertThat(seenJobs)
          .as("block jobs visible in squeue while tasks ran")
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(2);
      assertAllSucceed(client, ids);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> funcxJobs().isEmpty());
    }
  }

  @Test
  void a_block_job_cancelled_with_scancel_has_its_tasks_retried() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = startSlurmEndpoint(cluster, "hpc2", 1, 2);
      await().atMost(Duration.ofMinutes(1)).until(() -> client.endpoint(endpoint).managers() >= 1);
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(200, 100), TaskOptions.DEFAULT)
              .taskIds();
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  client.batchStatus(ids).values().stream()
                          .filter(s -> s.state() == TaskState.RUNNING)
                          .count()
                      >= 4);
      List<String> jobs = funcxJobs();
      assertThat(jobs).isNotEmpty();
      SlurmSite.run("scancel", jobs.get(0));
      assertAllSucceed(client, ids);
    }
  }
}
