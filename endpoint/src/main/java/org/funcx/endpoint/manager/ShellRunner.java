package org.funcx.endpoint.manager;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.funcx.core.json.Json;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.shell.InvalidArgumentsException;
import org.funcx.core.shell.InvalidTemplateException;
import org.funcx.core.shell.ShellTemplate;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.jvm.CapturedOutput;
import org.funcx.jvm.OutputTail;
import org.funcx.jvm.ProcessGroups;
import org.funcx.jvm.StopScope;

/**
 * Runs a shell function's task on the calling worker thread: {@code setsid /bin/sh -c SCRIPT sh
 * V1…} in the task's sandbox, stdin from /dev/null, stdout and stderr drained by two named threads
 * into the task's {@link CapturedOutput} (the same bounded tails Java tasks' printing fills). The
 * result is a JSON object: {@code returncode}, {@code stdout}, {@code stderr}, {@code cmd},
 * {@code elapsed_s}; a non-zero return code is a result, not a failure. An interrupt (the
 * watchdog's timeout or a cancel) ends the whole process group and propagates. A task with a
 * resource specification runs as a job step of the block's Slurm job ({@link SrunStep}). On an
 * endpoint that lists accelerators, the command sees its worker's id in
 * {@code CUDA_VISIBLE_DEVICES} ({@link WorkerAccelerator}).
 */
final class ShellRunner {
  /** Between TERM and KILL when a task is stopped; well under WorkerPool.STOP_GRACE_MILLIS. */
  static final long KILL_GRACE_MILLIS = 500;

  /** What sh (and coreutils' timeout) report for a command ended by its walltime. */
  static final int TIMEOUT_RETURNCODE = 124;

  /** How long the drains may take to read what is left in the pipes after the command ended. */
  private static final long DRAIN_JOIN_MILLIS = 10_000;

  private static final File NO_INPUT = new File("/dev/null");

  private final Map<String, ShellTemplate> templates = new ConcurrentHashMap<>();
  private final ShellSandbox sandboxes;

  /** Null when this manager does not run inside a Slurm job: it cannot place ranks. */
  private final SrunStep srun;

  ShellRunner(ShellSandbox sandboxes) {
    this.sandboxes = sandboxes;
    this.srun = SrunStep.inAllocation(System.getenv());
  }

  ResultEnvelope run(TaskSpec task, FunctionSpec spec, CapturedOutput printed, Runnable invoking)
      throws InterruptedException {
    ShellTemplate template;
    List<String> values;
    try {
      template = template(spec);
      values = template.values(task.argsJson());
    } catch (InvalidTemplateException e) {
      return TaskRunner.failure(
          task,
          TaskError.of(
              ErrorKind.COMPILE_ERROR,
              "the shell command of function "
                  + task.functionId()
                  + " is invalid: "
                  + e.getMessage()));
    } catch (InvalidArgumentsException e) {
      return TaskRunner.failure(task, e.error(task.taskId()));
    }
    List<String> command = template.command(values);
    List<String> argv = command;
    if (task.resources() != null) {
      if (srun == null) {
        return TaskRunner.failure(
            task,
            TaskError.of(
                ErrorKind.ARGUMENT_ERROR,
                "task "
                    + task.taskId()
                    + " asks for "
                    + task.resources()
                    + ", but this endpoint cannot place"
                    + " ranks: its manager runs in no Slurm job (use a Slurm endpoint)"));
      }
      argv = srun.wrap(task.taskId(), task.resources(), command);
    }
    Path sandbox = null;
    try {
      sandbox = sandboxes.create(task.taskId());
      invoking.run();
      // A stop (cancel) that came before the clock started sends no interrupt: honour it here.
      StopScope scope = StopScope.current();
      if (scope != null && scope.stopped()) throw new InterruptedException(scope.reason());
      long started = System.nanoTime();
      int code = execute(task.taskId(), argv, sandbox, printed);
      double elapsed = (System.nanoTime() - started) / 1e9;
      return ResultEnvelope.json(
          TaskResult.success(task.taskId(), resultJson(code, printed, command, elapsed)));
    } catch (IOException e) {
      return TaskRunner.failure(
          task,
          TaskError.of(
              ErrorKind.REMOTE_EXCEPTION,
              "cannot run the shell command of task " + task.taskId() + ": " + e.getMessage()));
    } finally {
      sandboxes.release(sandbox);
    }
  }

  /** The timeout failure of a shell task: kind timeout, the walltime's return code in details. */
  static TaskError timedOut(TaskSpec task) {
    return new TaskError(
        ErrorKind.TIMEOUT,
        "task "
            + task.taskId()
            + " exceeded its timeout of "
            + task.timeoutMillis()
            + " ms; its process group was ended",
        "returncode: " + TIMEOUT_RETURNCODE);
  }

  private ShellTemplate template(FunctionSpec spec) throws InvalidTemplateException {
    ShellTemplate known = templates.get(spec.hash());
    if (known != null) return known;
    ShellTemplate parsed = ShellTemplate.parse(spec.source());
    templates.putIfAbsent(spec.hash(), parsed);
    return parsed;
  }

  /**
   * Runs the command in its own session and waits for it. When it ends, what it left running in
   * its group is killed (as threads a Java task started end with it), so the pipes close and the
   * drains finish. When the wait is interrupted, the group is stopped, TERM then KILL.
   */
  private static int execute(
      String taskId, List<String> command, Path sandbox, CapturedOutput printed)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(command.size() + 1);
    argv.add("setsid");
    argv.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(sandbox.toFile()).redirectInput(NO_INPUT);
    // The worker's own accelerator; srun passes the environment on to every rank.
    String accelerator = WorkerAccelerator.current();
    if (accelerator != null) builder.environment().put(WorkerAccelerator.VARIABLE, accelerator);
    Process process = builder.start();
    Thread out = drain(process.getInputStream(), printed.out(), "funcx-shell-stdout-" + taskId);
    Thread err = drain(process.getErrorStream(), printed.err(), "funcx-shell-stderr-" + taskId);
    int code;
    try {
      code = process.waitFor();
    } catch (InterruptedException stopped) {
      ProcessGroups.stop(process.pid(), KILL_GRACE_MILLIS);
      throw stopped;
    }
    // Leftovers of the group, if any. While any remain, the kernel keeps the group id from being
    // reused; once none do, the kill finds nothing (ESRCH).
    ProcessGroups.signal(process.pid(), "KILL");
    // Bounded: a process that left the group (its own setsid) may hold the pipes open for ever.
    out.join(DRAIN_JOIN_MILLIS);
    err.join(DRAIN_JOIN_MILLIS);
    return code;
  }

  /**
   * Copies a pipe into a bounded tail until it closes, on its own thread: it never fills. The
   * thread does not inherit the task's StopScope (no inheritable thread locals): it is ours, not
   * a thread the task started, so it does not keep the scope armed after the task.
   */
  private static Thread drain(InputStream pipe, OutputTail tail, String name) {
    Thread t =
        new Thread(
            null,
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (pipe) {
                for (int n; (n = pipe.read(buffer)) >= 0; ) tail.write(buffer, 0, n);
              } catch (IOException e) {
                // The pipe closed under us (the process group was killed): what was read is kept.
              }
            },
            name,
            0,
            false);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String resultJson(
      int code, CapturedOutput printed, List<String> command, double elapsedSeconds) {
    JsonObject result = new JsonObject();
    result.addProperty("returncode", code);
    result.addProperty("stdout", printed.out().isEmpty() ? "" : printed.out().text());
    result.addProperty("stderr", printed.err().isEmpty() ? "" : printed.err().text());
    JsonArray cmd = new JsonArray();
    command.forEach(cmd::add);
    result.add("cmd", cmd);
    result.addProperty("elapsed_s", Math.round(elapsedSeconds * 1e6) / 1e6);
    return Json.GSON.toJson(result);
  }
}
