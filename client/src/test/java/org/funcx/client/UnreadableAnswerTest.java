package org.funcx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.funcx.client.auth.Credentials;
import org.funcx.core.rest.RestFieldException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's answer to a service answer its REST records cannot read, against a loopback HTTP
 * server (the real service cannot be made to leave out a field; its answers are read back in
 * the service's RestContractTest): a typed {@code invalid_answer} naming the route and the field,
 * where the SDK used to throw a NullPointerException.
 */
class UnreadableAnswerTest {
  private HttpServer server;

  /** Answers every request with 200 and {@code body}. */
  private String serve(String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
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
  void a_function_without_its_id_is_an_invalid_answer_naming_the_field() throws Exception {
    try (FuncXClient client =
        FuncXClient.connect(serve("{\"function_name\":\"f\"}"), Credentials.token("t"))) {
      assertThatThrownBy(() -> client.function("00000000-0000-0000-0000-000000000001"))
          .isInstanceOfSatisfying(
              FuncXException.class,
              e -> {
                assertThat(e.code()).isEqualTo("invalid_answer");
                assertThat(e.getMessage()).contains("GET /v2/functions/").contains("'function_id'");
                assertThat(e.getCause()).isInstanceOf(RestFieldException.class);
              });
    }
  }

  @Test
  void a_mistyped_count_in_an_endpoint_is_an_invalid_answer() throws Exception {
    try (FuncXClient client =
        FuncXClient.connect(
            serve("{\"endpoints\":[{\"endpoint_id\":\"e\"," + "\"workers\":\"many\"}]}"),
            Credentials.token("t"))) {
      assertThatThrownBy(client::endpoints)
          .isInstanceOfSatisfying(
              FuncXException.class,
              e -> assertThat(e.getMessage()).contains("field 'workers' must be a number"));
    }
  }

  @Test
  void unknown_fields_in_an_answer_are_skipped() throws Exception {
    try (FuncXClient client =
        FuncXClient.connect(
            serve("{\"task_group_id\":\"g\"," + "\"task_ids\":[\"a\",\"b\"],\"queued_behind\":7}"),
            Credentials.token("t"))) {
      assertThat(client.submit(new com.google.gson.JsonObject()))
          .isEqualTo(new Submission("g", java.util.List.of("a", "b")));
    }
  }
}
