package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.ShellResult;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.json.Json;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shell tasks with a resource specification on a real single-node Slurm (scripts/slurm/start.sh):
 * they run as srun job steps of their block's job, every rank's output comes back, a cancel ends
 * every rank, and requests no block can hold are refused at submission with the figures.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SlurmRanksTest {
  /** CPUs per node of the test endpoint's blocks: two 1-CPU ranks fit, four do not. */
  static final int CPUS_PER_BLOCK = 2;

  static TestCluster cluster;
  static FuncXClient client;
  static String endpointId;

  @BeforeAll
  static void start() throws Exception {
    SlurmSite.start();
    cluster = new TestCluster();
    client = cluster.client();
    endpointId = SlurmSite.startEndpointWithOneBlock(cluster, "hpc-ranks", CPUS_PER_BLOCK);
  }

  @AfterAll
  static void stop() throws Exception {
    SlurmSite.close(cluster);
  }

  private static TaskStatus awaitFinished(String taskId) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> client.task(taskId).finished());
    return client.task(taskId);
  }

  private static String submit(RegisteredFunction f, ResourceSpec resources) {
    return client
        .submit(
            f.id(),
            endpointId,
            List.of(List.of(Map.of())),
            TaskOptions.DEFAULT.withResources(resources))
        .taskIds()
        .get(0);
  }

  @Test
  void two_ranks_run_as_one_srun_step_and_both_print() {
    RegisteredFunction ranks =
        client.registerShell(
            "ranks",
            "echo rank=$SLURM_PROCID of=$SLURM_NTASKS step=$SLURM_STEP_ID host=$(hostname)");
    TaskStatus done = awaitFinished(submit(ranks, ResourceSpec.of(1, 2, 1)));
    assertThat(done.state()).as("%s", done.error()).isEqualTo(TaskState.SUCCESS);
    ShellResult result = shellResult(done);
    assertThat(result.returncode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().sorted().toList())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("rank=0 of=2 step="))
        .anySatisfy(l -> assertThat(l).startsWith("rank=1 of=2 step="));
    // the command shown is the user's, not the srun line around it
    assertThat(result.cmd()).doesNotContain("srun");
  }

  @Test
  void a_cancelled_two_rank_task_leaves_no_process() throws Exception {
    // A sleep no other process on the machine runs, so pgrep finds only this task's ranks.
    String marker = "sleep 900." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    RegisteredFunction sleeper = client.registerShell("sleeper", marker);
    String taskId = submit(sleeper, ResourceSpec.of(1, 2, 1));
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> processes(marker).size() == 2);
    assertThat(client.cancel(taskId)).isTrue();
    assertThat(awaitFinished(taskId).state()).isEqualTo(TaskState.CANCELLED);
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> processes(marker).isEmpty() && steps(taskId).isEmpty());
  }

  @Test
  void a_request_larger_than_any_block_is_refused_with_the_figures() {
    RegisteredFunction echo = client.registerShell("echo-ranks", "echo $SLURM_PROCID");
    assertThatThrownBy(() -> submit(echo, ResourceSpec.of(1, 16, 1)))
        .isInstanceOfSatisfying(
            FuncXException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("resource_request_too_large");
              assertThat(e.getMessage())
                  .contains("16 ranks per node x 1 CPUs per rank = 16 CPUs")
                  .contains(CPUS_PER_BLOCK + " CPUs per node");
            });
    assertThatThrownBy(() -> submit(echo, ResourceSpec.of(2, 1, 1)))
        .isInstanceOfSatisfying(
            FuncXException.class,
            e -> {
              assertThat(e.code()).isEqualTo("resource_request_too_large");
              assertThat(e.getMessage())
                  .contains("2 nodes requested, but a block of this endpoint" + " has 1");
            });
    // the endpoint keeps serving: a request that fits runs
    TaskStatus fits = awaitFinished(submit(echo, ResourceSpec.of(1, CPUS_PER_BLOCK, 1)));
    assertThat(shellResult(fits).stdout().lines().count()).isEqualTo(CPUS_PER_BLOCK);
  }

  private static ShellResult shellResult(TaskStatus status) {
    return ShellResult.of(Json.GSON.fromJson(status.result(), Map.class));
  }

  /** Live processes running {@code text} itself (not the sh or srun lines that name it). */
  static List<String> processes(String text) throws Exception {
    Process p = new ProcessBuilder("pgrep", "-a", "-f", text).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.lines().filter(l -> l.matches("\\d+ sleep .*")).toList();
  }

  /** Slurm job steps of the task that squeue still shows. */
  static List<String> steps(String taskId) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("squeue", "-h", "-s", "-o", "%i %j");
    pb.environment().put("SLURM_CONF", SlurmSite.slurmConf());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.lines().filter(l -> l.contains("funcx-task-" + taskId)).toList();
  }
}
