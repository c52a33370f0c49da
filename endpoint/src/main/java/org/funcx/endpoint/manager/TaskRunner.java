package org.funcx.endpoint.manager;

import com.google.gson.JsonArray;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.funcx.core.exec.CompiledFunction;
import org.funcx.core.exec.FunctionCache;
import org.funcx.core.exec.FunctionCompileException;
import org.funcx.core.exec.FunctionCompiler;
import org.funcx.core.exec.FunctionLibraries;
import org.funcx.core.exec.InvocationOutcome;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.deps.DependencyException;
import org.funcx.jvm.CapturedOutput;

/**
 * Runs one task on the calling worker thread: finds the function's libraries (resolved once per
 * dependency set), the function (compiled once per manager JVM and cached by content hash), decodes
 * the arguments and invokes it; a shell function's task goes to {@link ShellRunner}. Every failure
 * becomes a typed result; only thread interruption escapes, as the watchdog's timeout signal.
 */
final class TaskRunner {
  private final Map<String, FunctionSpec> functions = new ConcurrentHashMap<>();
  private final FunctionCache cache;
  private final LibrarySets libraries;
  private final ShellRunner shell;

  TaskRunner(long maxResultBytes, LibrarySets libraries, ShellSandbox sandboxes) {
    this.libraries = libraries;
    this.shell = new ShellRunner(sandboxes);
    FunctionCompiler compiler =
        new FunctionCompiler(null, maxResultBytes, new ArrowResults(maxResultBytes));
    this.cache =
        new FunctionCache(
            spec -> compiler.compile(spec, resolvedLibraries(spec)),
            FunctionCache.DEFAULT_MAX_FUNCTIONS);
  }

  /** Already resolved by {@link #run} before the compile asks (the set is cached). */
  private FunctionLibraries resolvedLibraries(FunctionSpec spec) {
    try {
      return libraries.forSet(spec.dependencies());
    } catch (DependencyException e) {
      throw new IllegalStateException("the libraries of " + spec.hash() + " vanished", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted resolving the libraries of " + spec.hash(), e);
    }
  }

  void learn(FunctionSpec spec) {
    if (spec != null) functions.putIfAbsent(spec.hash(), spec);
  }

  /**
   * Runs the task; an interrupt (the watchdog's timeout) propagates as InterruptedException.
   * {@code invoking} runs just before the user's code: the timeout covers the call, not the
   * once-per-JVM compile, which an interrupt would also break for every later call.
   * {@code printed} is the task's output capture; a shell task's command output goes there.
   */
  ResultEnvelope run(TaskSpec task, Runnable invoking, CapturedOutput printed)
      throws InterruptedException {
    FunctionSpec spec = functions.get(task.functionHash());
    if (spec == null) {
      return failure(
          task,
          TaskError.of(
              ErrorKind.FUNCTION_NOT_FOUND,
              "function " + task.functionHash() + " was not sent to this manager"));
    }
    if (spec.isShell()) return shell.run(task, spec, printed, invoking);
    FunctionLibraries libs;
    try {
      libs = libraries.forSet(spec.dependencies());
    } catch (DependencyException e) {
      return failure(task, TaskError.of(ErrorKind.DEPENDENCY_ERROR, e.getMessage()));
    }
    CompiledFunction function;
    try {
      function = cache.get(spec);
    } catch (FunctionCompileException e) {
      return failure(task, e.error());
    }
    JsonArray args;
    try {
      args = JsonParser.parseString(task.argsJson()).getAsJsonArray();
    } catch (JsonParseException | IllegalStateException e) {
      return failure(
          task,
          TaskError.of(
              ErrorKind.ARGUMENT_ERROR,
              "arguments of task " + task.taskId() + " are not a JSON array"));
    }
    invoking.run();
    InvocationOutcome outcome =
        libs == null ? function.invoke(args) : invokeWithin(libs, function, args);
    if (outcome instanceof InvocationOutcome.Success s) {
      return ResultEnvelope.json(TaskResult.success(task.taskId(), s.resultJson()));
    }
    if (outcome instanceof InvocationOutcome.BinarySuccess b) {
      return new ResultEnvelope(
          new TaskResult(task.taskId(), null, null, b.format(), -1), b.bytes());
    }
    return failure(task, ((InvocationOutcome.Failure) outcome).error());
  }

  /** The failure of a task that ran past its timeout; a shell task's says returncode 124. */
  TaskError timedOut(TaskSpec task) {
    FunctionSpec spec = functions.get(task.functionHash());
    if (spec != null && spec.isShell()) return ShellRunner.timedOut(task);
    return TaskError.of(
        ErrorKind.TIMEOUT,
        "task " + task.taskId() + " exceeded its timeout of " + task.timeoutMillis() + " ms");
  }

  /** With the set's loader as context class loader (threads the task starts inherit it). */
  private static InvocationOutcome invokeWithin(
      FunctionLibraries libs, CompiledFunction function, JsonArray args)
      throws InterruptedException {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(libs.classLoader());
    try {
      return function.invoke(args);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  static ResultEnvelope failure(TaskSpec task, TaskError error) {
    return ResultEnvelope.json(TaskResult.failure(task.taskId(), error));
  }
}
