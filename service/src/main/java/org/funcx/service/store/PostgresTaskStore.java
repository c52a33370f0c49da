package org.funcx.service.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The task store on PostgreSQL. Writes collect in a {@link PendingWrites} buffer, visible to
 * reads at once; a commit writes everything buffered in one transaction of batched multi-row
 * upserts (the driver rewrites the batches), shared by concurrent callers through {@link
 * GroupCommit}, so the submit path pays one round trip and one WAL flush per round, not per task.
 * Binary results are written at once, in their own transaction, before the record that names
 * them is committed, in chunks that are read back one at a time ({@link ChunkedResultStream}).
 */
public final class PostgresTaskStore implements TaskStorage {
  /** The most bytes of a binary result one row holds, and so one read holds in memory. */
  static final int RESULT_CHUNK_BYTES = 1 << 20;

  private final PostgresDatabase database;
  private final PendingWrites pending = new PendingWrites();
  private final GroupCommit commits;

  public PostgresTaskStore(PostgresDatabase database) {
    this(database, nanos -> {});
  }

  /** As above; {@code commitNanos} hears how long each commit round took. */
  public PostgresTaskStore(PostgresDatabase database, java.util.function.LongConsumer commitNanos) {
    this.database = database;
    this.commits =
        new GroupCommit(
            () -> {
              long start = System.nanoTime();
              flush();
              commitNanos.accept(System.nanoTime() - start);
            });
  }

  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a pooled connection; a database error is a retryable typed failure. */
  private <T> T sql(String what, SqlWork<T> work) {
    try (Connection connection = database.connect()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "PostgreSQL " + database.description() + " cannot " + what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(TaskRecord record) {
    pending.put(record);
  }

  /**
   * Writes a binary result as rows of {@link #RESULT_CHUNK_BYTES}, replacing any earlier one, in
   * one transaction.
   */
  @Override
  public void putBinary(String taskId, byte[] bytes) {
    sql(
        "store the result of task " + taskId,
        c -> {
          c.setAutoCommit(false);
          try (PreparedStatement delete =
                  c.prepareStatement("DELETE FROM task_result_chunks WHERE task_id = ?");
              PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO task_result_chunks (task_id, seq, bytes) VALUES (?, ?, ?)")) {
            delete.setString(1, taskId);
            delete.executeUpdate();
            int seq = 0;
            int offset = 0;
            do { // an empty result is one empty chunk
              int length = Math.min(RESULT_CHUNK_BYTES, bytes.length - offset);
              insert.setString(1, taskId);
              insert.setInt(2, seq++);
              insert.setBinaryStream(3, new ByteArrayInputStream(bytes, offset, length), length);
              insert.executeUpdate();
              offset += length;
            } while (offset < bytes.length);
            c.commit();
            return null;
          } catch (SQLException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  /**
   * Streams a binary result chunk by chunk: at most one chunk in memory, one short query per
   * chunk. A result removed while it is read (expiry) ends the stream with an IOException, never
   * a silently short read.
   */
  @Override
  public InputStream openBinary(String taskId) throws IOException {
    int chunks =
        sql(
            "read the result of task " + taskId,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT count(*) FROM task_result_chunks WHERE task_id = ?")) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
    if (chunks == 0) throw new java.io.FileNotFoundException("no result bytes for task " + taskId);
    return new ChunkedResultStream(taskId, chunks, this::readChunk);
  }

  /** Chunk {@code seq} of a task's binary result, or null when it is not there. */
  private byte[] readChunk(String taskId, int seq) {
    return sql(
        "read the result of task " + taskId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT bytes FROM task_result_chunks WHERE task_id = ? AND seq = ?")) {
            ps.setString(1, taskId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getBytes(1) : null;
            }
          }
        });
  }

  @Override
  public TaskRecord get(String taskId) {
    TaskRecord buffered = pending.task(taskId);
    if (buffered != null) return buffered;
    byte[] data =
        sql(
            "read task " + taskId,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT record FROM tasks WHERE task_id = ?")) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getBytes(1) : null;
                }
              }
            });
    return data == null ? null : TaskRecordCodec.decode(taskId, data);
  }

  @Override
  public void putGroup(String groupId, String owner, List<String> taskIds) {
    pending.putGroup(new PendingWrites.Group(groupId, owner, List.copyOf(taskIds)));
  }

  @Override
  public String groupOwner(String groupId) {
    PendingWrites.Group group = groupRow(groupId);
    return group == null ? null : group.owner();
  }

  @Override
  public List<String> group(String groupId) {
    PendingWrites.Group group = groupRow(groupId);
    return group == null ? null : group.taskIds();
  }

  private PendingWrites.Group groupRow(String groupId) {
    PendingWrites.Group buffered = pending.group(groupId);
    if (buffered != null) return buffered;
    return sql(
        "read batch " + groupId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT owner, members FROM task_groups WHERE group_id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) return null;
              String[] members = (String[]) rs.getArray(2).getArray();
              return new PendingWrites.Group(groupId, rs.getString(1), Arrays.asList(members));
            }
          }
        });
  }

  @Override
  public String memoized(String key) {
    String buffered = pending.memoized(key);
    if (buffered != null) return buffered;
    return sql(
        "read a memoized result",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT result_json FROM memoized_results WHERE memo_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  @Override
  public void memoize(String key, String resultJson) {
    pending.memoize(key, resultJson);
  }

  /** Commits what is buffered first, so the rows read are all there is. */
  @Override
  public void forEach(Consumer<TaskRecord> visitor) {
    commit();
    sql(
        "read the tasks",
        c -> {
          c.setAutoCommit(
              false); // a cursor (fetch size) needs a transaction: rows stream, not all at once
          try (PreparedStatement ps = c.prepareStatement("SELECT task_id, record FROM tasks")) {
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next())
                visitor.accept(TaskRecordCodec.decode(rs.getString(1), rs.getBytes(2)));
            }
          } finally {
            c.rollback();
            c.setAutoCommit(true);
          }
          return null;
        });
  }

  @Override
  public int expireCompletedBefore(long cutoffMillis) {
    commit();
    return sql(
        "expire old tasks",
        c -> {
          c.setAutoCommit(false);
          try {
            int expired;
            try (PreparedStatement results =
                    c.prepareStatement(
                        "DELETE FROM task_result_chunks r USING tasks t"
                            + " WHERE r.task_id = t.task_id AND t.terminal AND t.completed_at < ?");
                PreparedStatement tasks =
                    c.prepareStatement("DELETE FROM tasks WHERE terminal AND completed_at < ?");
                PreparedStatement groups =
                    c.prepareStatement(
                        "DELETE FROM task_groups g WHERE NOT"
                            + " EXISTS (SELECT 1 FROM tasks t WHERE t.task_id = ANY (g.members))")) {
              results.setLong(1, cutoffMillis);
              results.executeUpdate();
              tasks.setLong(1, cutoffMillis);
              expired = tasks.executeUpdate();
              groups.executeUpdate();
            }
            c.commit();
            return expired;
          } catch (SQLException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  @Override
  public long taskCount() {
    commit();
    return sql(
        "count the tasks",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tasks");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Makes this thread's writes since its last commit durable, or throws and they are gone: a round
   * that fails drops its writes ({@link PendingWrites}). The outcome is this caller's own: a
   * failure of a later round does not undo writes an earlier round stored, and a success of
   * another caller's round does not hide writes a failed round dropped.
   */
  @Override
  public void commit() {
    try {
      commits.commit();
    } catch (RuntimeException e) {
      if (pending.ownWritesStored()) return; // an earlier round stored them all
      throw e;
    }
    if (!pending.ownWritesStored()) {
      throw new StoreUnavailableException(
          "PostgreSQL "
              + database.description()
              + " failed to commit a round that held writes of this request; they are not stored",
          null);
    }
  }

  @Override
  public long syncRounds() {
    return commits.rounds();
  }

  /** One group-commit round: the buffered writes in one transaction; on failure they are dropped. */
  private void flush() {
    PendingWrites.Batch batch = pending.takeBatch();
    if (batch.isEmpty()) {
      pending.flushed(batch);
      return;
    }
    try {
      sql(
          "commit " + batch.tasks().size() + " task writes",
          c -> {
            c.setAutoCommit(false);
            try {
              writeTasks(c, batch.tasks());
              writeGroups(c, batch.groups());
              writeMemo(c, batch.memo());
              c.commit();
            } catch (SQLException e) {
              c.rollback();
              throw e;
            } finally {
              c.setAutoCommit(true);
            }
            return null;
          });
      pending.flushed(batch);
    } catch (RuntimeException e) {
      pending.failed(batch);
      throw e;
    }
  }

  private static void writeTasks(Connection c, java.util.Collection<TaskRecord> tasks)
      throws SQLException {
    if (tasks.isEmpty()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tasks (task_id, record, terminal,"
                + " completed_at) VALUES (?, ?, ?, ?) ON CONFLICT (task_id) DO UPDATE SET"
                + " record = EXCLUDED.record, terminal = EXCLUDED.terminal,"
                + " completed_at = EXCLUDED.completed_at")) {
      for (TaskRecord r : tasks) {
        ps.setString(1, r.taskId());
        ps.setBytes(2, TaskRecordCodec.encode(r));
        ps.setBoolean(3, r.state().isTerminal());
        ps.setLong(4, r.completedAtMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeGroups(Connection c, java.util.Collection<PendingWrites.Group> groups)
      throws SQLException {
    if (groups.isEmpty()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO task_groups (group_id, owner,"
                + " members) VALUES (?, ?, ?) ON CONFLICT (group_id) DO UPDATE SET"
                + " owner = EXCLUDED.owner, members = EXCLUDED.members")) {
      for (PendingWrites.Group g : groups) {
        Array members = c.createArrayOf("text", g.taskIds().toArray());
        ps.setString(1, g.groupId());
        ps.setString(2, g.owner());
        ps.setArray(3, members);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeMemo(Connection c, java.util.Map<String, String> memo)
      throws SQLException {
    if (memo.isEmpty()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO memoized_results (memo_key,"
                + " result_json) VALUES (?, ?) ON CONFLICT (memo_key) DO UPDATE SET"
                + " result_json = EXCLUDED.result_json")) {
      for (var e : memo.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Commits what is buffered, then leaves the pool to its owner. */
  @Override
  public void close() {
    commit();
  }
}
