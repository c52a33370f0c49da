package org.funcx.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Jobs submitted through the real slurmrestd: they run, complete or get cancelled. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlurmJobLifecycleIT {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static RealSlurmCluster cluster;
  private static SlurmRestClient client;

  @BeforeAll
  static void startCluster() {
    cluster = RealSlurmCluster.start();
    client = cluster.client();
  }

  @Test
  void ping_reports_the_primary_controller_up() {
    assertThat(client.ping())
        .anySatisfy(
            ping -> {
              assertThat(ping.up()).isTrue();
              assertThat(ping.mode()).isEqualTo("primary");
            });
  }

  @Test
  void submitted_job_shows_in_rest_and_squeue_runs_completes_and_writes_its_file(
      @TempDir Path workDir) {
    Path result = workDir.resolve("result.txt");
    String script = "#!/bin/sh\nsleep 2\necho \"done by job $SLURM_JOB_ID\" > " + result + "\n";
    long id =
        client.submitJob(cluster.jobRequest(script, workDir).name("funcx-it-complete").build());

    SlurmJob submitted = client.job(id);
    assertThat(submitted.name()).isEqualTo("funcx-it-complete");
    assertThat(submitted.state())
        .isIn(SlurmJobState.PENDING, SlurmJobState.CONFIGURING, SlurmJobState.RUNNING);
    assertThat(client.jobs()).extracting(SlurmJob::id).contains(id);

    awaitState(id, SlurmJobState.RUNNING, Duration.ofSeconds(15));
    assertThat(cluster.squeue(id, "%i %T %N")).isEqualTo(id + " RUNNING localhost");
    assertThat(client.job(id).nodes()).isEqualTo("localhost");

    awaitState(id, SlurmJobState.COMPLETED, Duration.ofSeconds(20));
    assertThat(cluster.squeue(id, "%T")).isEqualTo("COMPLETED");
    assertThat(result).hasContent("done by job " + id);
  }

  @Test
  void cancelled_running_job_ends_cancelled_and_its_script_stops(@TempDir Path workDir)
      throws Exception {
    Path marker = workDir.resolve("still-running");
    String script = "#!/bin/sh\nwhile true; do date +%s%N > " + marker + "; sleep 0.2; done\n";
    long id = client.submitJob(cluster.jobRequest(script, workDir).name("funcx-it-cancel").build());
    awaitState(id, SlurmJobState.RUNNING, Duration.ofSeconds(15));
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(POLL_INTERVAL)
        .until(() -> Files.exists(marker));

    client.cancel(id);

    awaitState(id, SlurmJobState.CANCELLED, Duration.ofSeconds(20));
    assertThat(cluster.squeue(id, "%T")).isEqualTo("CANCELLED");
    String lastBeat = Files.readString(marker);
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(2))
        .pollInterval(POLL_INTERVAL)
        .until(() -> Files.readString(marker).equals(lastBeat));
  }

  private static void awaitState(long id, SlurmJobState expected, Duration timeout) {
    SlurmJob last =
        await()
            .atMost(timeout)
            .pollInterval(POLL_INTERVAL)
            .until(
                () -> client.job(id), job -> job.state() == expected || job.state().isTerminal());
    assertThat(last.state())
        .as("state of job %d (reason %s)", id, last.reason())
        .isEqualTo(expected);
  }
}
