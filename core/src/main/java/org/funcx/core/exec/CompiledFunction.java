package org.funcx.core.exec;

import com.google.gson.JsonArray;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.funcx.core.exec.ArgumentDecoder.ArgumentException;
import org.funcx.core.exec.ArgumentDecoder.DecodedCall;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.jvm.StoppedError;

/**
 * A function ready to call: compiled, loaded in its own class loader, entry point resolved.
 * Immutable and safe to call from many worker threads at once; each call of an instance method gets
 * a fresh instance of the wrapper class, so only {@code static} fields are shared between calls.
 */
public final class CompiledFunction {
  private final String functionHash;
  private final String entryName;
  private final String generatedName;
  private final Constructor<?> constructor;
  private final List<FunctionSignature> signatures;
  private final ArgumentDecoder decoder;
  private final ResultEncoder encoder;

  CompiledFunction(
      String functionHash,
      Class<?> wrapper,
      List<Method> overloads,
      long maxResultBytes,
      BinaryResultEncoder binary)
      throws NoSuchMethodException {
    this.functionHash = functionHash;
    this.entryName = overloads.get(0).getName();
    this.generatedName = wrapper.getName();
    this.constructor = wrapper.getDeclaredConstructor();
    this.signatures = overloads.stream().map(m -> FunctionSignature.of(m, generatedName)).toList();
    this.decoder = new ArgumentDecoder(entryName, overloads, signatures);
    this.encoder = new ResultEncoder(entryName, generatedName, maxResultBytes, binary);
  }

  public String functionHash() {
    return functionHash;
  }

  /** The resolved entry point's name (also when the spec left it to be inferred). */
  public String entryName() {
    return entryName;
  }

  /** One signature per overload of the entry point, fewest parameters first. */
  public List<FunctionSignature> signatures() {
    return signatures;
  }

  /**
   * Calls the entry point with JSON arguments and encodes the result. Never throws for anything the
   * user's code or arguments do: those become a {@link InvocationOutcome.Failure}.
   *
   * <p>Interrupts (the manager interrupts a worker thread to enforce a task's timeout) are not
   * outcomes but propagate: an interrupt pending before the call throws at once without running
   * the function; if the function throws {@link InterruptedException} it is rethrown unchanged;
   * if it throws anything else while the thread is interrupted, or with an InterruptedException
   * among its causes (code that wraps it in a RuntimeException), an InterruptedException is thrown
   * with the user's exception as its cause. As usual for InterruptedException, the interrupt flag is
   * then clear. A {@link StoppedError} (the task's stop scope was stopped) counts as an interrupt.
   * If the function swallows the interrupt and returns, the outcome is returned and the
   * flag is left as the function left it.
   */
  public InvocationOutcome invoke(JsonArray args) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(entryName + " was interrupted before it started");
    }
    DecodedCall call;
    try {
      call = decoder.decode(args);
    } catch (ArgumentException e) {
      return InvocationOutcome.failure(TaskError.of(ErrorKind.ARGUMENT_ERROR, e.getMessage()));
    }
    Object result;
    try {
      Method method = call.method();
      Object target = Modifier.isStatic(method.getModifiers()) ? null : constructor.newInstance();
      result = method.invoke(target, call.values());
    } catch (InvocationTargetException e) {
      return userCodeThrew(e.getCause());
    } catch (LinkageError e) {
      // a static initializer failed (ExceptionInInitializerError), or failed on an earlier call
      return userCodeThrew(e);
    } catch (IllegalArgumentException e) {
      return InvocationOutcome.failure(
          TaskError.of(
              ErrorKind.ARGUMENT_ERROR,
              entryName + ": the arguments do not fit the parameters: " + e.getMessage()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + entryName + " of " + functionHash, e);
    }
    return encoder.encode(result);
  }

  private InvocationOutcome userCodeThrew(Throwable thrown) throws InterruptedException {
    if (thrown instanceof InterruptedException interrupted) throw interrupted;
    if (Thread.interrupted() || hasInterruptedCause(thrown)) {
      InterruptedException interrupted =
          new InterruptedException(entryName + " was interrupted and threw " + thrown);
      interrupted.initCause(thrown);
      throw interrupted;
    }
    return InvocationOutcome.failure(
        new TaskError(
            ErrorKind.REMOTE_EXCEPTION,
            RemoteStackTrace.headline(thrown, generatedName, entryName),
            RemoteStackTrace.format(thrown, generatedName, entryName)));
  }

  private static boolean hasInterruptedCause(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      // StoppedError: the task's StopScope was stopped (timeout, cancel), an interrupt that the
      // code could not swallow
      if (t instanceof InterruptedException || t instanceof StoppedError) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return entryName + " [" + functionHash.substring(0, Math.min(12, functionHash.length())) + "]";
  }
}
