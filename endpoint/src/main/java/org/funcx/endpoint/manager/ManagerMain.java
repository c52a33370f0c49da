package org.funcx.endpoint.manager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.funcx.deps.RepositorySettings;
import org.funcx.endpoint.config.SiteClasspath;
import org.funcx.endpoint.interchange.BlockSecret;
import org.funcx.jvm.ScopedStdio;
import org.funcx.jvm.StoppedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a manager JVM: {@code --interchange tcp://HOST:PORT --credentials FILE --workers N
 * --prefetch P --block-id B --heartbeat-ms H --max-result-bytes M --sandbox-root DIR
 * --keep-sandboxes BOOL [--maven-mirror URL] [--maven-offline true] [--maven-local-repository DIR]
 * [--dependency-timeout-seconds N] [--classpath JARS]}. Providers start it; people rarely do.
 * {@code FILE} holds the block's secret (0600, written by the provider): only its path is on the
 * command line, which {@code ps} shows to everyone.
 */
public final class ManagerMain {
  static {
    // Before the first logger: slf4j-simple then keeps the real stderr for the manager's own log,
    // and what tasks print once ScopedStdio is installed goes to their results, not the log.
    System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
  }

  private static final Logger log = LoggerFactory.getLogger(ManagerMain.class);

  private ManagerMain() {}

  public static void main(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) opts.put(args[i], args[i + 1]);
    String interchange = opts.get("--interchange");
    String credentials = opts.get("--credentials");
    if (interchange == null || credentials == null) {
      System.err.println(
          "usage: ManagerMain --interchange tcp://HOST:PORT --credentials FILE"
              + " [--workers N] [--prefetch P] [--block-id B] [--heartbeat-ms H]"
              + " [--max-result-bytes M] [--sandbox-root DIR] [--keep-sandboxes true|false]"
              + " [--accelerators ID,ID...]");
      System.exit(ManagerExit.USAGE.code());
    }
    BlockSecret secret;
    try {
      secret = BlockSecret.read(Path.of(credentials));
    } catch (IOException e) {
      System.err.println("manager cannot start: " + e.getMessage());
      System.exit(ManagerExit.USAGE.code());
      return;
    }
    var options =
        new ManagerOptions(
            interchange,
            opts.getOrDefault("--manager-id", UUID.randomUUID().toString()),
            opts.getOrDefault("--block-id", "0"),
            Integer.parseInt(opts.getOrDefault("--workers", "1")),
            Integer.parseInt(opts.getOrDefault("--prefetch", "0")),
            Long.parseLong(opts.getOrDefault("--heartbeat-ms", "2000")),
            Long.parseLong(opts.getOrDefault("--max-result-bytes", String.valueOf(256L << 20))),
            Path.of(opts.getOrDefault("--sandbox-root", "sandboxes")).toAbsolutePath(),
            Boolean.parseBoolean(opts.getOrDefault("--keep-sandboxes", "false")),
            RepositorySettings.fromOptions(opts),
            SiteClasspath.split(opts.get(SiteClasspath.OPTION)),
            secret,
            ManagerOptions.accelerators(opts.get("--accelerators")));
    Thread.setDefaultUncaughtExceptionHandler(ManagerMain::uncaught);
    ScopedStdio.install();
    Manager manager = new Manager(options);
    Runtime.getRuntime().addShutdownHook(new Thread(manager::close, "funcx-manager-shutdown"));
    ManagerExit exit = manager.run();
    manager.close();
    System.exit(exit.code());
  }

  /**
   * A thread a task left running ends with a StoppedError once the task ends (see WorkerPool):
   * one line, not a stack trace per thread. Anything else is printed as the JVM would.
   */
  private static void uncaught(Thread thread, Throwable e) {
    if (e instanceof StoppedError) {
      log.info("{} ended: {}", thread.getName(), e.getMessage());
    } else {
      System.err.print("Exception in thread \"" + thread.getName() + "\" ");
      e.printStackTrace();
    }
  }
}
