package org.funcx.service.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes of {@link PostgresTaskStore} between commits: readable at once, taken whole by a commit
 * round. At most one batch is in flight (GroupCommit runs one round at a time); until it is in
 * the database reads still find it here. Newer writes win over the batch in flight.
 */
final class PendingWrites {
  /** A submitted batch of tasks and who submitted it. */
  record Group(String groupId, String owner, List<String> taskIds) {}

  /** The writes one commit round takes. */
  record Batch(
      Map<String, TaskRecord> taskMap, Map<String, Group> groupMap, Map<String, String> memo) {
    static Batch empty() {
      return new Batch(
          new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    Collection<TaskRecord> tasks() {
      return taskMap.values();
    }

    Collection<Group> groups() {
      return groupMap.values();
    }

    boolean isEmpty() {
      return taskMap.isEmpty() && groupMap.isEmpty() && memo.isEmpty();
    }
  }

  // Writers share the read lock (the maps are concurrent); taking a batch excludes them, so no
  // write lands in a batch after its round has started reading it.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile Batch open = Batch.empty();
  private volatile Batch inFlight;

  void put(TaskRecord record) {
    write(() -> open.taskMap().put(record.taskId(), record));
  }

  void putGroup(Group group) {
    write(() -> open.groupMap().put(group.groupId(), group));
  }

  void memoize(String key, String resultJson) {
    write(() -> open.memo().put(key, resultJson));
  }

  private void write(Runnable change) {
    lock.readLock().lock();
    try {
      change.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  TaskRecord task(String taskId) {
    TaskRecord r = open.taskMap().get(taskId);
    Batch flying = inFlight;
    return r != null || flying == null ? r : flying.taskMap().get(taskId);
  }

  Group group(String groupId) {
    Group g = open.groupMap().get(groupId);
    Batch flying = inFlight;
    return g != null || flying == null ? g : flying.groupMap().get(groupId);
  }

  String memoized(String key) {
    String m = open.memo().get(key);
    Batch flying = inFlight;
    return m != null || flying == null ? m : flying.memo().get(key);
  }

  /** Everything written so far, for one commit round. */
  Batch takeBatch() {
    lock.writeLock().lock();
    try {
      Batch taken = open;
      inFlight = taken;
      open = Batch.empty();
      return taken;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The batch is in the database: reads find it there. */
  void flushed(Batch batch) {
    if (inFlight == batch) inFlight = null;
  }

  /** The round failed: its writes go back to the open batch, under newer writes of the same keys. */
  void failed(Batch batch) {
    lock.writeLock().lock();
    try {
      batch.taskMap().forEach(open.taskMap()::putIfAbsent);
      batch.groupMap().forEach(open.groupMap()::putIfAbsent);
      batch.memo().forEach(open.memo()::putIfAbsent);
      if (inFlight == batch) inFlight = null;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
