package org.funcx.magics.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks submitted from this notebook, newest last, for {@code %funcx tasks} and for decoding
 * results by the function's return type. Keeps the latest {@link #CAPACITY} tasks.
 */
public final class TaskLog {
  static final int CAPACITY = 100_000;

  /** One submitted task. */
  public record Entry(
      String taskId,
      String functionName,
      String functionId,
      String returnType,
      String endpointName,
      long submittedAtMillis) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public synchronized void add(Entry entry) {
    entries.put(entry.taskId(), entry);
    Iterator<String> oldest = entries.keySet().iterator();
    while (entries.size() > CAPACITY) {
      oldest.next();
      oldest.remove();
    }
  }

  public synchronized Optional<Entry> get(String taskId) {
    return Optional.ofNullable(entries.get(taskId));
  }

  public synchronized int size() {
    return entries.size();
  }

  /** The {@code count} newest entries, oldest of them first. */
  public synchronized List<Entry> latest(int count) {
    List<Entry> all = new ArrayList<>(entries.values());
    return all.subList(Math.max(0, all.size() - count), all.size());
  }
}
