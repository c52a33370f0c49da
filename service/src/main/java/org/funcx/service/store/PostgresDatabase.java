package org.funcx.service.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * A HikariCP pool on one PostgreSQL database (or one schema of it), whose tables Flyway creates
 * and migrates as it opens (resources db/postgresql/V*__*.sql), so an upgraded service upgrades
 * the schema once and an older one refuses a newer schema instead of misreading it.
 */
public final class PostgresDatabase implements ConnectionSource {
  /** The registry and accounts hold one connection; the task store's group commit another. */
  private static final int POOL_SIZE = 4;

  private final PostgresLocation location;
  private final String schema;
  private final HikariDataSource pool;

  private PostgresDatabase(PostgresLocation location, String schema, HikariDataSource pool) {
    this.location = location;
    this.schema = schema;
    this.pool = pool;
  }

  /**
   * Opens a pool on {@code schema} of the database (created if missing; "public" for the
   * database's default) and migrates it; a database that cannot be reached or migrated is a
   * {@link StoreException} naming it.
   */
  public static PostgresDatabase open(PostgresLocation location, String password, String schema) {
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("schema '" + schema + "' must be a lower-case SQL name");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.jdbcUrl());
    config.setUsername(location.user());
    config.setPassword(password);
    config.setSchema(schema);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("funcx-postgres-" + schema);
    config.setAutoCommit(true);
    // JDBC batches become multi-row INSERTs: one statement per table per group commit
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    try {
      Flyway.configure()
          .dataSource(location.jdbcUrl(), location.user(), password)
          .schemas(schema)
          .locations("classpath:db/postgresql")
          .load()
          .migrate();
      return new PostgresDatabase(location, schema, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot open PostgreSQL " + location + " schema " + schema + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Connection connect() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public boolean schemaMigrated() {
    return true;
  }

  @Override
  public String description() {
    return location + " schema " + schema;
  }

  @Override
  public void close() {
    pool.close();
  }
}
