package org.funcx.endpoint;

import java.nio.file.Path;
import java.util.Set;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.provider.BlockScaler;
import org.funcx.endpoint.provider.LocalProvider;
import org.funcx.endpoint.provider.SlurmProvider;
import org.funcx.jvm.CriticalThreads;

/**
 * Runs one endpoint in the foreground: {@code AgentMain ENDPOINT_DIR} where the directory holds
 * {@code config.json}. Stops on SIGTERM, stopping its managers first.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: AgentMain ENDPOINT_DIR");
      System.exit(2);
    }
    CriticalThreads.install(
        Set.of(
            EndpointAgent.INTERCHANGE_THREAD,
            LocalProvider.MONITOR_THREAD,
            SlurmProvider.POLL_THREAD,
            BlockScaler.THREAD));
    Path dir = Path.of(args[0]);
    EndpointConfig config = EndpointConfig.load(dir.resolve("config.json"));
    EndpointAgent agent = new EndpointAgent(config, dir);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    agent.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "funcx-agent-shutdown"));
    System.out.println("funcx-endpoint " + config.name() + " id=" + config.endpointId());
    System.out.flush();
    boolean stopped = agent.awaitStop();
    agent.close();
    // An interchange that died is restarted by the supervisor, which restarts no exit 0.
    System.exit(stopped ? 0 : CriticalThreads.EXIT_CODE);
  }
}
