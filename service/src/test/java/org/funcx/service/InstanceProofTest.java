package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.funcx.service.auth.InstanceProof;
import org.funcx.service.auth.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v2/instance_proof} on a real server: without a token, it answers a nonce with the
 * HMAC only the owner of the data directory can compute (bound to the port asked); nonces outside
 * the bounds (22 to 128 URL-safe base64 characters) get 400 {@code invalid_nonce}, a huge one is
 * refused by the HTTP layer, and the service goes on serving.
 */
@Timeout(60)
class InstanceProofTest {
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void the_proof_is_the_hmac_of_the_private_key_for_this_port_and_nonce() throws Exception {
    String nonce = Secrets.random(24);
    ApiCaller.Answer answer = api.call(null, "GET", "/v2/instance_proof?nonce=" + nonce, null);
    assertThat(answer.status()).isEqualTo(200);
    InstanceProof key = InstanceProof.read(dir);
    int port = service.httpPort();
    assertThat(answer.body().get("proof").getAsString())
        .isEqualTo(key.prove(port, nonce))
        .isNotEqualTo(key.prove(port + 1, nonce));
    assertThat(answer.body().get("port").getAsInt()).isEqualTo(port);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(InstanceProof.KEY_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void nonces_out_of_bounds_are_refused_and_the_service_goes_on() throws Exception {
    for (String nonce :
        new String[] {"", "short", "a".repeat(129), "not/base64+at=all-12345678", "a".repeat(21)}) {
      ApiCaller.Answer answer = api.call(null, "GET", "/v2/instance_proof?nonce=" + nonce, null);
      assertThat(answer.status()).as("nonce '%s'", nonce).isEqualTo(400);
      assertThat(answer.body().get("code").getAsString()).isEqualTo("invalid_nonce");
    }
    assertThat(api.call(null, "GET", "/v2/instance_proof", null).status()).isEqualTo(400);
    HttpResponse<String> huge =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(service.url() + "/v2/instance_proof?nonce=" + "a".repeat(100_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(huge.statusCode()).isBetween(400, 499);
    assertThat(api.call(null, "GET", "/v2/instance_proof?nonce=" + "a".repeat(128), null).status())
        .isEqualTo(200);
  }
}
