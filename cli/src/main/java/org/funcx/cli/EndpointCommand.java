package org.funcx.cli;

import java.util.concurrent.Callable;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.LibrarySettings;
import org.funcx.endpoint.config.SiteClasspath;
import org.funcx.endpoint.config.SlurmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code funcx endpoint configure|start|stop|list}. */
@Command(
    name = "endpoint",
    description = "Configure, start, stop and list endpoints.",
    subcommands = {
      EndpointCommand.Configure.class,
      EndpointCommand.Start.class,
      EndpointCommand.Stop.class,
      EndpointCommand.ListEndpoints.class,
      EndpointStatusCommand.class
    })
final class EndpointCommand {

  static String serviceUrl() {
    return new ServiceControl(FuncxCli.HOME)
        .running()
        .map(ServiceControl.ServiceState::url)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the service is not running; start it with"
                        + " './funcx up' or './funcx service start'"));
  }

  @Command(name = "configure", description = "Create or update an endpoint's config file.")
  static final class Configure implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--provider", description = "local or slurm")
    String provider;

    @Option(names = "--workers", description = "Workers per manager.")
    Integer workers;

    @Option(names = "--prefetch", description = "Extra tasks a manager may hold.")
    Integer prefetch;

    @Option(names = "--blocks", description = "Managers to run (sets init, min and max).")
    Integer blocks;

    @Option(names = "--max-retries", description = "Retries of tasks lost with a manager.")
    Integer retries;

    @Option(
        names = "--worker-java",
        description =
            "The java (JDK 17-25) that runs managers, e.g."
                + " on compute nodes; default: the agent's.")
    String workerJava;

    @Option(names = "--worker-jvm-options", description = "JVM options of managers, e.g. -Xmx8g.")
    String workerJvmOptions;

    @Option(names = "--init-blocks")
    Integer initBlocks;

    @Option(names = "--min-blocks")
    Integer minBlocks;

    @Option(names = "--max-blocks")
    Integer maxBlocks;

    @Option(names = "--idle-timeout", description = "Seconds before an idle block is stopped.")
    Double idleTimeout;

    @Option(
        names = "--slurm-env",
        description =
            "Env file of scripts/slurm/start.sh (default "
                + "/tmp/funcx-slurm/env), read when --slurm-url is not given.")
    java.nio.file.Path slurmEnv;

    @Option(names = "--slurm-url")
    String slurmUrl;

    @Option(names = "--slurm-user")
    String slurmUser;

    @Option(names = "--slurm-token-file")
    String slurmTokenFile;

    @Option(names = "--partition")
    String partition;

    @Option(names = "--account")
    String account;

    @Option(names = "--qos")
    String qos;

    @Option(names = "--walltime", description = "Minutes per block job.")
    Integer walltime;

    @Option(names = "--cpus-per-block", description = "CPUs per node of a Slurm block.")
    Integer cpusPerBlock;

    @Option(
        names = "--nodes-per-block",
        description =
            "Nodes per Slurm block (default 1); a" + " task's srun step spans at most these.")
    Integer nodesPerBlock;

    @Option(names = "--worker-init", description = "Shell lines run before the manager.")
    String workerInit;

    @Option(
        names = "--allowed-functions",
        split = ",",
        description =
            "Function ids this endpoint"
                + " runs (comma separated; 'any' for no restriction). Applies at the next start.")
    java.util.List<String> allowedFunctions;

    @Option(
        names = "--accelerators",
        split = ",",
        description =
            "Accelerator ids of each node"
                + " (e.g. 0,1; 'none' to clear): one worker per id, its shell tasks see"
                + " CUDA_VISIBLE_DEVICES=id.")
    java.util.List<String> accelerators;

    @Option(
        names = "--classpath",
        split = ",",
        description =
            "Site-installed jars, or directories"
                + " of jars, given to every function (comma separated; 'none' to clear).")
    java.util.List<String> classpath;

    @Option(
        names = "--maven-mirror",
        description =
            "Maven repository URL replacing Central for"
                + " functions' dependencies ('central' to go back).")
    String mavenMirror;

    @Option(
        names = "--maven-offline",
        description =
            "Resolve functions' dependencies only from this"
                + " local Maven repository directory, with no network ('off' to go back online).")
    String mavenOffline;

    @Option(
        names = "--maven-local-repository",
        description =
            "Where managers cache downloaded" + " dependencies (default ~/.m2/repository).")
    String mavenLocalRepository;

    @Override
    public Integer call() throws Exception {
      var control = new EndpointControl(FuncxCli.HOME);
      String url =
          new ServiceControl(FuncxCli.HOME)
              .state()
              .map(ServiceControl.ServiceState::url)
              .orElse("http://127.0.0.1:8765");
      EndpointConfig c = control.configure(name, url);
      if (workers != null || prefetch != null) {
        c =
            c.withWorkers(
                workers != null ? workers : c.workersPerNode(),
                prefetch != null ? prefetch : c.prefetch());
      }
      if (blocks != null) c = c.withBlocks(blocks, blocks, blocks);
      if (initBlocks != null || minBlocks != null || maxBlocks != null) {
        c =
            c.withBlocks(
                initBlocks != null ? initBlocks : c.initBlocks(),
                minBlocks != null ? minBlocks : c.minBlocks(),
                maxBlocks != null ? maxBlocks : c.maxBlocks());
      }
      if (retries != null) c = c.withMaxRetries(retries);
      if (workerJava != null || workerJvmOptions != null) {
        c =
            c.withWorkerJvm(
                workerJava != null ? workerJava : c.workerJava(),
                workerJvmOptions != null ? workerJvmOptions : c.workerJvmOptions());
      }
      if (accelerators != null) {
        c =
            c.withAccelerators(
                accelerators.equals(java.util.List.of("none"))
                    ? java.util.List.of()
                    : accelerators);
      }
      if (allowedFunctions != null) {
        c =
            c.withAllowedFunctions(
                allowedFunctions.equals(java.util.List.of("any"))
                    ? java.util.List.of()
                    : allowedFunctions);
      }
      c = c.withLibraries(librarySettings(c.libraries()));
      if ("slurm".equals(provider) || (provider == null && "slurm".equals(c.provider()))) {
        c =
            c.withSlurm(
                slurmSettings(c.slurm()),
                idleTimeout != null ? idleTimeout : c.idleTimeoutSeconds());
      } else if ("local".equals(provider)) {
        c = c.withSlurm(null, idleTimeout != null ? idleTimeout : c.idleTimeoutSeconds());
      } else if (provider != null) {
        throw new IllegalArgumentException(
            "provider '" + provider + "' is unknown; use local or slurm");
      } else if (idleTimeout != null) {
        c = c.withSlurm(c.slurm(), idleTimeout);
      }
      control.save(c);
      System.out.println("endpoint " + name + ": " + FuncxCli.HOME.endpointConfig(name));
      return 0;
    }

    private LibrarySettings librarySettings(LibrarySettings old) {
      LibrarySettings l = old;
      if (classpath != null) {
        java.util.List<String> entries =
            classpath.equals(java.util.List.of("none"))
                ? java.util.List.of()
                : classpath.stream()
                    .map(e -> java.nio.file.Path.of(e).toAbsolutePath().toString())
                    .toList();
        SiteClasspath.jars(entries); // a missing entry is refused now, not at the next start
        l = l.withClasspath(entries);
      }
      if (mavenMirror != null) {
        l =
            new LibrarySettings(
                "central".equals(mavenMirror) ? null : mavenMirror,
                l.offline(),
                l.localRepository(),
                l.classpath(),
                l.timeoutSeconds());
      }
      if (mavenOffline != null) {
        l =
            "off".equals(mavenOffline)
                ? new LibrarySettings(
                    l.mirror(), false, l.localRepository(), l.classpath(), l.timeoutSeconds())
                : new LibrarySettings(
                    l.mirror(),
                    true,
                    java.nio.file.Path.of(mavenOffline).toAbsolutePath().toString(),
                    l.classpath(),
                    l.timeoutSeconds());
      }
      if (mavenLocalRepository != null) {
        l =
            new LibrarySettings(
                l.mirror(),
                l.offline(),
                java.nio.file.Path.of(mavenLocalRepository).toAbsolutePath().toString(),
                l.classpath(),
                l.timeoutSeconds());
      }
      return l.validated();
    }

    private SlurmSettings slurmSettings(SlurmSettings old) throws java.io.IOException {
      String url = slurmUrl;
      String tokenFile = slurmTokenFile;
      String user = slurmUser;
      String part = partition;
      if (url == null && (old == null || slurmEnv != null)) {
        var env = SlurmEnv.read(slurmEnv != null ? slurmEnv : SlurmEnv.DEFAULT);
        url = env.get("SLURMRESTD_URL");
        if (tokenFile == null) tokenFile = env.get("SLURMRESTD_TOKEN_FILE");
        if (user == null) user = env.get("SLURMRESTD_USER");
        if (part == null) part = env.get("FUNCX_SLURM_PARTITION");
      }
      return new SlurmSettings(
              pick(url, old, SlurmSettings::url),
              pick(user, old, SlurmSettings::user),
              pick(tokenFile, old, SlurmSettings::tokenFile),
              pick(part, old, SlurmSettings::partition),
              pick(account, old, SlurmSettings::account),
              pick(qos, old, SlurmSettings::qos),
              walltime != null ? walltime : old == null ? 60 : old.walltimeMinutes(),
              cpusPerBlock != null ? cpusPerBlock : old == null ? 1 : old.cpusPerBlock(),
              old == null ? 0 : old.memoryPerCpuMb(),
              pick(workerInit, old, SlurmSettings::workerInit),
              old == null ? null : old.workDir(),
              nodesPerBlock != null ? nodesPerBlock : old == null ? 1 : old.nodesPerBlock())
          .validated();
    }

    private static String pick(
        String given, SlurmSettings old, java.util.function.Function<SlurmSettings, String> field) {
      return given != null ? given : old == null ? null : field.apply(old);
    }
  }

  @Command(name = "start", description = "Start an endpoint in the background.")
  static final class Start implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
      String id = new EndpointControl(FuncxCli.HOME).start(name, serviceUrl());
      System.out.println("endpoint " + name + " online: " + id);
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop an endpoint and its managers.")
  static final class Stop implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
      boolean stopped = new EndpointControl(FuncxCli.HOME).stop(name);
      System.out.println("endpoint " + name + (stopped ? " stopped" : " was not running"));
      return 0;
    }
  }

  @Command(name = "list", description = "List configured endpoints and their state.")
  static final class ListEndpoints implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      var control = new EndpointControl(FuncxCli.HOME);
      var service = new ServiceControl(FuncxCli.HOME).running();
      System.out.printf(
          "%-16s  %-36s  %-8s  %-8s  %s%n", "NAME", "ID", "PROCESS", "SERVICE", "CONFIG");
      for (String name : control.names()) {
        EndpointConfig c = control.config(name);
        String seen = "-";
        if (service.isPresent() && c.endpointId() != null) {
          seen = FuncxCli.HOME.client(service.get().url()).endpoint(c.endpointId()).status();
        }
        System.out.printf(
            "%-16s  %-36s  %-8s  %-8s  %s%n",
            name,
            c.endpointId() == null ? "(not registered)" : c.endpointId(),
            control.runningPid(name).isPresent() ? "running" : "stopped",
            seen,
            FuncxCli.HOME.endpointConfig(name));
      }
      return 0;
    }
  }
}
