package org.funcx.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One JDBC connection with portable SQL helpers, shared by the registry and the accounts of the
 * embedded authorization server, taken from a {@link ConnectionSource} (embedded H2 or a pool on
 * PostgreSQL). Methods are synchronized: both are written rarely. When a
 * statement fails (the database closed itself after a failed write, e.g. on a full disk) it
 * reconnects once and retries, else reports the database unavailable.
 */
public final class SqlDatabase implements AutoCloseable {
  private final ConnectionSource source;
  private Connection connection;

  public SqlDatabase(String jdbcUrl) {
    this(ConnectionSource.jdbcUrl(jdbcUrl));
  }

  public SqlDatabase(ConnectionSource source) {
    this.source = source;
    try {
      this.connection = source.connect();
    } catch (SQLException e) {
      throw new StoreException("cannot open database at " + source.description(), e);
    }
  }

  /** Maps the current row of a result set. */
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private interface SqlCall<T> {
    T run() throws SQLException;
  }

  /**
   * Runs DDL statements (CREATE TABLE IF NOT EXISTS, ALTER TABLE ... IF NOT EXISTS), unless the
   * source's schema is made by migrations (PostgreSQL), whose scripts hold the same tables: a
   * table or column added here needs a new resources/db/postgresql/V*__*.sql as well.
   */
  public synchronized void ddl(String... statements) {
    if (source.schemaMigrated()) return;
    withRetry(
        "schema",
        () -> {
          try (Statement s = connection.createStatement()) {
            for (String sql : statements) s.execute(sql);
          }
          return null;
        });
  }

  public synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withRetry(
        sql,
        () -> {
          try (PreparedStatement ps = prepare(sql, params);
              ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
          }
        });
  }

  public synchronized int update(String sql, Object... params) {
    return withRetry(
        sql,
        () -> {
          try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
          }
        });
  }

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
        connection = source.connect();
        return statement.run();
      } catch (SQLException e) {
        e.addSuppressed(first);
        throw new StoreUnavailableException(
            "the database cannot run " + sql + ": " + e.getMessage(), e);
      }
    }
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
      throw new StoreException("cannot close database", e);
    }
    // the source belongs to whoever made it: a PostgreSQL pool may serve the task store too

  }
}
