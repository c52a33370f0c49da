package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an operator runs to see a running endpoint, as a user runs it, against a real service and
 * endpoint: {@code ./funcx logs}, {@code ./funcx endpoint status NAME --watch}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OperatorCommandsTest {

  @Test
  void logs_shows_the_service_and_an_endpoint_with_its_managers_and_filters_by_id()
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      String endpoint = cluster.startEndpoint("logged", c -> c.withWorkers(1, 0));

      CliProcess service = CliProcess.run(cluster.home, "logs");
      assertThat(service.exitCode()).as(service.err()).isZero();
      assertThat(service.out()).contains("service.log <==").contains(endpoint);

      CliProcess agent = CliProcess.run(cluster.home, "logs", "endpoint", "logged", "-n", "5");
      assertThat(agent.exitCode()).as(agent.err()).isZero();
      assertThat(agent.out())
          .contains("agent.log <==")
          .containsPattern("manager-local-\\d+\\.log <==");

      CliProcess byId = CliProcess.run(cluster.home, "logs", "--task", endpoint);
      assertThat(byId.exitCode()).as(byId.err()).isZero();
      assertThat(byId.out().lines())
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).contains(endpoint).matches("^[\\w.-]+: .*"));

      CliProcess none = CliProcess.run(cluster.home, "logs", "--task", "no-such-task");
      assertThat(none.out()).isEmpty();
      assertThat(none.err()).contains("names task no-such-task");

      CliProcess unknown = CliProcess.run(cluster.home, "logs", "endpoint", "nope");
      assertThat(unknown.exitCode()).isNotZero();
      assertThat(unknown.err()).contains("no endpoint named 'nope'").contains("logged");

      // not a terminal: each update printed whole after a time line
      CliProcess watched =
          CliProcess.run(
              cluster.home,
              "endpoint",
              "status",
              "logged",
              "--watch",
              "--interval",
              "0.2",
              "--count",
              "3");
      assertThat(watched.exitCode()).as(watched.err()).isZero();
      assertThat(watched.out()).containsPattern("(?m)^--- \\d\\d:\\d\\d:\\d\\d$");
      assertThat(watched.out().lines().filter(l -> l.startsWith("--- "))).hasSize(3);
      assertThat(watched.out().lines().filter(l -> l.startsWith("endpoint logged (local)")))
          .hasSize(3);
    }
  }
}
