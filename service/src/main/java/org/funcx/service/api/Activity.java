package org.funcx.service.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.funcx.core.model.TaskState;
import org.funcx.service.store.RecentGroups;

/**
 * One user's last hour, from their most recent task groups: tasks finished and failed (by error
 * kind) per minute, and the groups and tasks themselves, newest first. Reads at most
 * {@link #MAX_TASKS_READ} task records a request, so a user with huge maps costs a bounded read.
 */
final class Activity {
  static final long WINDOW_MILLIS = 3_600_000;
  static final long BUCKET_MILLIS = 60_000;
  static final int BUCKETS = (int) (WINDOW_MILLIS / BUCKET_MILLIS);

  /** Task records one activity request reads at most (newest groups first). */
  static final int MAX_TASKS_READ = 10_000;

  /** Groups listed. */
  static final int GROUPS_SHOWN = 20;

  /** Tasks listed, newest first. */
  static final int TASKS_SHOWN = 20;

  /** A minute of the window: finished tasks, of which succeeded, and failures by kind. */
  static final class Minute {
    final long startMillis;
    int succeeded;
    final Map<String, Integer> failedByKind = new TreeMap<>();

    Minute(long startMillis) {
      this.startMillis = startMillis;
    }

    int finished() {
      return succeeded + failedByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** A listed group: its entry and its tasks' states (of those read). */
  record Group(RecentGroups.Entry entry, Map<String, Integer> states) {}

  final long nowMillis;
  final List<Minute> minutes = new ArrayList<>(BUCKETS);
  final List<Group> groups = new ArrayList<>();
  final List<TaskReader.Snapshot> tasks = new ArrayList<>();
  int tasksRead;
  boolean truncated;

  private Activity(long nowMillis) {
    this.nowMillis = nowMillis;
    long first = (nowMillis / BUCKET_MILLIS - BUCKETS + 1) * BUCKET_MILLIS;
    for (int i = 0; i < BUCKETS; i++) minutes.add(new Minute(first + i * BUCKET_MILLIS));
  }

  static Activity of(String subject, RecentGroups recent, TaskReader reader, long nowMillis) {
    Activity a = new Activity(nowMillis);
    for (RecentGroups.Entry entry : recent.of(subject)) {
      if (a.tasksRead >= MAX_TASKS_READ) {
        a.truncated = true;
        break;
      }
      List<String> ids = reader.groupTaskIds(entry.groupId(), subject);
      if (ids == null) continue; // expired
      Map<String, Integer> states = new TreeMap<>();
      // Newest tasks last in a group: read from the end, so listed tasks are the latest.
      int i = ids.size() - 1;
      for (; i >= 0 && a.tasksRead < MAX_TASKS_READ; i--) {
        TaskReader.Snapshot t = reader.read(ids.get(i), subject);
        a.tasksRead++;
        if (t == null) continue;
        states.merge(t.state().wireName(), 1, Integer::sum);
        if (a.tasks.size() < TASKS_SHOWN) a.tasks.add(t);
        a.count(t);
      }
      if (a.groups.size() < GROUPS_SHOWN) a.groups.add(new Group(entry, states));
      if (i >= 0) a.truncated = true; // stopped inside this group
    }
    return a;
  }

  private void count(TaskReader.Snapshot t) {
    if (!t.state().isTerminal()) return;
    long done = t.record().completedAtMillis();
    int index = (int) ((done - minutes.get(0).startMillis) / BUCKET_MILLIS);
    if (done < minutes.get(0).startMillis || index >= BUCKETS) return;
    Minute m = minutes.get(index);
    if (t.state() == TaskState.SUCCESS) {
      m.succeeded++;
    } else {
      String kind =
          t.state() == TaskState.CANCELLED
              ? "cancelled"
              : t.record().error() == null ? "unknown" : t.record().error().kind().wireName();
      m.failedByKind.merge(kind, 1, Integer::sum);
    }
  }

  /** Failures over the whole window, by kind. */
  Map<String, Integer> failuresByKind() {
    Map<String, Integer> out = new TreeMap<>();
    for (Minute m : minutes) m.failedByKind.forEach((k, n) -> out.merge(k, n, Integer::sum));
    return out;
  }

  int finishedInWindow() {
    return minutes.stream().mapToInt(Minute::finished).sum();
  }
}
