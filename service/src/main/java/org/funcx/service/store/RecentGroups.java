package org.funcx.service.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each user's most recent task groups, newest first, for the dashboard's activity view
 * ({@code GET /v2/activity}). In memory and bounded: {@link #PER_USER} groups for each of the
 * {@link #USERS} users who submitted last. After a restart it fills again with new submissions;
 * older groups are still read by id ({@code /v2/task_groups/{id}}).
 */
public final class RecentGroups {
  /** Groups remembered per user. */
  public static final int PER_USER = 100;

  /** Users remembered; the one who submitted longest ago is forgotten first. */
  public static final int USERS = 10_000;

  /** A submitted group: its id, when it was submitted and how many tasks it has. */
  public record Entry(String groupId, long submittedAtMillis, int taskCount) {}

  private final Map<String, Deque<Entry>> byOwner =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Entry>> eldest) {
          return size() > USERS;
        }
      };

  /** Remembers a submission: one short lock per submit request, not per task. */
  public synchronized void submitted(String owner, String groupId, int taskCount, long nowMillis) {
    Deque<Entry> groups = byOwner.computeIfAbsent(owner, o -> new ArrayDeque<>());
    groups.addFirst(new Entry(groupId, nowMillis, taskCount));
    if (groups.size() > PER_USER) groups.removeLast();
  }

  /** {@code owner}'s groups, newest first. */
  public synchronized List<Entry> of(String owner) {
    Deque<Entry> groups = byOwner.get(owner);
    return groups == null ? List.of() : new ArrayList<>(groups);
  }
}
