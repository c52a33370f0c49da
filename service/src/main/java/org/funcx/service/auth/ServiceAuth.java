package org.funcx.service.auth;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.core.json.Json;
import org.funcx.service.store.SqlDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of the service, assembled from its settings: the embedded issuer (always there,
 * for endpoint agents and automation clients, and for users unless an external identity provider
 * is configured), the token verifiers, and the route gate. On first start it creates the local
 * administrator: password in {@code admin-password}, client credentials for the CLI on this
 * machine in {@code local-client.json}, both 0600 in the data directory.
 */
public final class ServiceAuth {
  private static final Logger log = LoggerFactory.getLogger(ServiceAuth.class);
  public static final String ADMIN_PASSWORD_FILE = "admin-password";
  public static final String LOCAL_CLIENT_FILE = "local-client.json";
  private final Accounts accounts;
  private final TokenIssuer issuer;
  private final AuthorizationServer server;
  private final AuthGate gate;
  private final Map<String, Object> discovery;
  private final InstanceProof instanceProof;
  private final Map<String, Object> dashboardLogin;

  private ServiceAuth(
      Accounts accounts,
      TokenIssuer issuer,
      AuthorizationServer server,
      AuthGate gate,
      Map<String, Object> discovery,
      InstanceProof instanceProof,
      Map<String, Object> dashboardLogin) {
    this.instanceProof = instanceProof;
    this.dashboardLogin = dashboardLogin;
    this.accounts = accounts;
    this.issuer = issuer;
    this.server = server;
    this.gate = gate;
    this.discovery = discovery;
  }

  public static ServiceAuth start(
      AuthSettings settings, String serviceUrl, Path dataDir, SqlDatabase db) throws IOException {
    Accounts accounts = new Accounts(db);
    SigningKeys keys = SigningKeys.loadOrCreate(dataDir.resolve("signing-key.jwk"));
    TokenIssuer issuer = new TokenIssuer(keys, serviceUrl, settings.audience());
    RevokedTokens revoked = new RevokedTokens();
    var server =
        new AuthorizationServer(
            accounts,
            issuer,
            keys,
            settings,
            new LoginThrottle(settings.loginAttempts(), settings.loginRefill()),
            revoked);
    TokenVerifier embedded = JwtTokenVerifier.embedded(keys, serviceUrl, settings.audience());
    TokenVerifier external = null;
    Map<String, Object> discovery = new LinkedHashMap<>(server.metadata());
    discovery.put("client_id", Accounts.SDK_CLIENT_ID);
    Map<String, Object> dashboard = new LinkedHashMap<>();
    dashboard.put("authorization_endpoint", server.metadata().get("authorization_endpoint"));
    dashboard.put("token_endpoint", server.metadata().get("token_endpoint"));
    dashboard.put("client_id", Accounts.DASHBOARD_CLIENT_ID);
    dashboard.put("scope", Scope.COMPUTE.claim());
    if (!settings.isEmbedded()) {
      AuthorizationServerMetadata idp = discover(settings.issuer());
      external =
          settings.introspection() != null
              ? new IntrospectionTokenVerifier(
                  settings.introspection(),
                  settings.introspectionClientId(),
                  settings.introspectionClientSecret(),
                  settings.issuer(),
                  settings.audience())
              : JwtTokenVerifier.remote(idp.getJWKSetURI(), settings.issuer(), settings.audience());
      discovery = new LinkedHashMap<>();
      discovery.put("issuer", settings.issuer());
      discovery.put("token_endpoint", String.valueOf(idp.getTokenEndpointURI()));
      if (idp.getDeviceAuthorizationEndpointURI() != null) {
        discovery.put(
            "device_authorization_endpoint", idp.getDeviceAuthorizationEndpointURI().toString());
      }
      discovery.put("client_id", settings.sdkClientId());
      // The dashboard signs in at the provider as the public client configured for the SDK,
      // which must allow the authorization code flow and this service's /dashboard redirect.
      dashboard.clear();
      if (idp.getAuthorizationEndpointURI() != null) { // else the page says it cannot sign in
        dashboard.put("authorization_endpoint", idp.getAuthorizationEndpointURI().toString());
      }
      dashboard.put("token_endpoint", String.valueOf(idp.getTokenEndpointURI()));
      dashboard.put("client_id", settings.sdkClientId());
    }
    dashboard.put("redirect_uri", server.dashboardRedirectUri());
    dashboard.put("session_seconds", server.sessionLifetime().toSeconds());
    discovery.put("audience", settings.audience());
    bootstrapAdmin(accounts, dataDir);
    var auth =
        new ServiceAuth(
            accounts,
            issuer,
            server,
            new AuthGate(
                revoked.guard(
                    new CachingTokenVerifier(
                        new IssuerRoutingVerifier(serviceUrl, embedded, external), 30_000))),
            discovery,
            InstanceProof.loadOrCreate(dataDir),
            Map.copyOf(dashboard));
    log.info(
        "authentication: {} issuer {}",
        settings.isEmbedded() ? "embedded" : "external",
        discovery.get("issuer"));
    return auth;
  }

  /** Reads the identity provider's metadata: OpenID Connect discovery, else RFC 8414. */
  private static AuthorizationServerMetadata discover(String issuerUrl) throws IOException {
    try {
      return OIDCProviderMetadata.resolve(new Issuer(issuerUrl));
    } catch (Exception oidc) {
      try {
        return AuthorizationServerMetadata.resolve(new Issuer(issuerUrl));
      } catch (Exception e) {
        e.addSuppressed(oidc);
        throw new IOException(
            "cannot read the metadata of identity provider " + issuerUrl + ": " + e, e);
      }
    }
  }

  private static void bootstrapAdmin(Accounts accounts, Path dataDir) throws IOException {
    if (accounts.hasUsers()) return;
    String password = Secrets.random(18);
    Accounts.User admin = accounts.createUser("admin", password, List.of("admins"), true);
    Secrets.writePrivate(dataDir.resolve(ADMIN_PASSWORD_FILE), password + "\n");
    Accounts.ClientCredentials cli =
        accounts.createClient(
            admin.id(), "local CLI", Set.of(Scope.COMPUTE.claim(), Scope.ADMIN.claim()), null);
    Secrets.writePrivate(
        dataDir.resolve(LOCAL_CLIENT_FILE),
        Json.GSON.toJson(Map.of("client_id", cli.clientId(), "client_secret", cli.clientSecret())));
    log.info(
        "created the administrator 'admin'; password in {}", dataDir.resolve(ADMIN_PASSWORD_FILE));
  }

  /** Adds the issuer's routes and the gate in front of every matched route. */
  public void install(Javalin app) {
    server.routes(app);
    app.beforeMatched(gate::check);
  }

  public AuthGate gate() {
    return gate;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** Proves to the CLI of this funcX home that it talks to its own service. */
  public InstanceProof instanceProof() {
    return instanceProof;
  }

  public TokenIssuer issuer() {
    return issuer;
  }

  /**
   * What the dashboard page needs to sign a browser in with the code flow and PKCE: the
   * authorization and token endpoints (the embedded issuer's, or the external provider's),
   * its public client id and its redirect URI.
   */
  public Map<String, Object> dashboardLogin() {
    return dashboardLogin;
  }

  /** What clients need to log in: issuer, token and device endpoints, public client id. */
  public Map<String, Object> discovery() {
    return discovery;
  }
}
