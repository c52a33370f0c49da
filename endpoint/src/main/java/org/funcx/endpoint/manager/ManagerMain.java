package org.funcx.endpoint.manager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.funcx.endpoint.interchange.CurveClientKeys;

/**
 * Entry point of a manager JVM: {@code --interchange tcp://HOST:PORT --credentials FILE --workers N
 * --prefetch P --block-id B --heartbeat-ms H --max-result-bytes M}. Providers start it; people
 * rarely do. {@code FILE} holds the block's CURVE keys (0600, written by the provider): only its
 * path is on the command line, which {@code ps} shows to everyone.
 */
public final class ManagerMain {
  private ManagerMain() {}

  public static void main(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) opts.put(args[i], args[i + 1]);
    String interchange = opts.get("--interchange");
    String credentials = opts.get("--credentials");
    if (interchange == null || credentials == null) {
      System.err.println("usage: ManagerMain --interchange tcp://HOST:PORT --credentials FILE"
          + " [--workers N] [--prefetch P] [--block-id B] [--heartbeat-ms H]"
          + " [--max-result-bytes M]");
      System.exit(ManagerExit.USAGE.code());
    }
    CurveClientKeys keys;
    try {
      keys = CurveClientKeys.read(Path.of(credentials));
    } catch (IOException e) {
      System.err.println("manager cannot start: " + e.getMessage());
      System.exit(ManagerExit.USAGE.code());
      return;
    }
    var options = new ManagerOptions(interchange, keys,
        opts.getOrDefault("--manager-id", UUID.randomUUID().toString()),
        opts.getOrDefault("--block-id", "0"),
        Integer.parseInt(opts.getOrDefault("--workers", "1")),
        Integer.parseInt(opts.getOrDefault("--prefetch", "0")),
        Long.parseLong(opts.getOrDefault("--heartbeat-ms", "2000")),
        Long.parseLong(opts.getOrDefault("--max-result-bytes", String.valueOf(256L << 20))));
    Manager manager = new Manager(options);
    Runtime.getRuntime().addShutdownHook(new Thread(manager::close, "funcx-manager-shutdown"));
    ManagerExit exit = manager.run();
    manager.close();
    System.exit(exit.code());
  }
}
