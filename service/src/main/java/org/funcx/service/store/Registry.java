package org.funcx.service.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered functions and endpoints in SQL (embedded H2 by default). Plain JDBC with portable SQL,
 * so a PostgreSQL URL can replace the H2 one by configuration. Methods are synchronized: the
 * registry is written rarely and one connection is enough.
 */
public final class Registry implements AutoCloseable {
  private final String jdbcUrl;
  private Connection connection;

  public Registry(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
    try {
      this.connection = DriverManager.getConnection(jdbcUrl);
      createTables();
    } catch (SQLException e) {
      throw new StoreException("cannot open registry at " + jdbcUrl, e);
    }
  }

  public static Registry embedded(Path dataDir) {
    // WRITE_DELAY=0: a registration answered is on disk, not in a 0.5 s write-behind buffer.
    return new Registry("jdbc:h2:file:" + dataDir.resolve("registry").toAbsolutePath()
        + ";WRITE_DELAY=0");
  }

  private void createTables() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS functions (id VARCHAR(36) PRIMARY KEY,"
          + " name VARCHAR(200) NOT NULL, entry_point VARCHAR(200) NOT NULL,"
          + " source VARCHAR(1048576) NOT NULL, hash VARCHAR(64) NOT NULL, signature VARCHAR(2000),"
          + " return_type VARCHAR(500), created_at BIGINT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS endpoints (id VARCHAR(36) PRIMARY KEY,"
          + " name VARCHAR(200) NOT NULL, created_at BIGINT NOT NULL)");
    }
  }

  public synchronized void addFunction(FunctionRow f) {
    update("INSERT INTO functions VALUES (?,?,?,?,?,?,?,?)", f.id(), f.name(), f.entryPoint(),
        f.source(), f.hash(), f.signature(), f.returnType(), f.createdAtMillis());
  }

  public synchronized Optional<FunctionRow> function(String id) {
    List<FunctionRow> rows = query("SELECT * FROM functions WHERE id = ?", Registry::functionRow, id);
    return rows.stream().findFirst();
  }

  public synchronized boolean deleteFunction(String id) {
    return update("DELETE FROM functions WHERE id = ?", id) > 0;
  }

  public synchronized void addEndpoint(EndpointRow e) {
    update("INSERT INTO endpoints VALUES (?,?,?)", e.id(), e.name(), e.createdAtMillis());
  }

  public synchronized Optional<EndpointRow> endpoint(String id) {
    return query("SELECT * FROM endpoints WHERE id = ?", Registry::endpointRow, id).stream().findFirst();
  }

  public synchronized List<EndpointRow> endpoints() {
    return query("SELECT * FROM endpoints ORDER BY created_at", Registry::endpointRow);
  }

  public synchronized boolean deleteEndpoint(String id) {
    return update("DELETE FROM endpoints WHERE id = ?", id) > 0;
  }

  private static FunctionRow functionRow(ResultSet rs) throws SQLException {
    return new FunctionRow(rs.getString("id"), rs.getString("name"), rs.getString("entry_point"),
        rs.getString("source"), rs.getString("hash"), rs.getString("signature"),
        rs.getString("return_type"), rs.getLong("created_at"));
  }

  private static EndpointRow endpointRow(ResultSet rs) throws SQLException {
    return new EndpointRow(rs.getString("id"), rs.getString("name"), rs.getLong("created_at"));
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private interface SqlCall<T> {
    T run() throws SQLException;
  }

  /**
   * Runs a statement; when it fails (the database closed itself after a failed write, e.g. on a
   * full disk) it reconnects once and retries, else reports the registry unavailable.
   */
  private <T> T withRetry(String sql, SqlCall<T> statement) {
    try {
      return statement.run();
    } catch (SQLException first) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the broken connection is being replaced
      }
      try {
        connection = DriverManager.getConnection(jdbcUrl);
        return statement.run();
      } catch (SQLException e) {
        e.addSuppressed(first);
        throw new StoreUnavailableException("the registry cannot run " + sql + ": "
            + e.getMessage(), e);
      }
    }
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withRetry(sql, () -> {
      try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(mapper.map(rs));
        return out;
      }
    });
  }

  private int update(String sql, Object... params) {
    return withRetry(sql, () -> {
      try (PreparedStatement ps = prepare(sql, params)) {
        return ps.executeUpdate();
      }
    });
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    return ps;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close registry", e);
    }
  }

  /** A registered function as stored. */
  public record FunctionRow(String id, String name, String entryPoint, String source, String hash,
      String signature, String returnType, long createdAtMillis) {}

  /** A registered endpoint as stored. */
  public record EndpointRow(String id, String name, long createdAtMillis) {}
}
