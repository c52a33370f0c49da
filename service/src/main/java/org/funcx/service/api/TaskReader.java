package org.funcx.service.api;

import org.funcx.core.model.TaskState;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStore;

/**
 * Reads a task its subject owns, with its current state: the live state while it runs, else
 * the stored one.
 */
final class TaskReader {
  private final TaskStore store;
  private final LiveTaskStates live;

  TaskReader(TaskStore store, LiveTaskStates live) {
    this.store = store;
    this.live = live;
  }

  /** Returns null for an unknown or expired task, and for another subject's task. */
  Snapshot read(String taskId, String subject) {
    TaskState liveState = live.get(taskId);
    TaskRecord record = store.get(taskId);
    if (record == null || !subject.equals(store.groupOwner(record.groupId()))) return null;
    if (record.state().isTerminal() || liveState == null) return new Snapshot(record, record.state());
    return new Snapshot(record, liveState);
  }

  record Snapshot(TaskRecord record, TaskState state) {}
}
