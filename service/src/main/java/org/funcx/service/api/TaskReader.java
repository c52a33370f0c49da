package org.funcx.service.api;

import org.funcx.core.model.TaskState;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;

/**
 * Reads a task its subject owns, with its current state: the live state while it runs, else
 * the stored one. An outcome is shown only once it is durable: a task leaves the live states
 * after its terminal record's commit, so a terminal record of a live task may still be lost to
 * a crash (the task would run again) and is shown as the live state, without the outcome.
 */
final class TaskReader {
  private final TaskStorage store;
  private final LiveTaskStates live;

  TaskReader(TaskStorage store, LiveTaskStates live) {
    this.store = store;
    this.live = live;
  }

  /** Returns null for an unknown or expired task, and for another subject's task. */
  Snapshot read(String taskId, String subject) {
    TaskState liveState = live.get(taskId); // first: once it is gone, the record is durable
    TaskRecord record = store.get(taskId);
    if (record == null || !subject.equals(store.groupOwner(record.groupId()))) return null;
    if (liveState == null) return new Snapshot(record, record.state());
    return new Snapshot(record.state().isTerminal() ? record.withoutOutcome() : record, liveState);
  }

  /** The task ids of a group {@code subject} submitted; null for an unknown or another's group. */
  java.util.List<String> groupTaskIds(String groupId, String subject) {
    java.util.List<String> ids = store.group(groupId);
    return ids == null || !subject.equals(store.groupOwner(groupId)) ? null : ids;
  }

  record Snapshot(TaskRecord record, TaskState state) {}
}
