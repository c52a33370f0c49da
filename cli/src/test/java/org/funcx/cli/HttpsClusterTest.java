package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.auth.Credentials;
import org.funcx.client.tls.ServerTrust;
import org.funcx.client.tls.UntrustedCertificateException;
import org.funcx.core.io.ServiceTrustFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local service started with {@code --tls-self-signed} as real processes: the CLI pins the
 * certificate the service made in its home, hands it to the endpoint it starts, and the agent
 * registers and fetches its forwarder over HTTPS; a task runs end to end, its result coming back
 * over the WebSocket on TLS. A client that has not pinned the certificate is refused.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HttpsClusterTest {

  @Test
  void an_agent_registers_over_https_and_a_task_runs_end_to_end() throws Exception {
    try (TestCluster cluster = TestCluster.withServiceArgs(List.of("--tls-self-signed"))) {
      assertThat(cluster.url).startsWith("https://127.0.0.1:");
      FuncXClient owner = cluster.client();
      RegisteredFunction plusOne = owner.register("int plusOne(int x) { return x + 1; }");
      String id = cluster.startEndpoint("tls", c -> c);
      var handed = cluster.home.endpointDir("tls").resolve(ServiceTrustFiles.ENDPOINT_TRUST_FILE);
      assertThat(Files.readString(handed))
          .isEqualTo(
              Files.readString(ServiceTrustFiles.homeServiceCertificate(cluster.home.root()))
                  + "\n");
      try (FuncXExecutor ex = owner.executor(id)) {
        assertThat(ex.submit(plusOne, 41).get(90, TimeUnit.SECONDS)).isEqualTo(42);
      }
      // HTTPS sticks to the home's service like its ports: a plain restart request finds it
      assertThat(new ServiceControl(cluster.home).running().orElseThrow().https()).isTrue();
      // a fresh CLI process finds the service over HTTPS and lists the endpoint it reached
      CliProcess status = CliProcess.run(cluster.home, "status");
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out()).contains(cluster.url).contains(id);
      try (FuncXClient stranger =
          FuncXClient.connect(cluster.url, Credentials.token("none"), ServerTrust.jdkDefaults())) {
        assertThatThrownBy(stranger::version)
            .isInstanceOf(UntrustedCertificateException.class)
            .hasMessageContaining(cluster.url);
      }
    }
  }
}
