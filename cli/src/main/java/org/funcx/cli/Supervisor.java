package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.funcx.core.retry.RestartBackoff;

/**
 * Keeps one product JVM (the service, or an endpoint's agent) running: a small process of its
 * own, {@code Supervisor DIR NAME}, started in the background by the CLI. It starts the child in
 * its own process group, waits for it, and when it ends abnormally (out of memory, a crash,
 * SIGKILL) ends what is left of its group (an agent's managers) and starts it again after
 * {@link RestartBackoff}'s pause; a child that ran {@link #STABLE_MILLIS} had started fine and
 * resets the back-off. A child that exits 0 or on SIGTERM/SIGINT is not restarted. SIGTERM to the
 * supervisor (a deliberate stop) stops the child and the supervisor, and nothing restarts.
 *
 * <p>A supervisor that finds its child still running (its predecessor was killed: the status
 * file names a live child) adopts it instead of starting a second one: it waits for that process
 * to end, without its exit code (only a parent gets one), treats the end as abnormal and restarts
 * it as usual.
 *
 * <p>A process of its own rather than a thread of the service or the agent: it must outlive the
 * JVM it restarts, and the CLI that starts it exits at once. Its files are in
 * {@link Supervision}.
 */
public final class Supervisor {
  static final long STABLE_MILLIS = 60_000;
  private static final long CHILD_STOP_GRACE_SECONDS = 15;

  private final SupervisedChild child;
  private final Supervision files;

  /** The child now; its pid is what a stop ends. */
  private ProcessHandle current;

  private boolean stopping;
  private int restarts;
  private long backoffMillis;
  private SupervisorStatus last;
  private volatile Thread loop;

  private Supervisor(SupervisedChild child, Supervision files) {
    this.child = child;
    this.files = files;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Supervisor DIR NAME");
      System.exit(2);
    }
    Supervision files = new Supervision(Path.of(args[0]), args[1]);
    Supervisor supervisor = new Supervisor(SupervisedChild.read(files.specFile()), files);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(supervisor::stop, "funcx-supervisor-stop-" + args[1]));
    supervisor.loop = Thread.currentThread();
    supervisor.run();
    System.exit(0);
  }

  /** Starts the child (or adopts a running one), waits for its end, restarts it; until a stop. */
  private void run() throws IOException {
    int failuresInARow = 0;
    Optional<SupervisorStatus> previous = files.status();
    restarts = previous.map(SupervisorStatus::restarts).orElse(0);
    Optional<ProcessIdentity> orphan =
        previous.map(SupervisorStatus::child).filter(c -> c != null && c.isLive());
    while (true) {
      long logOffset = Files.exists(child.logFile()) ? Files.size(child.logFile()) : 0;
      if (!Files.exists(files.specFile())) { // the funcX home was removed: nothing to run
        say(files.specFile() + " is gone; " + child.what() + " is not started again");
        return;
      }
      ProcessIdentity identity;
      Process process = null;
      ProcessHandle running;
      synchronized (this) {
        if (stopping) return;
        if (orphan.isPresent()) {
          identity = orphan.get();
          current = ProcessHandle.of(identity.pid()).orElse(null);
          say(
              "adopted "
                  + child.what()
                  + " (pid "
                  + identity.pid()
                  + "), which outlived its previous supervisor");
        } else {
          process =
              ProcessLauncher.launch(
                  child.mainClass(), child.args(), child.jvmOptions(), child.logFile(), true);
          identity = ProcessIdentity.of(process.pid(), child.mainClass());
          current = process.toHandle();
        }
        running = current;
      }
      report(SupervisorStatus.RUNNING, identity, null, 0);
      long startedAt = System.currentTimeMillis();
      ChildExit exit;
      if (process != null) {
        int code = waitFor(process);
        if (code < 0) return; // interrupted by a stop
        exit = ChildExit.of(code, child.logFile(), logOffset);
      } else {
        if (!waitForAdopted(running)) return;
        exit = ChildExit.adoptedEnded();
        orphan = Optional.empty();
      }
      long endedAt = System.currentTimeMillis();
      synchronized (this) {
        if (stopping) return;
      }
      if (exit.deliberate()) {
        say(child.what() + " " + exit.description() + "; not restarted");
        report(SupervisorStatus.EXITED, identity, exit, endedAt);
        return;
      }
      // an agent killed outright leaves its managers behind: end them before starting anew
      try {
        ProcessLauncher.stopGroup(identity.pid(), 5);
      } catch (InterruptedException e) {
        return;
      }
      failuresInARow = endedAt - startedAt >= STABLE_MILLIS ? 1 : failuresInARow + 1;
      long pause = RestartBackoff.delayMillis(failuresInARow);
      synchronized (this) { // read by report(), also on the stop hook's thread
        restarts++;
        backoffMillis = pause;
      }
      say(
          child.what()
              + " "
              + exit.description()
              + "; restart "
              + restarts
              + " in "
              + pause / 1000.0
              + " s");
      report(SupervisorStatus.WAITING, identity, exit, endedAt);
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits for an adopted child's end; false when a stop interrupted the wait. */
  private boolean waitForAdopted(ProcessHandle adopted) {
    if (adopted == null) return true; // it ended between the check and now
    try {
      adopted.onExit().get();
      return true;
    } catch (InterruptedException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // onExit() does not fail; the process has ended either way
    }
  }

  /** The child's exit code; -1 when a stop interrupted the wait. */
  private int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      return -1;
    }
  }

  private synchronized void report(
      String state, ProcessIdentity identity, ChildExit exit, long exitAt) {
    long nextStartAt =
        SupervisorStatus.WAITING.equals(state) ? System.currentTimeMillis() + backoffMillis : 0;
    Integer code =
        exit != null ? Integer.valueOf(exit.code()) : last != null ? last.lastExitCode() : null;
    String description = exit != null ? exit.description() : last != null ? last.lastExit() : null;
    long at = exit != null ? exitAt : last != null ? last.lastExitAtMillis() : 0;
    last =
        new SupervisorStatus(
            state, identity, restarts, code, description, at, backoffMillis, nextStartAt);
    try {
      last.write(files.statusFile());
    } catch (IOException e) {
      say("cannot write " + files.statusFile() + ": " + e.getMessage());
    }
  }

  /** SIGTERM: no more restarts; the child is stopped (TERM, KILL after a grace), then we end. */
  private void stop() {
    ProcessHandle process;
    synchronized (this) {
      if (stopping) return;
      stopping = true;
      process = current;
    }
    Thread running = loop;
    if (running != null) running.interrupt();
    if (process == null || last == null || SupervisorStatus.EXITED.equals(last.state())) return;
    try {
      ProcessLauncher.stopGroup(process.pid(), CHILD_STOP_GRACE_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // a removed home is not written again
    if (Files.exists(files.specFile())) report(SupervisorStatus.STOPPED, last.child(), null, 0);
  }

  private static void say(String line) {
    System.out.println(Instant.now() + " funcx-supervisor: " + line);
    System.out.flush();
  }
}
