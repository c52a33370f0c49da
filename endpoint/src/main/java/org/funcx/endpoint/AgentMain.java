package org.funcx.endpoint;

import java.nio.file.Path;
import org.funcx.endpoint.config.EndpointConfig;

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
    Path dir = Path.of(args[0]);
    EndpointConfig config = EndpointConfig.load(dir.resolve("config.json"));
    EndpointAgent agent = new EndpointAgent(config, dir);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        agent.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "funcx-agent-shutdown"));
    System.out.println("funcx-endpoint " + config.name() + " id=" + config.endpointId());
    System.out.flush();
    agent.awaitStop();
    agent.close();
    System.exit(0);
  }
}
