package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.funcx.service.auth.Principal;
import org.funcx.service.auth.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's sign-in over real sockets: the authorization code flow with PKCE at the
 * embedded issuer (RFC 7636, S256 only), its refusals, and the activity API it reads, scoped to
 * the signed-in user.
 */
@Timeout(120)
class DashboardSignInTest {
  static final String PASSWORD = "a long enough password";
  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  String redirect;

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    redirect = service.url() + "/dashboard";
    String admin = ServiceTokens.admin(service, dir);
    for (String name : new String[] {"grace", "bob"}) {
      assertThat(
              api.call(
                      admin,
                      "POST",
                      "/v2/users",
                      "{\"username\":\""
                          + name
                          + "\",\"password\":\""
                          + PASSWORD
                          + "\",\"groups\":[]}")
                  .status())
          .isEqualTo(201);
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  /** A PKCE pair: a fresh verifier and its S256 challenge, computed by Nimbus. */
  record Pkce(String verifier, String challenge) {
    static Pkce fresh() {
      CodeVerifier v = new CodeVerifier();
      return new Pkce(v.getValue(), CodeChallenge.compute(CodeChallengeMethod.S256, v).getValue());
    }
  }

  Map<String, String> authorizeParams(Pkce pkce) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", "funcx-dashboard");
    p.put("redirect_uri", redirect);
    p.put("code_challenge", pkce.challenge());
    p.put("code_challenge_method", "S256");
    p.put("state", "s-123");
    return p;
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.url() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> params) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.url() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Signs {@code user} in on the sign-in form; returns the redirect's query parameters. */
  Map<String, String> signIn(Map<String, String> authorize, String user) throws Exception {
    Map<String, String> answer = new LinkedHashMap<>(authorize);
    answer.put("username", user);
    answer.put("password", PASSWORD);
    HttpResponse<String> r = post("/oauth/authorize", answer);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return redirectQuery(r);
  }

  Map<String, String> redirectQuery(HttpResponse<String> r) {
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirect + "?");
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return q;
  }

  HttpResponse<String> exchange(String code, String verifier, String redirectUri) throws Exception {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("grant_type", "authorization_code");
    p.put("code", code);
    p.put("client_id", "funcx-dashboard");
    p.put("redirect_uri", redirectUri);
    p.put("code_verifier", verifier);
    return post("/oauth/token", p);
  }

  static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  String sessionOf(String user) throws Exception {
    Pkce pkce = Pkce.fresh();
    Map<String, String> q = signIn(authorizeParams(pkce), user);
    HttpResponse<String> tokens = exchange(q.get("code"), pkce.verifier(), redirect);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    return json(tokens).get("access_token").getAsString();
  }

  @Test
  void metadata_lists_the_code_flow_with_s256_only() throws Exception {
    JsonObject m = json(get("/.well-known/oauth-authorization-server"));
    assertThat(m.get("authorization_endpoint").getAsString())
        .isEqualTo(service.url() + "/oauth/authorize");
    assertThat(m.getAsJsonArray("code_challenge_methods_supported").toString())
        .isEqualTo("[\"S256\"]");
    assertThat(m.getAsJsonArray("grant_types_supported").toString())
        .contains("\"authorization_code\"");
    assertThat(m.getAsJsonArray("response_types_supported").toString()).isEqualTo("[\"code\"]");
  }

  @Test
  void a_browser_signs_in_with_a_code_and_its_verifier_and_a_second_use_revokes_the_token()
      throws Exception {
    Pkce pkce = Pkce.fresh();
    Map<String, String> params = authorizeParams(pkce);
    HttpResponse<String> page = get("/oauth/authorize?" + form(params));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Sign in to funcX").contains("name=\"code_challenge\"");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    Map<String, String> q = signIn(params, "grace");
    assertThat(q.get("state")).isEqualTo("s-123");
    HttpResponse<String> tokens = exchange(q.get("code"), pkce.verifier(), redirect);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    assertThat(json(tokens).has("refresh_token"))
        .as("a dashboard session ends with its token")
        .isFalse();
    String token = json(tokens).get("access_token").getAsString();
    assertThat(api.call(token, "GET", "/v2/whoami", null).body().get("username").getAsString())
        .isEqualTo("grace");

    HttpResponse<String> again = exchange(q.get("code"), pkce.verifier(), redirect);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again).get("error").getAsString()).isEqualTo("invalid_grant");
    assertThat(json(again).get("error_description").getAsString()).contains("used");
    // A second use means the code leaked: the token the first use got is revoked (RFC 6749
    // 4.1.2), although the service verified and cached it a moment ago.
    ApiCaller.Answer revoked = api.call(token, "GET", "/v2/whoami", null);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.body().toString()).contains("revoked");
  }

  @Test
  void authorize_without_pkce_or_with_plain_is_sent_back_with_invalid_request() throws Exception {
    Map<String, String> none = authorizeParams(Pkce.fresh());
    none.remove("code_challenge");
    none.remove("code_challenge_method");
    Map<String, String> q = redirectQuery(get("/oauth/authorize?" + form(none)));
    assertThat(q.get("error")).isEqualTo("invalid_request");
    assertThat(q.get("error_description")).contains("code_challenge is required");
    assertThat(q.get("state")).isEqualTo("s-123");

    Map<String, String> plain = authorizeParams(Pkce.fresh());
    plain.put("code_challenge_method", "plain");
    q = redirectQuery(get("/oauth/authorize?" + form(plain)));
    assertThat(q.get("error")).isEqualTo("invalid_request");
    assertThat(q.get("error_description")).contains("S256");

    Map<String, String> noMethod = authorizeParams(Pkce.fresh());
    noMethod.remove("code_challenge_method");
    assertThat(redirectQuery(get("/oauth/authorize?" + form(noMethod))).get("error"))
        .isEqualTo("invalid_request");

    // The sign-in form checks the request again: a password never buys a code without PKCE.
    none.put("username", "grace");
    none.put("password", PASSWORD);
    assertThat(redirectQuery(post("/oauth/authorize", none)).get("error"))
        .isEqualTo("invalid_request");
  }

  @Test
  void a_wrong_verifier_is_refused_and_spends_the_code() throws Exception {
    Pkce pkce = Pkce.fresh();
    Map<String, String> q = signIn(authorizeParams(pkce), "grace");
    HttpResponse<String> wrong = exchange(q.get("code"), Pkce.fresh().verifier(), redirect);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong).get("error").getAsString()).isEqualTo("invalid_grant");
    assertThat(json(wrong).get("error_description").getAsString())
        .contains("code_verifier does not match");
    assertThat(exchange(q.get("code"), pkce.verifier(), redirect).statusCode()).isEqualTo(400);

    Map<String, String> q2 = signIn(authorizeParams(pkce), "grace");
    HttpResponse<String> malformed = exchange(q2.get("code"), "short", redirect);
    assertThat(json(malformed).get("error_description").getAsString()).contains("43-128");
  }

  @Test
  void a_wrong_redirect_uri_gets_an_error_page_and_never_a_code() throws Exception {
    Pkce pkce = Pkce.fresh();
    Map<String, String> evil = authorizeParams(pkce);
    evil.put("redirect_uri", "http://evil.example/dashboard");
    HttpResponse<String> page = get("/oauth/authorize?" + form(evil));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("is not the one registered for the dashboard");
    evil.put("username", "grace");
    evil.put("password", PASSWORD);
    assertThat(post("/oauth/authorize", evil).statusCode()).isEqualTo(400);

    Map<String, String> unknownClient = authorizeParams(pkce);
    unknownClient.put("client_id", "funcx-sdk");
    assertThat(get("/oauth/authorize?" + form(unknownClient)).body()).contains("unknown client_id");

    Map<String, String> q = signIn(authorizeParams(pkce), "grace");
    HttpResponse<String> other = exchange(q.get("code"), pkce.verifier(), service.url() + "/other");
    assertThat(json(other).get("error").getAsString()).isEqualTo("invalid_grant");
    assertThat(json(other).get("error_description").getAsString()).contains("redirect_uri");
  }

  @Test
  void a_wrong_password_shows_the_form_again_and_gives_no_code() throws Exception {
    Map<String, String> answer = authorizeParams(Pkce.fresh());
    answer.put("username", "grace");
    answer.put("password", "not the password at all");
    HttpResponse<String> r = post("/oauth/authorize", answer);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Location")).isEmpty();
    assertThat(r.body()).contains("Wrong user name or password.");
  }

  @Test
  void activity_shows_the_signed_in_user_only_their_own_groups_and_needs_a_live_session()
      throws Exception {
    String grace = sessionOf("grace");
    String bob = sessionOf("bob");
    String function = api.registerIdentity(grace);
    String endpoint =
        api.call(grace, "POST", "/v2/endpoints", "{\"name\":\"ep\"}")
            .body()
            .get("endpoint_id")
            .getAsString();
    ApiCaller.Answer submitted =
        api.call(
            grace,
            "POST",
            "/v2/submit",
            "{\"tasks\":[{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint
                + "\",\"args\":[1]},{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint
                + "\",\"args\":[2]}]}");
    assertThat(submitted.status()).isEqualTo(202);
    String group = submitted.body().get("task_group_id").getAsString();

    JsonObject mine = api.call(grace, "GET", "/v2/activity", null).body();
    assertThat(mine.getAsJsonArray("task_groups")).hasSize(1);
    JsonObject g = mine.getAsJsonArray("task_groups").get(0).getAsJsonObject();
    assertThat(g.get("task_group_id").getAsString()).isEqualTo(group);
    assertThat(g.get("task_count").getAsInt()).isEqualTo(2);
    assertThat(g.getAsJsonObject("states").get("waiting-for-endpoint").getAsInt()).isEqualTo(2);
    assertThat(mine.getAsJsonArray("tasks")).hasSize(2);
    assertThat(mine.getAsJsonArray("per_minute")).hasSize(60);

    JsonObject theirs = api.call(bob, "GET", "/v2/activity", null).body();
    assertThat(theirs.getAsJsonArray("task_groups")).isEmpty();
    assertThat(theirs.getAsJsonArray("tasks")).isEmpty();
    assertThat(theirs.toString()).doesNotContain(group);

    HttpResponse<String> svg =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(service.url() + "/v2/activity/charts/tasks_per_second.svg"))
                .header("Authorization", "Bearer " + grace)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(svg.body()).startsWith("<svg").contains("Tasks finished per second");
    assertThat(api.call(grace, "GET", "/v2/activity/charts/nope.svg", null).code())
        .isEqualTo("chart_not_found");

    ApiCaller.Answer anonymous = api.call(null, "GET", "/v2/activity", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo("missing_token");
    String expired =
        service
            .auth()
            .issuer()
            .accessToken(
                new Principal("x", "grace", Set.of(Scope.COMPUTE.claim()), Set.of(), null),
                "funcx-dashboard",
                Duration.ofMinutes(-5));
    ApiCaller.Answer late = api.call(expired, "GET", "/v2/activity", null);
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.code()).isEqualTo("invalid_token");
    assertThat(late.body().get("message").getAsString()).containsIgnoringCase("expired");
  }

  @Test
  void a_state_longer_than_its_bound_is_refused_and_not_echoed() throws Exception {
    Map<String, String> params = authorizeParams(Pkce.fresh());
    params.put("state", "s".repeat(513));
    Map<String, String> q = redirectQuery(get("/oauth/authorize?" + form(params)));
    assertThat(q.get("error")).isEqualTo("invalid_request");
    assertThat(q.get("error_description")).contains("state is longer than 512");
    assertThat(q).doesNotContainKey("state").doesNotContainKey("code");
  }

  @Test
  void activity_reads_at_most_its_bound_of_tasks_however_large_the_maps() throws Exception {
    String grace = sessionOf("grace");
    String function = api.registerIdentity(grace);
    String endpoint =
        api.call(grace, "POST", "/v2/endpoints", "{\"name\":\"ep\"}")
            .body()
            .get("endpoint_id")
            .getAsString();
    StringBuilder args = new StringBuilder();
    for (int i = 0; i < 10_050; i++)
      args.append(i == 0 ? "" : ",").append("[").append(i).append("]");
    for (int batch = 0; batch < 2; batch++) {
      assertThat(
              api.call(
                      grace,
                      "POST",
                      "/v2/submit",
                      "{\"batches\":[{\"function_id\":\""
                          + function
                          + "\",\"endpoint_id\":\""
                          + endpoint
                          + "\",\"args_list\":["
                          + args
                          + "]}]}")
                  .status())
          .isEqualTo(202);
    }
    long start = System.nanoTime();
    JsonObject a = api.call(grace, "GET", "/v2/activity", null).body();
    // A figure for the report, not an assertion: the machine is shared.
    System.out.printf(
        "GET /v2/activity reading 10,000 tasks: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(a.get("tasks_read").getAsInt()).isEqualTo(10_000);
    assertThat(a.get("tasks_read_limit").getAsInt()).isEqualTo(10_000);
    assertThat(a.get("truncated").getAsBoolean()).isTrue();
    assertThat(a.getAsJsonArray("task_groups")).hasSize(1);
    assertThat(a.getAsJsonArray("tasks")).hasSize(20);
    assertThat(api.call(grace, "GET", "/v2/whoami", null).status())
        .as("still serving")
        .isEqualTo(200);
  }

  @Test
  void the_dashboard_page_carries_its_sign_in_settings_and_a_strict_policy() throws Exception {
    HttpResponse<String> page = get("/dashboard");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("\"client_id\":\"funcx-dashboard\"")
        .contains("\"redirect_uri\":\"" + redirect + "\"");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(get("/dashboard/dashboard.js").body()).contains("code_challenge_method");
  }
}
