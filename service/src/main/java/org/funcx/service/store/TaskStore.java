package org.funcx.service.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * Durable task states, results, batch membership and memoized results, on H2's MVStore key-value
 * engine: SQL through JDBC manages only ≈15k inserts/s here, MVStore ≈450k puts/s. Callers make
 * writes durable with {@link #commit()} before they acknowledge anything to anyone.
 *
 * <p>Thread-safe: MVStore maps allow concurrent access. Terminal transitions are made by one
 * thread (the forwarder), which keeps read-modify-write sequences race-free.
 */
public final class TaskStore implements AutoCloseable {
  private final MVStore store;
  private final MVMap<String, byte[]> tasks;
  private final MVMap<String, String> groups;
  private final MVMap<String, String> memo;
  private final Path binaryDir;

  /** Opens the store in {@code file}; binary results live as files in {@code results/} beside it. */
  public TaskStore(Path file) {
    this.binaryDir = file.resolveSibling("results");
    this.store = new MVStore.Builder().fileName(file.toString()).open();
    // Typed keys and values: the generic ObjectDataType costs a type probe per read and write.
    this.tasks = store.openMap("tasks", new MVMap.Builder<String, byte[]>()
        .keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    this.groups = store.openMap("groups", strings());
    this.memo = store.openMap("memo", strings());
  }

  private static MVMap.Builder<String, String> strings() {
    return new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE)
        .valueType(StringDataType.INSTANCE);
  }

  public void put(TaskRecord record) {
    tasks.put(record.taskId(), TaskRecordCodec.encode(record));
  }

  /**
   * Keeps a binary result. Written before the record that names it is committed, so a committed
   * record's bytes always exist; a crash in between leaves an orphan file that expiry removes.
   */
  public void putBinary(String taskId, byte[] bytes) {
    try {
      Files.createDirectories(binaryDir);
      Files.write(binaryDir.resolve(taskId), bytes);
    } catch (IOException e) {
      throw new StoreException("cannot store the result of task " + taskId, e);
    }
  }

  /** The bytes of a binary result, streamed; the caller closes the stream. */
  public InputStream openBinary(String taskId) throws IOException {
    return Files.newInputStream(binaryDir.resolve(taskId));
  }

  public TaskRecord get(String taskId) {
    byte[] data = tasks.get(taskId);
    return data == null ? null : TaskRecordCodec.decode(taskId, data);
  }

  public void putGroup(String groupId, List<String> taskIds) {
    groups.put(groupId, String.join(",", taskIds));
  }

  /** Task ids of a batch, or null for an unknown group. */
  public List<String> group(String groupId) {
    String ids = groups.get(groupId);
    return ids == null ? null : ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
  }

  public String memoized(String key) {
    return memo.get(key);
  }

  public void memoize(String key, String resultJson) {
    memo.put(key, resultJson);
  }

  /** Visits every stored task; used at start-up and by the expiry sweep, not on hot paths. */
  public void forEach(Consumer<TaskRecord> visitor) {
    for (Map.Entry<String, byte[]> e : tasks.entrySet()) {
      visitor.accept(TaskRecordCodec.decode(e.getKey(), e.getValue()));
    }
  }

  /** Deletes terminal tasks completed before {@code cutoffMillis}; returns how many. */
  public int expireCompletedBefore(long cutoffMillis) {
    List<TaskRecord> expired = new ArrayList<>();
    forEach(r -> {
      if (r.state().isTerminal() && r.completedAtMillis() < cutoffMillis) expired.add(r);
    });
    for (TaskRecord r : expired) {
      tasks.remove(r.taskId());
      if (r.resultFormat() != null) deleteBinary(r.taskId());
    }
    List<String> emptyGroups = new ArrayList<>();
    for (Map.Entry<String, String> g : groups.entrySet()) {
      if (Arrays.stream(g.getValue().split(",")).noneMatch(tasks::containsKey)) {
        emptyGroups.add(g.getKey());
      }
    }
    emptyGroups.forEach(groups::remove);
    commit();
    return expired.size();
  }

  private void deleteBinary(String taskId) {
    try {
      Files.deleteIfExists(binaryDir.resolve(taskId));
    } catch (IOException e) {
      throw new StoreException("cannot delete the result of task " + taskId, e);
    }
  }

  public long taskCount() {
    return tasks.sizeAsLong();
  }

  /** Writes all changes to the file; after it returns they survive a crash of this process. */
  public void commit() {
    store.commit();
  }

  @Override
  public void close() {
    store.close();
  }
}
