package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.funcx.endpoint.config.SlurmSettings;

/**
 * The real single-node Slurm the Slurm tests share (scripts/slurm/: installed and started once,
 * reached through a real slurmrestd): its environment, its funcX block jobs, and endpoints whose
 * blocks are its jobs. Every test class that uses it ends with {@link #close}, so no block job
 * outlives it.
 */
final class SlurmSite {
  static final Path SCRIPTS = Path.of("..", "scripts", "slurm").toAbsolutePath().normalize();
  private static Map<String, String> env;

  private SlurmSite() {}

  /** Installs and starts Slurm if needed (both scripts are idempotent); returns its environment. */
  static synchronized Map<String, String> start() throws Exception {
    run(SCRIPTS.resolve("install.sh").toString());
    run(SCRIPTS.resolve("start.sh").toString());
    env = SlurmEnv.read(SlurmEnv.DEFAULT);
    return env;
  }

  static String slurmConf() {
    return env.get("SLURM_CONF");
  }

  /** Runs a command with this Slurm's configuration; it must succeed. */
  static void run(String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (env != null) pb.environment().put("SLURM_CONF", slurmConf());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("%s:%n%s", String.join(" ", command), out).isZero();
  }

  /** Job ids of funcX blocks that squeue shows. */
  static List<String> funcxJobs() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("squeue", "-h", "-o", "%i %j");
    pb.environment().put("SLURM_CONF", slurmConf());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.lines().filter(l -> l.contains("funcx-slurm-")).map(l -> l.split(" ")[0]).toList();
  }

  /**
   * Blocks of one node with {@code cpusPerBlock} CPUs and a 10-minute limit, whose jobs can run
   * srun steps (the job knows this Slurm's configuration).
   */
  static SlurmSettings blocks(int cpusPerBlock) {
    return new SlurmSettings(
        env.get("SLURMRESTD_URL"),
        env.get("SLURMRESTD_USER"),
        env.get("SLURMRESTD_TOKEN_FILE"),
        env.get("FUNCX_SLURM_PARTITION"),
        null,
        null,
        10,
        cpusPerBlock,
        0,
        "export SLURM_CONF=" + slurmConf(),
        null);
  }

  /** Starts an endpoint of one block (2 workers) and waits for its manager to connect. */
  static String startEndpointWithOneBlock(TestCluster cluster, String name, int cpusPerBlock)
      throws Exception {
    String id =
        cluster.startEndpoint(
            name, c -> c.withWorkers(2, 0).withBlocks(1, 1, 1).withSlurm(blocks(cpusPerBlock), 60));
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> cluster.client().endpoint(id).managers() >= 1);
    return id;
  }

  /** Closes the cluster, then cancels any funcX job it left in Slurm. */
  static void close(TestCluster cluster) throws Exception {
    try {
      if (cluster != null) cluster.close();
    } finally {
      for (String job : funcxJobs()) run("scancel", job);
    }
  }
}
