package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.deps.FileRepository;
import org.funcx.endpoint.config.LibrarySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * notebooks/real-workloads.ipynb under Debian's Jupyter against a real service, a local endpoint
 * and a Slurm endpoint on the real single-node Slurm (scripts/slurm/start.sh): a {@code %maven}
 * library in a cell and remotely, printed progress in the cell, a shell command, a two-rank srun
 * task, and a refused request and a missing dependency as clear notebook errors. Maven reads
 * offline from a file repository of real artifacts, in the kernel, the service and the endpoint.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RealWorkloadsNotebookIT {
  static TestCluster cluster;
  static Path repository;

  @BeforeAll
  static void start() throws Exception {
    SlurmSite.start();
    repository = FileRepository.standard(Files.createTempDirectory("funcx-maven-repo-")).root();
    cluster =
        TestCluster.withServiceArgs(
            List.of("--maven-offline", "true", "--maven-local-repository", repository.toString()));
    cluster.startEndpoint(
        "local",
        c ->
            c.withWorkers(2, 0)
                .withLibraries(
                    new LibrarySettings(null, true, repository.toString(), List.of(), 0)));
    SlurmSite.startEndpointWithOneBlock(cluster, "hpc", 4);
  }

  @AfterAll
  static void stop() throws Exception {
    SlurmSite.close(cluster);
  }

  @Test
  void libraries_output_shell_and_ranks_run_and_errors_are_clear() throws Exception {
    Map<String, String> env = new HashMap<>(cluster.clientEnv());
    env.put("FUNCX_MAVEN_OFFLINE", "true");
    env.put("FUNCX_MAVEN_LOCAL_REPOSITORY", repository.toString());
    List<String> out = new NotebookRunner().execute("real-workloads.ipynb", env, 240);

    assertThat(out.get(0)).contains("connected to the funcX service");
    assertThat(out.get(1)).contains("org.apache.commons:commons-math3:3.6.1: added 1 jar");
    assertThat(out.get(2)).contains("in the notebook: median 3.5");
    assertThat(out.get(3)).contains("median").contains("org.apache.commons:commons-math3:3.6.1");
    assertThat(out.get(4)).contains("3.5");
    String progress = out.get(6);
    assertThat(progress).contains("step 1 of 4: x = 1.0").contains("step 4 of 4: x = 1.423611");
    assertThat(progress.indexOf("step 4 of 4"))
        .as("printed lines before the value")
        .isLessThan(progress.lastIndexOf("1.4236111"));
    assertThat(out.get(7)).contains("hello, world from Linux");
    assertThat(out.get(8))
        .containsPattern("rank=0 of 2 in job \\d+")
        .containsPattern("rank=1 of 2 in job \\d+");
    assertThat(out.get(9))
        .contains("resource_request_too_large")
        .contains(
            "64 ranks per node x 1 CPUs per rank = 64 CPUs per node requested, but a block"
                + " of this endpoint has 4 CPUs per node");
    assertThat(out.get(10))
        .contains("RemoteDependencyError")
        .contains("org.example.nothing:no-such-library:1.0");
  }
}
