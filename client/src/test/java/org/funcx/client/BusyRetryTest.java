package org.funcx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.funcx.client.auth.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's answer to the service's 429s, against a loopback HTTP server that answers the way the
 * service does (a busy service cannot be made to refuse a chosen request on cue; the refusals
 * themselves are tested on the real service in SlowBodyTest and QueuedTaskQuotaTest).
 */
class BusyRetryTest {
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  /** Answers {@code refusals} requests with a 429 of {@code code}, then the service's version. */
  private String serve(int refusals, String code) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v2/version",
        exchange -> {
          boolean refuse = requests.incrementAndGet() <= refusals;
          byte[] body =
              (refuse
                      ? "{\"code\":\"" + code + "\",\"message\":\"busy\"}"
                      : "{\"version\":\"0.1.0\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (refuse) exchange.getResponseHeaders().add("Retry-After", "1");
          exchange.sendResponseHeaders(refuse ? 429 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  @Test
  void momentary_refusals_are_retried_until_the_service_answers() throws Exception {
    try (FuncXClient client =
        FuncXClient.connect(serve(3, "too_many_concurrent_requests"), Credentials.token(null))) {
      assertThat(client.version()).isEqualTo("0.1.0");
    }
    assertThat(requests).hasValue(4);
  }

  @Test
  void a_rate_limit_that_lasts_ends_with_the_refusal() throws Exception {
    try (FuncXClient client =
        FuncXClient.connect(serve(1_000, "rate_limited"), Credentials.token(null))) {
      assertThatThrownBy(client::version)
          .isInstanceOfSatisfying(
              FuncXException.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));
    }
    assertThat(requests).hasValue(FuncXClient.BUSY_RETRIES);
  }

  @Test
  void a_quota_refusal_is_not_retried() throws Exception {
    try (FuncXClient client =
        FuncXClient.connect(serve(1, "quota_exceeded"), Credentials.token(null))) {
      assertThatThrownBy(client::version)
          .isInstanceOfSatisfying(FuncXException.class, e -> assertThat(e.status()).isEqualTo(429));
    }
    assertThat(requests).hasValue(1);
  }
}
