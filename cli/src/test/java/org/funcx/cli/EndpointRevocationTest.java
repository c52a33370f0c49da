package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Revoking an endpoint with real processes: deleting it makes the running agent shut down (the
 * forwarder tells it at once), and the agent started again with its old credentials is refused
 * by the service and exits saying why.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EndpointRevocationTest {

  @Test
  void a_deleted_endpoints_agent_stops_and_cannot_come_back() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      String id = cluster.startEndpoint("doomed", c -> c);
      long agent = cluster.agentPid("doomed");
      Path log = cluster.home.endpointDir("doomed").resolve("logs").resolve("agent.log");
      FuncXClient owner = cluster.client();
      owner.deleteEndpoint(id);
      Waits.until(
          "the revoked agent to exit", 30, () -> !ProcessLauncher.alive(agent), () -> true, log);
      assertThat(Files.readString(log)).contains("shut down");

      long again =
          ProcessLauncher.startDetached(
              "org.funcx.endpoint.AgentMain",
              List.of(cluster.home.endpointDir("doomed").toString()),
              List.of("-Xmx256m"),
              log);
      cluster.processGroups.add(again);
      Waits.until(
          "the agent with revoked credentials to give up",
          60,
          () -> !ProcessLauncher.alive(again),
          () -> true,
          log);
      assertThat(Files.readString(log)).contains("the service refuses endpoint " + id);
    }
  }
}
