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
import org.funcx.core.io.PrivateFiles;
import org.h2.mvstore.MVStoreException;

/**
 * Durable task states, results, batch membership and memoized results, on H2's MVStore key-value
 * engine: SQL through JDBC manages only ≈15k inserts/s here, MVStore ≈450k puts/s. Callers make
 * writes durable with {@link #commit()} before they acknowledge anything to anyone.
 *
 * <p>Thread-safe: MVStore maps allow concurrent access. Terminal transitions are made by one
 * thread (the forwarder), which keeps read-modify-write sequences race-free.
 */
public final class TaskStore implements TaskStorage {
  private static final long REOPEN_INTERVAL_NANOS = 1_000_000_000L;
  private final Path file;
  private final Path binaryDir;
  private final GroupCommit syncs;
  private volatile StoreFile current;
  private long lastReopenAttempt;
  private final StoreHousekeeping housekeeping;

  /** Opens the store in {@code file}; binary results live as files in {@code results/} beside it. */
  public TaskStore(Path file) {
    this(file, nanos -> {});
  }

  /** As above; {@code commitNanos} hears how long each commit-and-sync round took. */
  public TaskStore(Path file, java.util.function.LongConsumer commitNanos) {
    this.file = file;
    this.syncs =
        new GroupCommit(
            () -> {
              long start = System.nanoTime();
              use(
                  f -> {
                    f.store().commit();
                    f.store().sync();
                    return null;
                  });
              commitNanos.accept(System.nanoTime() - start);
            });
    this.binaryDir = file.resolveSibling("results");
    this.current = StoreFile.open(file);
    this.housekeeping = new StoreHousekeeping(() -> current.store());
  }

  /**
   * The open store. MVStore closes itself when a write fails (e.g. the disk is full); then the
   * file is reopened at its last commit, at most once a second, and until that works every
   * operation fails with {@link StoreUnavailableException}.
   */
  private StoreFile file() {
    StoreFile f = current;
    if (!f.store().isClosed()) return f;
    synchronized (this) {
      f = current;
      if (!f.store().isClosed()) return f;
      long now = System.nanoTime();
      if (now - lastReopenAttempt < REOPEN_INTERVAL_NANOS) {
        throw new StoreUnavailableException(
            "the task store " + file + " failed to write and is" + " being reopened", null);
      }
      lastReopenAttempt = now;
      try {
        current = StoreFile.open(file);
        return current;
      } catch (RuntimeException e) {
        throw new StoreUnavailableException(
            "the task store " + file + " cannot be reopened: " + e.getMessage(), e);
      }
    }
  }

  /** Runs a store operation, turning MVStore's write failures into a typed, retryable error. */
  private <T> T use(java.util.function.Function<StoreFile, T> operation) {
    StoreFile f = file();
    try {
      return operation.apply(f);
    } catch (MVStoreException | IllegalStateException e) {
      throw new StoreUnavailableException(
          "the task store " + file + " failed: " + e.getMessage(), e);
    }
  }

  public void put(TaskRecord record) {
    byte[] encoded = TaskRecordCodec.encode(record);
    use(f -> f.tasks().put(record.taskId(), encoded));
  }

  /**
   * Keeps a binary result. Written before the record that names it is committed, so a committed
   * record's bytes always exist; a crash in between leaves an orphan file that expiry removes.
   */
  public void putBinary(String taskId, byte[] bytes) {
    try {
      PrivateFiles.createDirectories(binaryDir);
      Path file = binaryDir.resolve(taskId);
      PrivateFiles.create(file);
      // forced before the record naming it commits: a durable record's bytes are durable too
      try (var out =
          java.nio.channels.FileChannel.open(
              file,
              java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) out.write(buffer);
        out.force(true);
      }
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot store the result of task " + taskId + ": " + e.getMessage(), e);
    }
  }

  /** The bytes of a binary result, streamed; the caller closes the stream. */
  public InputStream openBinary(String taskId) throws IOException {
    return Files.newInputStream(binaryDir.resolve(taskId));
  }

  public TaskRecord get(String taskId) {
    byte[] data = use(f -> f.tasks().get(taskId));
    return data == null ? null : TaskRecordCodec.decode(taskId, data);
  }

  /** Records a submitted batch and its owner (the subject who submitted it). */
  public void putGroup(String groupId, String owner, List<String> taskIds) {
    String members = String.join(",", taskIds);
    use(f -> f.groups().put(groupId, members));
    use(f -> f.groupOwners().put(groupId, owner));
  }

  /** Who submitted a batch; null for an unknown one. */
  public String groupOwner(String groupId) {
    return use(f -> f.groupOwners().get(groupId));
  }

  /** Task ids of a batch, or null for an unknown group. */
  public List<String> group(String groupId) {
    String ids = use(f -> f.groups().get(groupId));
    return ids == null ? null : ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
  }

  public String memoized(String key) {
    return use(f -> f.memo().get(key));
  }

  public void memoize(String key, String resultJson) {
    use(f -> f.memo().put(key, resultJson));
  }

  /** Visits every stored task; used at start-up and by the expiry sweep, not on hot paths. */
  public void forEach(Consumer<TaskRecord> visitor) {
    for (Map.Entry<String, byte[]> e : use(StoreFile::tasks).entrySet()) {
      visitor.accept(TaskRecordCodec.decode(e.getKey(), e.getValue()));
    }
  }

  /** Deletes terminal tasks completed before {@code cutoffMillis}; returns how many. */
  public int expireCompletedBefore(long cutoffMillis) {
    List<TaskRecord> expired = new ArrayList<>();
    forEach(
        r -> {
          if (r.state().isTerminal() && r.completedAtMillis() < cutoffMillis) expired.add(r);
        });
    for (TaskRecord r : expired) {
      use(f -> f.tasks().remove(r.taskId()));
      if (r.resultFormat() != null) deleteBinary(r.taskId());
    }
    List<String> emptyGroups = new ArrayList<>();
    StoreFile f = file();
    for (Map.Entry<String, String> g : f.groups().entrySet()) {
      if (Arrays.stream(g.getValue().split(",")).noneMatch(f.tasks()::containsKey)) {
        emptyGroups.add(g.getKey());
      }
    }
    emptyGroups.forEach(id -> use(x -> x.groups().remove(id)));
    emptyGroups.forEach(id -> use(x -> x.groupOwners().remove(id)));
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
    return use(f -> f.tasks().sizeAsLong());
  }

  /**
   * Writes all changes to the file and forces them to the device (group commit: concurrent
   * callers share one sync); after it returns they survive a crash of the process and a power
   * loss.
   */
  public void commit() {
    syncs.commit();
  }

  /** Commit-and-sync rounds so far. */
  public long syncRounds() {
    return syncs.rounds();
  }

  @Override
  public void close() {
    housekeeping.close();
    StoreFile f = current;
    if (!f.store().isClosed()) f.store().close();
  }
}
