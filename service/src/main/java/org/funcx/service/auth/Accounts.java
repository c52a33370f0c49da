package org.funcx.service.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.funcx.service.api.ApiException;
import org.funcx.service.store.SqlDatabase;

/**
 * The embedded issuer's users, OAuth clients and refresh tokens, in the registry's SQL database.
 * Secrets are stored as digests only: PBKDF2 for passwords, SHA-256 for random client secrets and
 * refresh tokens.
 */
public final class Accounts {
  /** The public client that notebooks and the CLI log in with (device flow, no secret). */
  public static final String SDK_CLIENT_ID = "funcx-sdk";

  /** The public client of the web dashboard (authorization code with PKCE, no secret). */
  public static final String DASHBOARD_CLIENT_ID = "funcx-dashboard";

  private final SqlDatabase db;

  public Accounts(SqlDatabase db) {
    this.db = db;
    db.ddl(
        "CREATE TABLE IF NOT EXISTS users (id VARCHAR(36) PRIMARY KEY,"
            + " username VARCHAR(100) NOT NULL UNIQUE, password_hash VARCHAR(200) NOT NULL,"
            + " user_groups VARCHAR(4000) NOT NULL, is_admin BOOLEAN NOT NULL, created_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS oauth_clients (client_id VARCHAR(64) PRIMARY KEY,"
            + " secret_hash VARCHAR(64) NOT NULL, owner VARCHAR(36) NOT NULL, name VARCHAR(200),"
            + " scopes VARCHAR(400) NOT NULL, endpoint_id VARCHAR(36), created_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS refresh_tokens (token_hash VARCHAR(64) PRIMARY KEY,"
            + " subject VARCHAR(36) NOT NULL, client_id VARCHAR(64) NOT NULL,"
            + " scopes VARCHAR(400) NOT NULL, expires_at BIGINT NOT NULL)");
  }

  /** A user account. */
  public record User(String id, String username, List<String> groups, boolean admin) {}

  /** A confidential client: acts for its owner with at most its scopes. */
  public record Client(String clientId, String owner, Set<String> scopes, String endpointId) {}

  /** Credentials of a client just created; the secret is shown once. */
  public record ClientCredentials(String clientId, String clientSecret) {}

  public boolean hasUsers() {
    return !db.query("SELECT id FROM users", rs -> rs.getString(1)).isEmpty();
  }

  public User createUser(String username, String password, List<String> groups, boolean admin) {
    if (username == null || !username.matches("[A-Za-z0-9_.@-]{1,100}")) {
      throw ApiException.badRequest(
          "invalid_field", "username must be 1-100 letters, digits or _ . @ -");
    }
    if (password == null || password.length() < 12) {
      throw ApiException.badRequest("weak_password", "password must have at least 12 characters");
    }
    if (user(username).isPresent()) {
      throw new ApiException(409, "user_exists", "user " + username + " already exists");
    }
    try {
      new org.funcx.service.store.Sharing("", false, groups); // validates the group names
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_field", e.getMessage());
    }
    User u = new User(UUID.randomUUID().toString(), username, List.copyOf(groups), admin);
    db.update(
        "INSERT INTO users VALUES (?,?,?,?,?,?)",
        u.id(),
        username,
        Passwords.hash(password),
        String.join(",", groups),
        admin,
        System.currentTimeMillis());
    return u;
  }

  public Optional<User> user(String username) {
    return db.query("SELECT * FROM users WHERE username = ?", Accounts::userRow, username).stream()
        .findFirst();
  }

  public Optional<User> userById(String id) {
    return db.query("SELECT * FROM users WHERE id = ?", Accounts::userRow, id).stream().findFirst();
  }

  /**
   * The user when the password is right; empty otherwise, without saying which part was wrong
   * and after the same hashing work whether the user exists or not.
   */
  public Optional<User> authenticate(String username, String password) {
    List<String> hashes =
        db.query(
            "SELECT password_hash FROM users WHERE username = ?", rs -> rs.getString(1), username);
    if (hashes.isEmpty()) {
      Passwords.checkAgainstNobody(password);
      return Optional.empty();
    }
    if (!Passwords.matches(password, hashes.get(0))) return Optional.empty();
    return user(username);
  }

  /** The principal of a user's token, with the granted subset of {@code requested} scopes. */
  public Principal principal(User u, Set<String> requested) {
    Set<String> allowed = new LinkedHashSet<>(List.of(Scope.COMPUTE.claim()));
    if (u.admin()) allowed.add(Scope.ADMIN.claim());
    if (requested != null && !requested.isEmpty()) allowed.retainAll(requested);
    return new Principal(u.id(), u.username(), Set.copyOf(allowed), Set.copyOf(u.groups()), null);
  }

  public ClientCredentials createClient(
      String owner, String name, Set<String> scopes, String endpointId) {
    String id = (endpointId != null ? "ep-" : "cl-") + UUID.randomUUID();
    String secret = Secrets.random(32);
    db.update(
        "INSERT INTO oauth_clients VALUES (?,?,?,?,?,?,?)",
        id,
        Secrets.sha256(secret),
        owner,
        name,
        String.join(" ", scopes),
        endpointId,
        System.currentTimeMillis());
    return new ClientCredentials(id, secret);
  }

  public Optional<Client> authenticateClient(String clientId, String secret) {
    if (clientId == null || secret == null) return Optional.empty();
    String digest = Secrets.sha256(secret);
    return db
        .query(
            "SELECT * FROM oauth_clients WHERE client_id = ?",
            rs -> Secrets.sameDigest(rs.getString("secret_hash"), digest) ? clientRow(rs) : null,
            clientId)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  public List<String> clientsOf(String owner) {
    return db.query(
        "SELECT client_id FROM oauth_clients WHERE owner = ? AND endpoint_id IS NULL",
        rs -> rs.getString(1),
        owner);
  }

  /**
   * Deletes the owner's client and then its refresh tokens. Nothing is touched unless the owner
   * owns it: the public SDK client (no row) and other users' clients answer false.
   */
  public boolean deleteClient(String owner, String clientId) {
    if (db.update("DELETE FROM oauth_clients WHERE client_id = ? AND owner = ?", clientId, owner)
        == 0) {
      return false;
    }
    db.update("DELETE FROM refresh_tokens WHERE client_id = ?", clientId);
    return true;
  }

  /** Removes an endpoint's clients, so its agent gets no new tokens. */
  public void revokeEndpointClients(String endpointId) {
    db.update("DELETE FROM oauth_clients WHERE endpoint_id = ?", endpointId);
  }

  public String issueRefreshToken(
      String subject, String clientId, Set<String> scopes, long ttlMillis) {
    String token = Secrets.random(32);
    db.update(
        "INSERT INTO refresh_tokens VALUES (?,?,?,?,?)",
        Secrets.sha256(token),
        subject,
        clientId,
        String.join(" ", scopes),
        System.currentTimeMillis() + ttlMillis);
    return token;
  }

  /** Uses up a refresh token (they rotate): its subject and scopes, when valid for this client. */
  public Optional<RefreshGrant> redeemRefreshToken(String token, String clientId) {
    if (token == null) return Optional.empty();
    String hash = Secrets.sha256(token);
    List<RefreshGrant> rows =
        db.query(
            "SELECT * FROM refresh_tokens WHERE token_hash = ?",
            rs ->
                new RefreshGrant(
                    rs.getString("subject"),
                    rs.getString("client_id"),
                    Set.of(rs.getString("scopes").split(" ")),
                    rs.getLong("expires_at")),
            hash);
    if (db.update("DELETE FROM refresh_tokens WHERE token_hash = ?", hash) == 0)
      return Optional.empty();
    return rows.stream()
        .filter(r -> r.clientId().equals(clientId))
        .filter(r -> r.expiresAtMillis() > System.currentTimeMillis())
        .findFirst();
  }

  /** What a refresh token stood for. */
  public record RefreshGrant(
      String subject, String clientId, Set<String> scopes, long expiresAtMillis) {}

  private static User userRow(ResultSet rs) throws SQLException {
    String groups = rs.getString("user_groups");
    return new User(
        rs.getString("id"),
        rs.getString("username"),
        groups.isBlank() ? List.of() : List.of(groups.split(",")),
        rs.getBoolean("is_admin"));
  }

  private static Client clientRow(ResultSet rs) throws SQLException {
    return new Client(
        rs.getString("client_id"),
        rs.getString("owner"),
        new LinkedHashSet<>(List.of(rs.getString("scopes").split(" "))),
        rs.getString("endpoint_id"));
  }
}
