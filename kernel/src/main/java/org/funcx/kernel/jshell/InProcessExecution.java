package org.funcx.kernel.jshell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.EvalException;
import jdk.jshell.execution.DirectExecutionControl;
import org.funcx.jvm.StoppableBytecode;
import org.funcx.kernel.spi.CellError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs snippets in the kernel's own JVM, on {@link UserThreads}, and keeps each snippet's result
 * object under an id. JShell only passes strings back from an execution engine; handing it the id
 * instead of {@code toString()} lets the kernel render the real object (an HTML table, an Arrow
 * table) rather than its text.
 *
 * <p>Every class JShell loads gets checkpoints ({@link StoppableBytecode}), so an interrupt can
 * end loops in snippets on JDKs without {@code Thread.stop}. {@code redefine} needs no override:
 * this engine does not support it, and JShell then loads a new class through {@link #load}.
 */
final class InProcessExecution extends DirectExecutionControl {
  private static final String ID_PREFIX = "funcx-value-";
  private static final Logger log = LoggerFactory.getLogger(InProcessExecution.class);
  private final UserThreads threads;
  private final AtomicLong nextId = new AtomicLong();

  /** Values by id; a plain map because values may be null. Guarded by itself. */
  private final Map<String, Object> values = new HashMap<>();

  /** What the last snippet threw when it was a {@link CellError}; see {@link #takeCellError}. */
  private volatile CellError thrownCellError;

  InProcessExecution(UserThreads threads) {
    this.threads = threads;
  }

  @Override
  public void load(ClassBytecodes[] classes)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    ClassBytecodes[] stoppable = new ClassBytecodes[classes.length];
    for (int i = 0; i < classes.length; i++) {
      stoppable[i] = new ClassBytecodes(classes[i].name(), instrument(classes[i]));
    }
    super.load(stoppable);
  }

  private static byte[] instrument(ClassBytecodes c) {
    try {
      return StoppableBytecode.instrument(c.bytecodes());
    } catch (RuntimeException e) {
      // still usable, only an interrupt cannot end its loops
      log.warn("cannot add checkpoints to {}; an interrupt will not end its loops", c.name(), e);
      return c.bytecodes();
    }
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    // Libraries added with %maven / %jars are only in the snippets' class loader; those that load
    // classes through the context class loader (ServiceLoader, Class.forName(name, ..., ctx))
    // find them only if it is that loader.
    ClassLoader snippets = doit.getDeclaringClass().getClassLoader();
    Object value;
    try {
      value =
          threads.call(
              "snippet",
              () -> {
                Thread.currentThread().setContextClassLoader(snippets);
                return doit.invoke(null);
              });
    } catch (InvocationTargetException e) {
      // JShell passes on only the class name, message and frames; keep the error itself
      if (e.getCause() instanceof CellError error) thrownCellError = error;
      throw e;
    }
    String id = ID_PREFIX + nextId.incrementAndGet();
    synchronized (values) {
      values.put(id, value);
    }
    return id;
  }

  /**
   * The {@link CellError} a notebook helper threw (e.g. a chart's), when {@code thrown} is it as
   * JShell reports it: shown as itself, a message, rather than as the user's code failing.
   */
  Optional<CellError> takeCellError(EvalException thrown) {
    CellError error = thrownCellError;
    thrownCellError = null;
    if (error == null || !error.getClass().getName().equals(thrown.getExceptionClassName())) {
      return Optional.empty();
    }
    return Optional.of(error);
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
    thrownCellError = null;
  }
}
