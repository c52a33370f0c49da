package org.funcx.service.store;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A PostgreSQL database as the service is told it, {@code postgresql://HOST[:PORT]/DB}, with the
 * user to log in as. The password is never part of it (it comes from a file).
 */
public record PostgresLocation(String host, int port, String database, String user) {
  private static final int DEFAULT_PORT = 5432;

  public PostgresLocation {
    if (host == null || host.isBlank())
      throw new IllegalArgumentException("PostgreSQL host missing");
    if (port < 1 || port > 65_535)
      throw new IllegalArgumentException("PostgreSQL port " + port + " out of range");
    if (database == null || !database.matches("[A-Za-z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "PostgreSQL database name '" + database + "' must be 1-63 letters, digits or _");
    }
    if (user == null || user.isBlank())
      throw new IllegalArgumentException("PostgreSQL user missing");
  }

  /**
   * Parses {@code postgresql://HOST[:PORT]/DB}; a user or password in it is refused, so that no
   * secret ends up on a command line (ps shows it to every user of the machine).
   */
  public static PostgresLocation parse(String location, String user) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + location + "' is not postgresql://HOST[:PORT]/DB", e);
    }
    if (uri.getRawUserInfo() != null) { // checked first: no message below may echo a password
      throw new IllegalArgumentException(
          "the PostgreSQL location must not carry credentials;"
              + " give the user and a password file instead");
    }
    if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null) {
      throw new IllegalArgumentException("'" + location + "' is not postgresql://HOST[:PORT]/DB");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "'" + location + "' has a query or fragment; expected postgresql://HOST[:PORT]/DB");
    }
    return new PostgresLocation(
        uri.getHost(),
        uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(),
        uri.getPath().replaceFirst("^/", ""),
        user);
  }

  /** The form {@link #parse} reads, as {@code --store} takes it. */
  public String url() {
    return "postgresql://" + host + ":" + port + "/" + database;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }
}
