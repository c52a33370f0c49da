package org.funcx.service.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts of unfinished (queued or running) tasks per user and per endpoint, and their limits: the
 * one owner of these counts. A submission is admitted whole or refused whole ({@link #admit})
 * before any of it is stored; a task stops counting when its terminal record is committed
 * ({@link #finished}). The counts are rebuilt from the store at start ({@link #restore}).
 *
 * <p>Counting is per submission (task group), not per task: a group remembers its owner and how
 * many of its tasks are unfinished, so no per-task entry is kept beside the forwarder's. A count
 * never goes below zero: a release for a group that has nothing left is ignored (and logged).
 *
 * <p>Thread-safe (one lock): REST threads admit, the forwarder thread releases.
 */
public final class UnfinishedTaskQuotas {
  private static final Logger log = LoggerFactory.getLogger(UnfinishedTaskQuotas.class);

  /**
   * @param perUser unfinished tasks one user may have, over all endpoints
   * @param perEndpoint unfinished tasks one endpoint may have, from all users (also when it never
   *     connects)
   */
  public record Limits(long perUser, long perEndpoint) {
    public static final Limits DEFAULT = new Limits(1_000_000, 2_000_000);

    public Limits {
      if (perUser < 1 || perEndpoint < 1) {
        throw new IllegalArgumentException(
            "unfinished-task limits must be at least 1, not "
                + perUser
                + " per user and "
                + perEndpoint
                + " per endpoint");
      }
    }
  }

  /** A submission's owner, its unfinished tasks per endpoint (usually one endpoint). */
  private record Group(String owner, Map<String, Long> unfinishedByEndpoint) {
    Group(String owner) {
      this(owner, new HashMap<>(2));
    }
  }

  private final Limits limits;
  private final Map<String, Long> byUser = new HashMap<>();
  private final Map<String, Long> byEndpoint = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();

  public UnfinishedTaskQuotas(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Refuses early, while a submission is still being read, when the tasks read so far could not
   * be admitted; counts nothing. {@link #admit} decides.
   */
  public synchronized void check(String owner, Map<String, Long> newByEndpoint) {
    ensureRoom(owner, newByEndpoint);
  }

  /**
   * Counts a submission's tasks that will wait for an endpoint ({@code newByEndpoint}), all or
   * none: a {@link QuotaExceededException} when the owner's or any endpoint's count would pass
   * its limit. The caller stores them next, and calls {@link #withdraw} if that fails.
   */
  public synchronized void admit(String owner, String groupId, Map<String, Long> newByEndpoint) {
    ensureRoom(owner, newByEndpoint);
    Group group = new Group(owner);
    newByEndpoint.forEach(
        (endpoint, n) -> {
          if (n <= 0) return;
          group.unfinishedByEndpoint().merge(endpoint, n, Long::sum);
          byEndpoint.merge(endpoint, n, Long::sum);
          byUser.merge(owner, n, Long::sum);
        });
    if (!group.unfinishedByEndpoint().isEmpty()) groups.put(groupId, group);
  }

  /** Takes back an admitted submission that could not be stored. */
  public synchronized void withdraw(String groupId) {
    Group group = groups.remove(groupId);
    if (group == null) return;
    group.unfinishedByEndpoint().forEach((endpoint, n) -> release(group.owner(), endpoint, n));
  }

  /** One task reached a terminal state (durably): it no longer counts. */
  public synchronized void finished(TaskRecord task) {
    Group group = groups.get(task.groupId());
    Long left = group == null ? null : group.unfinishedByEndpoint().get(task.endpointId());
    if (left == null) {
      log.warn(
          "task {} finished but group {} has no unfinished task on endpoint {} counted;"
              + " counts left unchanged",
          task.taskId(),
          task.groupId(),
          task.endpointId());
      return;
    }
    if (left == 1) group.unfinishedByEndpoint().remove(task.endpointId());
    else group.unfinishedByEndpoint().put(task.endpointId(), left - 1);
    if (group.unfinishedByEndpoint().isEmpty()) groups.remove(task.groupId());
    release(group.owner(), task.endpointId(), 1);
  }

  /**
   * Rebuilds the counts from the unfinished tasks found in the store at start;
   * {@code ownerOfGroup} names who submitted each group.
   */
  public synchronized void restore(
      List<TaskRecord> unfinished, Function<String, String> ownerOfGroup) {
    for (TaskRecord task : unfinished) {
      Group group = groups.get(task.groupId());
      if (group == null) {
        String owner = ownerOfGroup.apply(task.groupId());
        group = new Group(owner == null ? "" : owner);
        groups.put(task.groupId(), group);
      }
      group.unfinishedByEndpoint().merge(task.endpointId(), 1L, Long::sum);
      byEndpoint.merge(task.endpointId(), 1L, Long::sum);
      byUser.merge(group.owner(), 1L, Long::sum);
    }
  }

  public synchronized long unfinishedOfUser(String owner) {
    return byUser.getOrDefault(owner, 0L);
  }

  public synchronized long unfinishedOfEndpoint(String endpointId) {
    return byEndpoint.getOrDefault(endpointId, 0L);
  }

  private void ensureRoom(String owner, Map<String, Long> newByEndpoint) {
    long total = newByEndpoint.values().stream().mapToLong(Long::longValue).sum();
    long userNow = byUser.getOrDefault(owner, 0L);
    if (userNow + total > limits.perUser()) {
      throw new QuotaExceededException(
          QuotaExceededException.Quota.USER, owner, limits.perUser(), userNow, total);
    }
    for (Map.Entry<String, Long> e : newByEndpoint.entrySet()) {
      long endpointNow = byEndpoint.getOrDefault(e.getKey(), 0L);
      if (endpointNow + e.getValue() > limits.perEndpoint()) {
        throw new QuotaExceededException(
            QuotaExceededException.Quota.ENDPOINT,
            e.getKey(),
            limits.perEndpoint(),
            endpointNow,
            e.getValue());
      }
    }
  }

  private void release(String owner, String endpointId, long n) {
    decrement(byUser, owner, n);
    decrement(byEndpoint, endpointId, n);
  }

  /** Lowers a count, removing it at zero; never below zero (a bug elsewhere is logged instead). */
  private static void decrement(Map<String, Long> counts, String key, long n) {
    long now = counts.getOrDefault(key, 0L);
    if (now < n) log.warn("unfinished-task count of {} would go below zero ({} - {})", key, now, n);
    if (now <= n) counts.remove(key);
    else counts.put(key, now - n);
  }
}
