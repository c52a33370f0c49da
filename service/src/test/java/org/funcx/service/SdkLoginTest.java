package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.auth.DeviceLogin;
import org.funcx.client.auth.TokenStore;
import org.funcx.service.auth.AuthSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's side of signing in, against a real service whose access tokens live 20 s (shorter
 * than the SDK's one-minute margin, so every call refreshes): a device login, tokens cached 0600,
 * refresh tokens rotating on use, a denied login, and client credentials for automation.
 */
@Timeout(120)
class SdkLoginTest {
  static final String PASSWORD = "a long enough password";
  @TempDir Path dir;
  @TempDir Path userHome;
  FuncxService service;
  FuncXClient admin;

  @BeforeEach
  void start() throws Exception {
    AuthSettings shortLived = AuthSettings.embedded().withAccessTokenTtl(Duration.ofSeconds(20));
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0).withAuth(shortLived));
    TokenStore adminStore = new TokenStore(dir.resolve("admin-home"));
    adminStore.saveClient(
        service.url(), TokenStore.ClientSecret.read(dir.resolve("local-client.json")));
    admin = FuncXClient.connect(service.url(), adminStore);
    admin.createUser(new org.funcx.core.rest.UserRequest("grace", PASSWORD, List.of(), false));
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void a_device_login_is_cached_privately_and_refreshed_with_rotating_refresh_tokens()
      throws Exception {
    TokenStore store = new TokenStore(userHome);
    FuncXClient grace = FuncXClient.connect(service.url(), store);
    assertThatThrownBy(grace::endpoints)
        .isInstanceOf(FuncXException.class)
        .hasMessageContaining("login");
    DeviceLogin.Pending login = grace.startLogin();
    CompletableFuture<TokenStore.Tokens> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return login.await(Duration.ofSeconds(60));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(approve(login, "approve").statusCode()).isEqualTo(200);
    TokenStore.Tokens first = done.get();
    assertThat(Files.getPosixFilePermissions(userHome.resolve("tokens.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(grace.whoami().username()).isEqualTo("grace");
    String rotated = store.tokens(service.url()).refreshToken();
    assertThat(rotated).isNotEqualTo(first.refreshToken());
    grace.endpoints();
    assertThat(store.tokens(service.url()).refreshToken()).isNotEqualTo(rotated);
    // a used refresh token is dead: replaying the first one gets nothing
    store.saveTokens(
        service.url(), new TokenStore.Tokens("stale", first.refreshToken(), 0, first.clientId()));
    assertThatThrownBy(grace::endpoints).isInstanceOf(FuncXException.class);
    assertThat(store.tokens(service.url())).isNull();
  }

  @Test
  void deleting_the_public_sdk_client_is_refused_before_it_touches_anyones_login()
      throws Exception {
    TokenStore store = new TokenStore(userHome);
    FuncXClient grace = FuncXClient.connect(service.url(), store);
    DeviceLogin.Pending login = grace.startLogin();
    CompletableFuture<TokenStore.Tokens> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return login.await(Duration.ofSeconds(60));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(approve(login, "approve").statusCode()).isEqualTo(200);
    String refresh = done.get().refreshToken();
    // another user (here the administrator) tries to delete the client every notebook logs in with
    assertThatThrownBy(() -> admin.deleteClient("funcx-sdk"))
        .isInstanceOf(FuncXException.class)
        .satisfies(e -> assertThat(((FuncXException) e).status()).isEqualTo(404));
    // grace's access token lives 20 s, under the SDK's margin: this call redeems her refresh token
    assertThat(grace.whoami().username()).isEqualTo("grace");
    assertThat(store.tokens(service.url()).refreshToken()).isNotEqualTo(refresh);
  }

  @Test
  void a_denied_login_says_so() throws Exception {
    FuncXClient grace = FuncXClient.connect(service.url(), new TokenStore(userHome));
    DeviceLogin.Pending login = grace.startLogin();
    CompletableFuture<Object> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return login.await(Duration.ofSeconds(60));
              } catch (Exception e) {
                return e;
              }
            });
    assertThat(approve(login, "deny").statusCode()).isEqualTo(200);
    assertThat(done.get()).isInstanceOf(FuncXException.class);
    assertThat(((FuncXException) done.get()).code()).isEqualTo("login_denied");
  }

  @Test
  void client_credentials_act_for_their_owner_and_can_be_deleted() throws Exception {
    var created = admin.createClient("ci", List.of("funcx:compute"));
    TokenStore ci = new TokenStore(userHome);
    ci.saveClient(
        service.url(), new TokenStore.ClientSecret(created.clientId(), created.clientSecret()));
    FuncXClient automation = FuncXClient.connect(service.url(), ci);
    assertThat(automation.whoami().username()).isEqualTo("admin");
    assertThat(automation.whoami().scopes()).doesNotContain("funcx:admin");
    admin.deleteClient(created.clientId());
    ci.saveTokens(service.url(), null);
    assertThatThrownBy(automation::whoami).isInstanceOf(FuncXException.class);
  }

  private HttpResponse<String> approve(DeviceLogin.Pending login, String action) throws Exception {
    String form =
        "user_code="
            + URLEncoder.encode(login.userCode(), StandardCharsets.UTF_8)
            + "&username=grace&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&action="
            + action;
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(service.url() + "/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
