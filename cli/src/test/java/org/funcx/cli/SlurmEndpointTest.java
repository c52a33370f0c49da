package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.funcx.endpoint.config.SlurmSettings;
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
  static final Path SCRIPTS = Path.of("..", "scripts", "slurm").toAbsolutePath().normalize();
  static Map<String, String> env;

  @BeforeAll
  static void startSlurm() throws Exception {
    run(SCRIPTS.resolve("install.sh").toString());
    run(SCRIPTS.resolve("start.sh").toString());
    env = SlurmEnv.read(SlurmEnv.DEFAULT);
  }

  @AfterAll
  static void cancelLeftovers() throws Exception {
    for (String job : funcxJobs()) run("scancel", job);
  }

  static void run(String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (env != null) pb.environment().put("SLURM_CONF", env.get("SLURM_CONF"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("%s:%n%s", String.join(" ", command), out).isZero();
  }

  /** Job ids of funcX blocks that squeue shows. */
  static List<String> funcxJobs() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("squeue", "-h", "-o", "%i %j");
    pb.environment().put("SLURM_CONF", env.get("SLURM_CONF"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.lines().filter(l -> l.contains("funcx-slurm-")).map(l -> l.split(" ")[0]).toList();
  }

  static String startSlurmEndpoint(TestCluster cluster, String name, int min, int max)
      throws Exception {
    SlurmSettings slurm = new SlurmSettings(env.get("SLURMRESTD_URL"), env.get("SLURMRESTD_USER"),
        env.get("SLURMRESTD_TOKEN_FILE"), env.get("FUNCX_SLURM_PARTITION"), null, null, 10, 2, 0,
        "", null);
    return cluster.startEndpoint(name, c -> c.withWorkers(4, 0).withBlocks(min, min, max)
        .withMaxRetries(2).withSlurm(slurm, 5));
  }

  static void assertAllSucceed(FuncXClient client, List<String> ids) {
    FaultToleranceTest.assertResultsAreTheInputs(ids,
        FaultToleranceTest.awaitAllFinished(client, ids));
  }

  @Test
  void blocks_are_slurm_jobs_that_run_the_tasks_and_leave_when_idle() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = startSlurmEndpoint(cluster, "hpc", 0, 2);
      assertThat(funcxJobs()).as("no block before there is work (min_blocks 0)").isEmpty();
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);

      long submitted = System.nanoTime();
      List<String> ids = client.submit(nap.id(), endpoint, FaultToleranceTest.naps(2_000, 10), TaskOptions.DEFAULT)
          .taskIds();
      Set<String> seenJobs = ConcurrentHashMap.newKeySet();
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
        seenJobs.addAll(funcxJobs());
        return client.task(ids.get(0)).finished();
      });
      System.out.printf("slurm cold start: submit to first result %.0f ms%n",
          (System.nanoTime() - submitted) / 1e6);
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
        seenJobs.addAll(funcxJobs());
        return client.batchStatus(ids).values().stream().allMatch(TaskStatus::finished);
      });
      assertThat(seenJobs).as("block jobs visible in squeue while tasks ran").isNotEmpty()
          .hasSizeLessThanOrEqualTo(2);
      assertAllSucceed(client, ids);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
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
      List<String> ids = client.submit(nap.id(), endpoint, FaultToleranceTest.naps(200, 100), TaskOptions.DEFAULT)
          .taskIds();
      await().atMost(Duration.ofMinutes(1)).until(() -> client.batchStatus(ids).values().stream()
          .filter(s -> s.state() == TaskState.RUNNING).count() >= 4);
      List<String> jobs = funcxJobs();
      assertThat(jobs).isNotEmpty();
      run("scancel", jobs.get(0));
      assertAllSucceed(client, ids);
    }
  }
}
