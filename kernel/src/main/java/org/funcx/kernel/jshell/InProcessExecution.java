package org.funcx.kernel.jshell;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in the kernel's own JVM, on {@link UserThreads}, and keeps each snippet's result
 * object under an id. JShell only passes strings back from an execution engine; handing it the id
 * instead of {@code toString()} lets the kernel render the real object (an HTML table, an Arrow
 * table) rather than its text.
 */
final class InProcessExecution extends DirectExecutionControl {
  private static final String ID_PREFIX = "funcx-value-";
  private final UserThreads threads;
  private final AtomicLong nextId = new AtomicLong();
  /** Values by id; a plain map because values may be null. Guarded by itself. */
  private final Map<String, Object> values = new HashMap<>();

  InProcessExecution(UserThreads threads) {
    this.threads = threads;
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Object value = threads.call("snippet", () -> doit.invoke(null));
    String id = ID_PREFIX + nextId.incrementAndGet();
    synchronized (values) {
      values.put(id, value);
    }
    return id;
  }

  /** Takes the value a snippet evaluation produced; empty when {@code id} is not one of ours. */
  Optional<SnippetValue> take(String id) {
    synchronized (values) {
      if (id == null || !values.containsKey(id)) return Optional.empty();
      return Optional.of(new SnippetValue(values.remove(id)));
    }
  }

  /** Drops values nobody took (declarations, statements), so they can be garbage collected. */
  void discardValues() {
    synchronized (values) {
      values.clear();
    }
  }
}
