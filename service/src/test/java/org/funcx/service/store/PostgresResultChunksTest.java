package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binary results on the real PostgreSQL of scripts/postgres are rows of at most 1 MiB, read back
 * one row at a time (PgJDBC reads a bytea value whole, so one row per result cost the whole result
 * in heap per reader). What every store does with binary results: TaskStorageTest.
 */
class PostgresResultChunksTest {
  private PostgresDatabase database;
  private PostgresTaskStore store;

  @BeforeEach
  void open() {
    database = RealPostgres.start().freshSchema();
    store = new PostgresTaskStore(database);
  }

  @AfterEach
  void close() {
    store.close();
    RealPostgres.dropSchema(database);
  }

  private int rows(String taskId) throws Exception {
    try (var c = database.connect();
        var ps = c.prepareStatement("SELECT count(*) FROM task_result_chunks WHERE task_id = ?")) {
      ps.setString(1, taskId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void a_result_is_stored_in_rows_of_a_mebibyte_and_reads_back_byte_for_byte() throws Exception {
    byte[] bytes = new byte[3 * PostgresTaskStore.RESULT_CHUNK_BYTES + 1];
    new Random(11).nextBytes(bytes);
    store.putBinary("big", bytes);
    assertThat(rows("big")).isEqualTo(4);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in = store.openBinary("big")) {
      byte[] buffer = new byte[70_000]; // reads that straddle the rows' edges
      for (int n; (n = in.read(buffer)) != -1; ) read.write(buffer, 0, n);
    }
    assertThat(read.toByteArray()).isEqualTo(bytes);

    store.putBinary("big", new byte[] {1, 2, 3}); // a result written again replaces all rows
    assertThat(rows("big")).isOne();
    try (InputStream in = store.openBinary("big")) {
      assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
    }
    store.putBinary("empty", new byte[0]);
    try (InputStream in = store.openBinary("empty")) {
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThatThrownBy(() -> store.openBinary("none"))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  @Test
  void a_result_removed_while_it_is_read_fails_the_read_instead_of_ending_it_short()
      throws Exception {
    store.putBinary("going", new byte[2 * PostgresTaskStore.RESULT_CHUNK_BYTES]);
    try (InputStream in = store.openBinary("going")) {
      assertThat(in.read(new byte[PostgresTaskStore.RESULT_CHUNK_BYTES]))
          .isEqualTo(PostgresTaskStore.RESULT_CHUNK_BYTES);
      try (var c = database.connect();
          var s = c.createStatement()) {
        s.execute("DELETE FROM task_result_chunks WHERE task_id = 'going'");
      }
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("removed while it was read (chunk 2 of 2)");
    }
  }

  @Test
  void a_result_stored_in_one_row_before_the_chunks_reads_back_after_the_migration()
      throws Exception {
    RealPostgres pg = RealPostgres.start();
    String schema = "t_" + java.util.UUID.randomUUID().toString().replace("-", "");
    var flyway =
        org.flywaydb.core.Flyway.configure()
            .dataSource(pg.location().jdbcUrl(), pg.location().user(), pg.password())
            .schemas(schema)
            .locations("classpath:db/postgresql");
    flyway.target("3").load().migrate();
    byte[] old = new byte[PostgresTaskStore.RESULT_CHUNK_BYTES + 5];
    new Random(3).nextBytes(old);
    try (var c =
            java.sql.DriverManager.getConnection(
                pg.location().jdbcUrl(), pg.location().user(), pg.password());
        var ps =
            c.prepareStatement(
                "INSERT INTO " + schema + ".task_results (task_id, bytes) VALUES ('old', ?)")) {
      ps.setBytes(1, old);
      ps.executeUpdate();
    }
    try (PostgresDatabase migrated = PostgresDatabase.open(pg.location(), pg.password(), schema);
        PostgresTaskStore upgraded = new PostgresTaskStore(migrated)) {
      try (InputStream in = upgraded.openBinary("old")) {
        assertThat(in.readAllBytes()).isEqualTo(old);
      }
    } finally {
      try (var c =
              java.sql.DriverManager.getConnection(
                  pg.location().jdbcUrl(), pg.location().user(), pg.password());
          var st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
