package org.funcx.service.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where {@link SqlDatabase} gets its connection: embedded H2 by JDBC URL (the default), or a
 * pool on PostgreSQL ({@link PostgresDatabase}).
 */
public interface ConnectionSource extends AutoCloseable {
  /** A connection; the caller closes it (a pooled one returns to its pool). */
  Connection connect() throws SQLException;

  /**
   * True when Flyway migrations made this database's schema as it opened: the tables' own
   * CREATE/ALTER statements ({@link SqlDatabase#ddl}) are then skipped.
   */
  boolean schemaMigrated();

  /** Where it points, for error messages: never a password. */
  String description();

  @Override
  void close();

  /** A database reached by {@link DriverManager} (embedded H2); its schema is made by DDL. */
  static ConnectionSource jdbcUrl(String url) {
    return new ConnectionSource() {
      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      public boolean schemaMigrated() {
        return false;
      }

      @Override
      public String description() {
        return url;
      }

      @Override
      public void close() {
        // every connection is owned and closed by its SqlDatabase
      }
    };
  }
}
