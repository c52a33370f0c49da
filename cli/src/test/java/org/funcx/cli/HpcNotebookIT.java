package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * notebooks/hpc-slurm.ipynb against a real single-node Slurm (scripts/slurm/start.sh): the notebook
 * configures and starts the endpoint with {@code ../funcx} (hence an integration test: it runs
 * after {@code package} built the distribution {@code ./funcx} launches), and its outputs must
 * show the blocks go out to two running Slurm jobs, run the tasks, and come back in to none.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HpcNotebookIT {
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    SlurmSite.start();
    PackagedCli.ready();
    cluster = new TestCluster();
  }

  @AfterAll
  static void stop() throws Exception {
    SlurmSite.close(cluster);
  }

  @Test
  @Order(2)
  void blocks_scale_out_to_two_slurm_jobs_that_run_the_tasks_and_back_in_to_none()
      throws Exception {
    List<String> out = new NotebookRunner().execute("hpc-slurm.ipynb", cluster.clientEnv(), 240);

    assertThat(out.get(0)).contains("Slurm answers at http://");
    assertThat(out.get(1)).containsPattern("endpoint hpc online: [0-9a-f-]{36}");
    assertThat(out.get(2)).contains("endpoint hpc: 0 active block(s), 0 ended");
    assertThat(out.get(3)).contains("using endpoint hpc");

    String scaledOut = out.get(6);
    assertThat(scaledOut).contains("endpoint hpc: 2 active block(s)");
    Set<String> jobs = rows(scaledOut, "running");
    assertThat(jobs).as("two running blocks in:%n%s", scaledOut).hasSize(2);
    for (String job : jobs) {
      assertThat(out.get(7))
          .as("squeue shows block job %s", job)
          .containsPattern("(?m)^" + job + " funcx-slurm-hpc-\\d+ RUNNING$");
    }
    Matcher results =
        Pattern.compile("16 results from Slurm jobs \\[([0-9, ]+)\\]").matcher(out.get(8));
    assertThat(results.find()).as("results line in:%n%s", out.get(8)).isTrue();
    assertThat(jobs)
        .as("the tasks ran inside the block jobs")
        .containsAll(List.of(results.group(1).split(", ")));

    String scaledIn = out.get(9);
    assertThat(scaledIn).contains("endpoint hpc: 0 active block(s), 2 ended");
    assertThat(rows(scaledIn, "cancelled")).isEqualTo(jobs);
    assertThat(out.get(10)).contains("funcX jobs left in squeue: 0");
    assertThat(out.get(11)).contains("endpoint hpc stopped").contains("cancelled");
    assertThat(SlurmSite.funcxJobs()).isEmpty();
    assertThat(cluster.endpoints.runningPid("hpc")).isEmpty();
  }

  /**
   * A newcomer without Slurm who runs the notebook is told at once, in its first code cell, how
   * to start one, and nothing is left behind (no endpoint configured, none online). It runs
   * first: the Slurm run leaves its hpc endpoint configured, which would hide one made here.
   */
  @Test
  @Order(1)
  void without_a_reachable_slurm_the_notebook_stops_at_its_first_cell_and_starts_nothing()
      throws Exception {
    Set<String> configuredBefore = new TreeSet<>(cluster.endpoints.names());
    var env = new java.util.HashMap<>(cluster.clientEnv());
    env.put("FUNCX_SLURM_ENV", "/nonexistent/funcx-slurm/env");
    NotebookRunner.Attempt attempt = new NotebookRunner().attempt("hpc-slurm.ipynb", env, 240);

    assertThat(attempt.exitCode()).as(attempt.log()).isNotZero();
    assertThat(attempt.log())
        .contains("No Slurm is reachable")
        .contains("sudo scripts/slurm/start.sh")
        .doesNotContain("endpoint configure hpc");
    assertThat(cluster.endpoints.names())
        .doesNotContain("hpc")
        .containsExactlyInAnyOrderElementsOf(configuredBefore);
    assertThat(cluster.client().endpoints()).noneMatch(e -> "hpc".equals(e.name()));
  }

  /** Job ids of the text table's rows in {@code state}. */
  private static Set<String> rows(String table, String state) {
    Set<String> jobs = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^slurm-hpc-\\d+\\s+(\\d+)\\s+" + state + "\\s").matcher(table);
    while (row.find()) jobs.add(row.group(1));
    return jobs;
  }
}
