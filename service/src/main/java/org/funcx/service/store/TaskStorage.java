package org.funcx.service.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Durable task states, results, batch membership and memoized results: what the API, the
 * forwarder and the completions need of a task store. {@link TaskStore} (H2's MVStore in the data
 * directory) is the default.
 *
 * <p>Writes may be buffered: they are visible to reads at once, and durable once {@link #commit()}
 * returns, which callers wait for before they acknowledge anything to anyone. Implementations fail
 * with {@link StoreUnavailableException} while the storage cannot be written.
 */
public interface TaskStorage extends AutoCloseable {
  void put(TaskRecord record);

  /** Keeps a binary result, durably before the record that names it is committed. */
  void putBinary(String taskId, byte[] bytes);

  /** The bytes of a binary result, streamed; the caller closes the stream. */
  InputStream openBinary(String taskId) throws IOException;

  /** The task, or null for an unknown one. */
  TaskRecord get(String taskId);

  /** Records a submitted batch and its owner (the subject who submitted it). */
  void putGroup(String groupId, String owner, List<String> taskIds);

  /** Who submitted a batch; null for an unknown one. */
  String groupOwner(String groupId);

  /** Task ids of a batch, or null for an unknown group. */
  List<String> group(String groupId);

  String memoized(String key);

  void memoize(String key, String resultJson);

  /** Visits every stored task; used at start-up and by the expiry sweep, not on hot paths. */
  void forEach(Consumer<TaskRecord> visitor);

  /** Deletes terminal tasks completed before {@code cutoffMillis}; returns how many. */
  int expireCompletedBefore(long cutoffMillis);

  long taskCount();

  /**
   * Makes the writes this thread made before the call durable (concurrent callers may share one
   * round), or throws {@link StoreException}: then what was not yet committed is dropped, so a
   * request that failed leaves nothing behind. Writers commit on the thread that wrote. On
   * PostgreSQL each caller hears the fate of its own writes exactly; on embedded H2 a write made
   * while another caller's round was failing can be dropped without its writer hearing it.
   */
  void commit();

  /** Commit rounds so far. */
  long syncRounds();

  @Override
  void close();
}
