package org.funcx.service.store;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Writes of {@link PostgresTaskStore} between commits: readable at once, taken whole by a commit
 * round. At most one batch is in flight (GroupCommit runs one round at a time); until it is in
 * the database reads still find it here. Newer writes win over the batch in flight.
 *
 * <p>A round that fails drops its batch, as H2 drops what it had not committed when it reopens:
 * an outage then holds no more than what was written since the last attempt, and nothing a caller
 * was told failed is stored later. Each thread's writes are remembered by the batches they went
 * into until its next commit ({@link #ownWritesStored}), so the commit tells that caller whether
 * its own writes are in the database, whichever caller's round carried them.
 */
final class PendingWrites {
  /** A submitted batch of tasks and who submitted it. */
  record Group(String groupId, String owner, List<String> taskIds) {}

  /** Where a batch is: taking writes, being committed, in the database, or dropped. */
  enum Fate {
    OPEN,
    IN_FLIGHT,
    STORED,
    LOST
  }

  /** The writes one commit round takes. Compared by identity: it is one round's, not a value. */
  static final class Batch {
    private final Map<String, TaskRecord> taskMap = new ConcurrentHashMap<>();
    private final Map<String, Group> groupMap = new ConcurrentHashMap<>();
    private final Map<String, String> memo = new ConcurrentHashMap<>();
    private volatile Fate fate = Fate.OPEN;

    Collection<TaskRecord> tasks() {
      return taskMap.values();
    }

    Collection<Group> groups() {
      return groupMap.values();
    }

    Map<String, String> memo() {
      return memo;
    }

    boolean isEmpty() {
      return taskMap.isEmpty() && groupMap.isEmpty() && memo.isEmpty();
    }
  }

  // Writers share the read lock (the maps are concurrent); taking a batch excludes them, so no
  // write lands in a batch after its round has started reading it.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile Batch open = new Batch();
  private volatile Batch inFlight;

  /** The batches this thread wrote into since its last commit (a writer commits on its thread). */
  private final ThreadLocal<Set<Batch>> ownBatches =
      ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

  void put(TaskRecord record) {
    write(b -> b.taskMap.put(record.taskId(), record));
  }

  void putGroup(Group group) {
    write(b -> b.groupMap.put(group.groupId(), group));
  }

  void memoize(String key, String resultJson) {
    write(b -> b.memo.put(key, resultJson));
  }

  private void write(Consumer<Batch> change) {
    lock.readLock().lock();
    try {
      Batch batch = open; // cannot be taken while the read lock is held
      change.accept(batch);
      ownBatches.get().add(batch);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Whether every write this thread made since its last call is in the database (true when it
   * made none); forgets them either way.
   */
  boolean ownWritesStored() {
    Set<Batch> own = ownBatches.get();
    boolean stored = true;
    for (Batch b : own) stored &= b.fate == Fate.STORED;
    own.clear();
    return stored;
  }

  TaskRecord task(String taskId) {
    TaskRecord r = open.taskMap.get(taskId);
    Batch flying = inFlight;
    return r != null || flying == null ? r : flying.taskMap.get(taskId);
  }

  Group group(String groupId) {
    Group g = open.groupMap.get(groupId);
    Batch flying = inFlight;
    return g != null || flying == null ? g : flying.groupMap.get(groupId);
  }

  String memoized(String key) {
    String m = open.memo.get(key);
    Batch flying = inFlight;
    return m != null || flying == null ? m : flying.memo.get(key);
  }

  /** Everything written so far, for one commit round. */
  Batch takeBatch() {
    lock.writeLock().lock();
    try {
      Batch taken = open;
      taken.fate = Fate.IN_FLIGHT;
      inFlight = taken;
      open = new Batch();
      return taken;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The batch is in the database: reads find it there. */
  void flushed(Batch batch) {
    batch.fate = Fate.STORED;
    if (inFlight == batch) inFlight = null;
  }

  /**
   * The round failed: its writes are dropped (reads find the database's older state), and each
   * writer hears so at its commit. The maps are emptied so that the writers' references to the
   * batch hold no records through an outage.
   */
  void failed(Batch batch) {
    batch.fate = Fate.LOST;
    if (inFlight == batch) inFlight = null;
    batch.taskMap.clear();
    batch.groupMap.clear();
    batch.memo.clear();
  }
}
