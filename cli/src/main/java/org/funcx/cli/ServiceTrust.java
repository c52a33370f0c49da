package org.funcx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.funcx.core.json.Json;
import org.funcx.service.auth.InstanceProof;
import org.funcx.service.auth.Secrets;

/**
 * Before the CLI sends a credential to the service of its funcX home, it makes whatever answers
 * on the port prove it is that service ({@link InstanceProof}: a fresh nonce, answered with an
 * HMAC under the key in the home's private service directory). Nothing secret is sent in the
 * question; a stranger on the port is named in a clear error and gets nothing else.
 */
final class ServiceTrust {
  /** Enough to tell what answered; the rest of a stranger's answer is not read. */
  private static final int MAX_ANSWER_BYTES = 4096;

  private static final HttpClient HTTP = builder().build();

  private ServiceTrust() {}

  /**
   * True when this home's service answers on {@code port}, false when nothing answers; throws
   * {@link UntrustedService} when something else does.
   */
  static boolean ownServiceAnswers(FuncxHome home, ServiceControl.ServiceState state) {
    int port = state.httpPort();
    String nonce = Secrets.random(24);
    URI uri = URI.create(state.url() + "/v2/instance_proof?nonce=" + nonce);
    // HTTPS: trust this home's certificate, read afresh (the service makes it at first start)
    HttpClient http =
        state.https() ? builder().sslContext(CliTrust.forHome(home).sslContext()).build() : HTTP;
    HttpResponse<InputStream> response;
    byte[] body;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_ANSWER_BYTES);
      }
    } catch (javax.net.ssl.SSLHandshakeException e) {
      throw new UntrustedService(
          port, home, "a TLS certificate this home does not trust: " + e.getMessage());
    } catch (IOException e) {
      // refused, reset mid-start, or no answer within 10 s (a busy service or a silent
      // stranger): nothing usable answers now, and nothing was sent
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String expected = expectedProof(home, port, nonce);
    String given = proofIn(text);
    if (expected != null && Secrets.sameDigest(expected, given)) return true;
    throw new UntrustedService(
        port,
        home,
        "HTTP "
            + response.statusCode()
            + response.headers().firstValue("Server").map(s -> ", Server: " + s).orElse("")
            + ", answer: "
            + abbreviate(text)
            + (expected == null
                ? "; this home has no service key yet ("
                    + home.serviceData().resolve(InstanceProof.KEY_FILE)
                    + ")"
                : ""));
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER);
  }

  private static String expectedProof(FuncxHome home, int port, String nonce) {
    if (!Files.exists(home.serviceData().resolve(InstanceProof.KEY_FILE))) return null;
    try {
      return InstanceProof.read(home.serviceData()).prove(port, nonce);
    } catch (IOException e) {
      return null;
    }
  }

  private static String proofIn(String json) {
    try {
      Map<?, ?> answer = Json.GSON.fromJson(json, Map.class);
      return answer != null && answer.get("proof") instanceof String s ? s : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.isEmpty()
        ? "(empty)"
        : oneLine.length() <= 120 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 120) + "…'";
  }

  /** Something that is not this home's service answers on its port; nothing was sent to it. */
  static final class UntrustedService extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final int port;

    UntrustedService(int port, FuncxHome home, String whatAnswered) {
      super(
          "port "
              + port
              + " is answered by something that is not the funcX service of "
              + home.root()
              + " ("
              + whatAnswered
              + "); no credentials were sent to it. Stop that"
              + " process, or start this home's service on another port (--port)");
      this.port = port;
    }

    int port() {
      return port;
    }
  }
}
