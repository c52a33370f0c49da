package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.funcx.service.auth.AuthSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service trusting an external identity provider (mock-oauth2-server, a real OAuth 2 / OIDC
 * server in the test JVM): JWTs via discovery and JWKS, or introspection; wrong audience and
 * another issuer refused; users' objects kept apart by the provider's subject.
 */
@Timeout(120)
class ExternalIdentityProviderTest {
  @TempDir Path dir;
  MockOAuth2Server idp;
  FuncxService service;

  @BeforeEach
  void startIdp() {
    idp = new MockOAuth2Server();
    idp.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
    idp.shutdown();
  }

  String token(String issuerId, String subject, String audience) {
    return idp.issueToken(
            issuerId,
            "notebook",
            new DefaultOAuth2TokenCallback(
                issuerId,
                subject,
                "JWT",
                List.of(audience),
                Map.of("scope", "openid funcx:compute", "groups", List.of("lab")),
                3600))
        .serialize();
  }

  @Test
  void jwts_of_the_configured_issuer_and_audience_are_accepted_and_others_refused()
      throws Exception {
    String issuer = idp.issuerUrl("campus").toString();
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir)
                .withPorts(0, 0)
                .withAuth(AuthSettings.externalJwt(issuer, "funcx")));
    ApiCaller api = new ApiCaller(service.url());
    String alice = token("campus", "alice@campus", "funcx");
    var me = api.call(alice, "GET", "/v2/whoami", null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("subject").getAsString()).isEqualTo("alice@campus");
    assertThat(me.body().getAsJsonArray("groups").toString()).contains("lab");
    assertThat(
            api.call(token("campus", "alice@campus", "other-api"), "GET", "/v2/whoami", null)
                .status())
        .isEqualTo(401);
    assertThat(
            api.call(token("elsewhere", "alice@campus", "funcx"), "GET", "/v2/whoami", null)
                .status())
        .isEqualTo(401);
    String f =
        api.call(alice, "POST", "/v2/functions", "{\"function_code\":\"int one() { return 1; }\"}")
            .body()
            .get("function_id")
            .getAsString();
    String bob = token("campus", "bob@campus", "funcx");
    assertThat(api.call(bob, "GET", "/v2/functions/" + f, null).status()).isEqualTo(404);
    assertThat(api.call(alice, "GET", "/v2/functions/" + f, null).status()).isEqualTo(200);
    // The SDK learns where to log in from the service.
    var auth = api.call(null, "GET", "/v2/version", null).body().getAsJsonObject("auth");
    assertThat(auth.get("issuer").getAsString()).isEqualTo(issuer);
    assertThat(auth.get("token_endpoint").getAsString()).startsWith(issuer);
  }

  @Test
  void the_dashboard_signs_in_at_the_provider_with_a_code_and_pkce() throws Exception {
    String issuer = idp.issuerUrl("campus").toString();
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir)
                .withPorts(0, 0)
                .withAuth(
                    AuthSettings.externalJwt(issuer, "funcx").withSdkClientId("campus-notebooks")));
    var http =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    var page =
        http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(service.url() + "/dashboard")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    String login =
        page.body()
            .replaceAll(
                "(?s).*<script type=\"application/json\" id=\"funcx-login\">" + "(.*?)</script>.*",
                "$1");
    var settings = com.google.gson.JsonParser.parseString(login).getAsJsonObject();
    String authorize = settings.get("authorization_endpoint").getAsString();
    String tokenEndpoint = settings.get("token_endpoint").getAsString();
    assertThat(authorize).isEqualTo(idp.authorizationEndpointUrl("campus").toString());
    assertThat(tokenEndpoint).isEqualTo(idp.tokenEndpointUrl("campus").toString());
    assertThat(settings.get("client_id").getAsString()).isEqualTo("campus-notebooks");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("connect-src 'self' " + idp.baseUrl().toString().replaceAll("/$", ""));

    // What the page's script does, at the provider: a challenge, the code, the verifier.
    var verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
    String challenge =
        com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(
                com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256, verifier)
            .getValue();
    String redirect = settings.get("redirect_uri").getAsString();
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "campus",
            "carol@campus",
            "JWT",
            List.of("funcx"),
            Map.of("scope", "openid funcx:compute", "groups", List.of("lab")),
            3600));
    var redirected =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create(
                        authorize
                            + "?response_type=code&client_id=campus-notebooks&scope=openid&state=s1&redirect_uri="
                            + java.net.URLEncoder.encode(
                                redirect, java.nio.charset.StandardCharsets.UTF_8)
                            + "&code_challenge="
                            + challenge
                            + "&code_challenge_method=S256"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    String location = redirected.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirect + "?");
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    var tokens =
        http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code"
                            + "&client_id=campus-notebooks&code="
                            + code
                            + "&code_verifier="
                            + verifier.getValue()
                            + "&redirect_uri="
                            + java.net.URLEncoder.encode(
                                redirect, java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    String access =
        com.google.gson.JsonParser.parseString(tokens.body())
            .getAsJsonObject()
            .get("access_token")
            .getAsString();
    var me = new ApiCaller(service.url()).call(access, "GET", "/v2/whoami", null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("subject").getAsString()).isEqualTo("carol@campus");
    assertThat(new ApiCaller(service.url()).call(access, "GET", "/v2/activity", null).status())
        .isEqualTo(200);
  }

  @Test
  void introspection_accepts_active_tokens_for_the_audience() throws Exception {
    String issuer = idp.issuerUrl("campus").toString();
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir)
                .withPorts(0, 0)
                .withAuth(
                    AuthSettings.externalJwt(issuer, "funcx")
                        .withIntrospection(
                            URI.create(idp.url("campus/introspect").toString()),
                            "funcx-service",
                            "secret")));
    ApiCaller api = new ApiCaller(service.url());
    assertThat(
            api.call(token("campus", "carol@campus", "funcx"), "GET", "/v2/whoami", null)
                .body()
                .get("subject")
                .getAsString())
        .isEqualTo("carol@campus");
    assertThat(
            api.call(token("campus", "carol@campus", "other-api"), "GET", "/v2/whoami", null)
                .status())
        .isEqualTo(401);
    assertThat(api.call("opaque-garbage", "GET", "/v2/whoami", null).status()).isEqualTo(401);
  }
}
