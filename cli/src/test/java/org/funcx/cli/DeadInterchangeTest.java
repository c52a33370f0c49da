package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.funcx.endpoint.config.EndpointKeys;
import org.funcx.jvm.CriticalThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An agent whose interchange thread dies exits with {@link CriticalThreads#EXIT_CODE}, which its
 * supervisor restarts and the CLI reports, rather than 0, which no supervisor restarts (the
 * endpoint stayed down, shown as having exited normally). The fault is real: a corrupted secret
 * key in the endpoint's {@code curve.json}, which only the interchange's thread reads.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DeadInterchangeTest {

  @Test
  void an_agent_whose_interchange_died_exits_70_and_the_start_says_so() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startEndpoint("broken", c -> c.withWorkers(1, 0));
      // Started again at once: the service still has the stopped agent's link for a few beats,
      // which the start must not take for the new agent's (it reported a dead agent online).
      cluster.endpoints.stop("broken");
      Path keys = cluster.home.endpointDir("broken").resolve(EndpointKeys.FILE);
      Files.writeString(
          keys,
          Files.readString(keys)
              .replaceAll(
                  "\"secret_key\"\\s*:\\s*\"[^\"]*\"", "\"secret_key\": \"not-a-z85-key\""));

      assertThatThrownBy(() -> cluster.endpoints.start("broken", cluster.url))
          .hasMessageContaining("endpoint broken could not start")
          .hasMessageContaining("exited with code " + CriticalThreads.EXIT_CODE);
      Path log = cluster.home.endpointDir("broken").resolve("logs").resolve("agent.log");
      assertThat(Files.readString(log))
          .contains("Exception in thread \"funcx-interchange\"")
          .contains("funcx-interchange died; this process exits with code 70");
      assertThat(cluster.endpoints.runningPid("broken")).as("nothing left restarting").isEmpty();
    }
  }
}
