package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.funcx.client.auth.TokenStore;
import org.funcx.core.io.PrivateFiles;
import org.funcx.jvm.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Another process listening on the service port (here a plain JDK HTTP server that logs every
 * request it gets, headers and body) is not this home's service: the CLI, run as a process,
 * refuses it with an error naming the port and what answered, and sends it no credential.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ServiceTrustTest {
  private static final String SECRET = "the-admin-client-secret-0123456789";
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer stranger;

  private int startStranger() throws Exception {
    stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stranger.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().entrySet()
                  + " "
                  + body);
          byte[] answer = "{\"api\":\"v2\",\"proof\":\"made-up\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Server", "stranger/1.0");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    stranger.start();
    return stranger.getAddress().getPort();
  }

  @AfterEach
  void stopStranger() {
    if (stranger != null) stranger.stop(0);
  }

  @Test
  void service_start_refuses_a_stranger_on_its_port_and_starts_nothing() throws Exception {
    int port = startStranger();
    FuncxHome home = new FuncxHome(Files.createTempDirectory("funcx-trust-"));
    CliProcess start =
        CliProcess.run(
            home,
            "service",
            "start",
            "--port",
            String.valueOf(port),
            "--forwarder-port",
            String.valueOf(FreePorts.pick()));

    assertThat(start.exitCode()).isEqualTo(1);
    assertThat(start.err().lines().findFirst().orElseThrow())
        .startsWith(
            "funcx: port "
                + port
                + " is answered by something that is not the funcX"
                + " service of "
                + home.root())
        .contains("Server: stranger/1.0")
        .contains("no credentials were sent");
    assertThat(new Supervision(home.root(), "service").supervisor()).isEmpty();
    assertNoCredentialReached();
  }

  @Test
  void commands_of_a_home_whose_port_a_stranger_took_send_it_no_secret() throws Exception {
    int port = startStranger();
    FuncxHome home = new FuncxHome(Files.createTempDirectory("funcx-trust-"));
    // this home's service ran on that port once and was adopted: its secret is on disk
    PrivateFiles.write(home.serviceState(), "{\"httpPort\":" + port + ",\"forwarderPort\":1}");
    home.tokens()
        .saveClient(
            "http://127.0.0.1:" + port, new TokenStore.ClientSecret("admin-client", SECRET));

    for (List<String> command :
        List.of(
            List.of("status"),
            List.of("endpoint", "list"),
            List.of("function", "register", "--source", "int f(int x) { return x; }"),
            List.of("up", "--no-notebook"))) {
      CliProcess run = CliProcess.run(home, command.toArray(String[]::new));
      assertThat(run.exitCode()).as("funcx %s", command).isNotZero();
      assertThat(run.err())
          .as("funcx %s", command)
          .contains("port " + port + " is answered by something that is not the funcX service");
    }
    assertThat(requests).as("the stranger was asked for a proof").isNotEmpty();
    assertNoCredentialReached();
  }

  private void assertNoCredentialReached() {
    for (String request : requests) {
      assertThat(request)
          .startsWith("GET /v2/instance_proof?nonce=")
          .doesNotContainIgnoringCase("authorization")
          .doesNotContain(SECRET)
          .doesNotContain("client_secret")
          .doesNotContain("admin-client");
    }
  }
}
