package org.funcx.service.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One JDBC connection with portable SQL helpers, shared by the registry and the accounts of the
 * embedded authorization server. Methods are synchronized: both are written rarely. When a
 * statement fails (the database closed itself after a failed write, e.g. on a full disk) it
 * reconnects once and retries, else reports the database unavailable.
 */
public final class SqlDatabase implements AutoCloseable {
  private final String jdbcUrl;
  private Connection connection;

  public SqlDatabase(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
    try {
      this.connection = DriverManager.getConnection(jdbcUrl);
    } catch (SQLException e) {
      throw new StoreException("cannot open database at " + jdbcUrl, e);
    }
  }

  /** Maps the current row of a result set. */
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private interface SqlCall<T> {
    T run() throws SQLException;
  }

  /** Runs DDL statements (CREATE TABLE IF NOT EXISTS, ALTER TABLE ... IF NOT EXISTS). */
  public synchronized void ddl(String... statements) {
    withRetry("schema", () -> {
      try (Statement s = connection.createStatement()) {
        for (String sql : statements) s.execute(sql);
      }
      return null;
    });
  }

  public synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withRetry(sql, () -> {
      try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) out.add(mapper.map(rs));
        return out;
      }
    });
  }

  public synchronized int update(String sql, Object... params) {
    return withRetry(sql, () -> {
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
        connection = DriverManager.getConnection(jdbcUrl);
        return statement.run();
      } catch (SQLException e) {
        e.addSuppressed(first);
        throw new StoreUnavailableException("the database cannot run " + sql + ": "
            + e.getMessage(), e);
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
  }
}
