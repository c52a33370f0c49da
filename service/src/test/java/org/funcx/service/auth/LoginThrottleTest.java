package org.funcx.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.funcx.service.FuncxService;
import org.funcx.service.ServiceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing against a real service: the device approval form and the token endpoint
 * spend a small budget of attempts per address and per account, then answer 429 with
 * Retry-After without hashing; the right password works again once the budget refills; and an
 * unknown user costs the same hashing as a known one (counted, not timed).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoginThrottleTest {
  static final int BUDGET = 5;
  @TempDir Path dir;
  FuncxService service;
  String adminPassword;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir)
                .withPorts(0, 0)
                .withAuth(AuthSettings.embedded().withLoginBudget(BUDGET, Duration.ofSeconds(2))));
    adminPassword = Files.readString(dir.resolve(ServiceAuth.ADMIN_PASSWORD_FILE)).trim();
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void parallel_wrong_passwords_get_429_and_the_right_one_works_after_the_window()
      throws Exception {
    String code = userCode();
    List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      guesses.add(
          http.sendAsync(
              approval(code, "admin", "wrong guess " + i), HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = guesses.stream().map(CompletableFuture::join).toList();
    Map<Integer, Long> byStatus =
        answers.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    assertThat(byStatus.keySet()).containsOnly(401, 429);
    // the budget, plus what refilled (one per 2 s) while the guesses were hashed
    assertThat(byStatus.get(401)).isLessThanOrEqualTo(BUDGET + 5);
    assertThat(byStatus.get(429)).isGreaterThanOrEqualTo(185);
    HttpResponse<String> refused =
        answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 2L);

    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                http.send(
                            approval(code, "admin", adminPassword),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
  }

  @Test
  void wrong_client_secrets_get_429_on_the_token_endpoint() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < BUDGET + 3; i++) {
      last =
          http.send(
              form(
                  "/oauth/token",
                  "grant_type=client_credentials&client_id=cl-x" + "&client_secret=guess" + i),
              HttpResponse.BodyHandlers.ofString());
      statuses.add(last.statusCode());
    }
    assertThat(statuses.subList(0, BUDGET)).containsOnly(401);
    assertThat(statuses.subList(BUDGET, BUDGET + 3)).containsOnly(429);
    assertThat(JsonParser.parseString(last.body()).getAsJsonObject().get("error").getAsString())
        .isEqualTo("rate_limited");
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void an_unknown_user_costs_one_password_hash_like_a_known_one() throws Exception {
    String code = userCode();
    Function<String, Long> hashesFor =
        user -> {
          long before = Passwords.derivations();
          try {
            assertThat(
                    http.send(
                            approval(code, user, "not the password"),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return Passwords.derivations() - before;
        };
    assertThat(hashesFor.apply("admin")).isEqualTo(1);
    assertThat(hashesFor.apply("nobody-by-this-name")).isEqualTo(1);
  }

  @Test
  void a_form_without_a_length_or_over_64_kib_is_refused() throws Exception {
    var chunked =
        http.send(
            HttpRequest.newBuilder(URI.create(service.url() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(411);
    var large =
        http.send(
            form("/device", "user_code=" + "A".repeat(70_000)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(large.statusCode()).isEqualTo(413);
  }

  private String userCode() throws Exception {
    var r =
        http.send(
            form("/oauth/device_authorization", "client_id=funcx-sdk"),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JsonParser.parseString(r.body()).getAsJsonObject().get("user_code").getAsString();
  }

  private HttpRequest approval(String code, String user, String password) {
    return form(
        "/device",
        "user_code="
            + enc(code)
            + "&username="
            + enc(user)
            + "&password="
            + enc(password)
            + "&action=approve");
  }

  private HttpRequest form(String path, String body) {
    return HttpRequest.newBuilder(URI.create(service.url() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
