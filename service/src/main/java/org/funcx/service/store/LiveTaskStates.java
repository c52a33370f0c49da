package org.funcx.service.store;

import java.util.concurrent.ConcurrentHashMap;
import org.funcx.core.model.TaskState;

/**
 * In-memory states of tasks that are not finished (waiting-for-nodes, running...). Only the
 * terminal state is worth a disk write: after a restart every unfinished task is sent again and
 * its transient state is rebuilt. A task leaves this map only after its terminal record is stored.
 */
public final class LiveTaskStates {
  private final ConcurrentHashMap<String, TaskState> states = new ConcurrentHashMap<>();

  public void set(String taskId, TaskState state) {
    states.put(taskId, state);
  }

  /** Moves a task forward, never back: late acknowledgements must not undo "running". */
  public void advance(String taskId, TaskState state) {
    states.computeIfPresent(taskId, (id, old) -> old.ordinal() < state.ordinal() ? state : old);
  }

  public TaskState get(String taskId) {
    return states.get(taskId);
  }

  public void remove(String taskId) {
    states.remove(taskId);
  }

  public int size() {
    return states.size();
  }
}
