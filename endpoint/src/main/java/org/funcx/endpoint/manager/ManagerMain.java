package org.funcx.endpoint.manager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.funcx.jvm.ScopedStdio;

/**
 * Entry point of a manager JVM: {@code --interchange tcp://HOST:PORT --workers N --prefetch P
 * --block-id B --heartbeat-ms H --max-result-bytes M}. Providers start it; people rarely do.
 */
public final class ManagerMain {
  private ManagerMain() {}

  public static void main(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) opts.put(args[i], args[i + 1]);
    String interchange = opts.get("--interchange");
    if (interchange == null) {
      System.err.println("usage: ManagerMain --interchange tcp://HOST:PORT [--workers N]"
          + " [--prefetch P] [--block-id B] [--heartbeat-ms H] [--max-result-bytes M]");
      System.exit(ManagerExit.USAGE.code());
    }
    var options = new ManagerOptions(interchange,
        opts.getOrDefault("--manager-id", UUID.randomUUID().toString()),
        opts.getOrDefault("--block-id", "0"),
        Integer.parseInt(opts.getOrDefault("--workers", "1")),
        Integer.parseInt(opts.getOrDefault("--prefetch", "0")),
        Long.parseLong(opts.getOrDefault("--heartbeat-ms", "2000")),
        Long.parseLong(opts.getOrDefault("--max-result-bytes", String.valueOf(256L << 20))));
    // The manager's own log keeps the real stderr; then what tasks print goes to their results.
    System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
    org.slf4j.LoggerFactory.getLogger(ManagerMain.class);
    ScopedStdio.install();
    Manager manager = new Manager(options);
    Runtime.getRuntime().addShutdownHook(new Thread(manager::close, "funcx-manager-shutdown"));
    ManagerExit exit = manager.run();
    manager.close();
    System.exit(exit.code());
  }
}
