package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The CLI's side of one {@link Supervisor}: its files in {@code dir} ({@code NAME.supervisor.json}
 * the supervisor's identity, {@code NAME.status.json} its report, {@code NAME.spec.json} what it
 * runs, {@code NAME.supervisor.log}), starting it, waiting for its child to be ready, stopping.
 * Recorded pids are only signalled while they are still the recorded process
 * ({@link ProcessIdentity}); a stale file is removed with a message.
 */
record Supervision(Path dir, String name) {
  private static final String SUPERVISOR_CLASS = Supervisor.class.getName();

  /** Longer than the supervisor's grace for its child, so that it can stop it in order. */
  private static final long SUPERVISOR_STOP_GRACE_SECONDS = 30;

  Path supervisorFile() {
    return dir.resolve(name + ".supervisor.json");
  }

  Path statusFile() {
    return dir.resolve(name + ".status.json");
  }

  Path specFile() {
    return dir.resolve(name + ".spec.json");
  }

  Path supervisorLog() {
    return dir.resolve(name + ".supervisor.log");
  }

  /**
   * Starts a supervisor running {@code child}; the first start of the child is its own. The
   * supervisor is this JVM's child until this JVM exits: {@link #awaitFirstStart} asks it, not
   * the pid file, whether it still runs.
   */
  Process start(SupervisedChild child) throws IOException {
    child.write(specFile());
    Files.deleteIfExists(statusFile());
    return launchSupervisor();
  }

  /**
   * Starts a supervisor for a child that outlived its supervisor (SIGKILLed): the new one adopts
   * the running child ({@link Supervisor}) with its spec and restart count. Says so on stdout,
   * naming the child as {@code what} (e.g. "the service"); returns the child adopted, if any.
   */
  Optional<ProcessIdentity> adoptOrphan(String what) throws IOException {
    if (supervisor().isPresent()) return Optional.empty();
    Optional<ProcessIdentity> orphan = child();
    if (orphan.isPresent()) {
      launchSupervisor();
      System.out.println(
          what
              + " (pid "
              + orphan.get().pid()
              + ") had lost its supervisor; it is supervised again");
    }
    return orphan;
  }

  private Process launchSupervisor() throws IOException {
    Process process =
        ProcessLauncher.launch(
            SUPERVISOR_CLASS,
            List.of(dir.toString(), name),
            List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            supervisorLog(),
            false);
    ProcessIdentity.of(process.pid(), SUPERVISOR_CLASS).write(supervisorFile());
    return process;
  }

  /** The supervisor, while it runs; a file naming another process is removed, with a message. */
  Optional<ProcessIdentity> supervisor() {
    return ProcessIdentity.liveOrRemove(supervisorFile());
  }

  Optional<SupervisorStatus> status() {
    return SupervisorStatus.read(statusFile());
  }

  /** The supervised process now, while it runs (also when its supervisor was killed). */
  Optional<ProcessIdentity> child() {
    return status().map(SupervisorStatus::child).filter(c -> c != null && c.isLive());
  }

  /**
   * Waits until a first start is {@code ready}; fails at once, saying why in the first line, when
   * the child exits or its {@code supervisor} (as {@link #start} returned it) ends: the caller
   * stops a process that cannot start rather than leave it restarting.
   */
  void awaitFirstStart(String what, int seconds, Process supervisor, BooleanSupplier ready)
      throws InterruptedException {
    await(
        what,
        seconds,
        true,
        () ->
            supervisor.isAlive()
                ? Optional.empty()
                : Optional.of(
                    ChildExit.of(supervisor.exitValue(), supervisorLog(), 0).description()),
        ready);
  }

  /** Waits for a supervised process between restarts; fails only when its supervisor is gone. */
  void awaitRestart(String what, int seconds, BooleanSupplier ready) throws InterruptedException {
    Optional<ProcessIdentity> recorded = ProcessIdentity.read(supervisorFile());
    await(
        what,
        seconds,
        false,
        () ->
            supervisor().isPresent()
                ? Optional.empty()
                : Optional.of(
                    recorded.map(ProcessIdentity::describeCurrent).orElse("its file is gone")),
        ready);
  }

  private void await(
      String what,
      int seconds,
      boolean failOnExit,
      Supplier<Optional<String>> supervisorEnded,
      BooleanSupplier ready)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Path log = Path.of(specLog());
    int restartsBefore = status().map(SupervisorStatus::restarts).orElse(0);
    try (WaitProgress progress = WaitProgress.start(what)) {
      while (System.nanoTime() < deadline) {
        if (ready.getAsBoolean()) return;
        Optional<SupervisorStatus> status = status();
        if (failOnExit
            && status.isPresent()
            && status.get().lastExit() != null
            && (status.get().restarts() > restartsBefore
                || SupervisorStatus.EXITED.equals(status.get().state()))) {
          throw new StartFailed(
              what
                  + " could not start: "
                  + status.get().lastExit()
                  + ". Last lines of "
                  + log
                  + ":\n"
                  + Waits.tail(log, 30));
        }
        Optional<String> ended = supervisorEnded.get();
        if (ended.isPresent()) {
          throw new StartFailed(
              what
                  + " could not start: its supervisor ended ("
                  + ended.get()
                  + "). Last lines of "
                  + supervisorLog()
                  + ":\n"
                  + Waits.tail(supervisorLog(), 30));
        }
        Thread.sleep(100);
      }
    }
    throw new StartFailed(
        "gave up waiting "
            + seconds
            + " s for "
            + what
            + ". Last lines of "
            + log
            + ":\n"
            + Waits.tail(log, 30));
  }

  private String specLog() {
    try {
      return SupervisedChild.read(specFile()).log();
    } catch (IOException e) {
      return supervisorLog().toString();
    }
  }

  /**
   * A deliberate stop: the supervisor is told to stop (it stops its child and restarts
   * nothing); a child left without a live supervisor is stopped directly. True when something
   * was running.
   */
  boolean stop() throws InterruptedException {
    boolean wasRunning = false;
    Optional<ProcessIdentity> supervisor = supervisor();
    if (supervisor.isPresent()) {
      wasRunning = true;
      ProcessLauncher.stopGroup(supervisor.get().pid(), SUPERVISOR_STOP_GRACE_SECONDS);
    }
    Optional<ProcessIdentity> last = status().map(SupervisorStatus::child);
    if (last.isPresent() && last.get().isLive()) {
      wasRunning = true;
      ProcessLauncher.stopGroup(last.get().pid(), 15);
    } else if (last.isPresent()
        && !ProcessLauncher.alive(last.get().pid())
        && ProcessLauncher.groupAlive(last.get().pid())) {
      // what a killed child left in its group (an agent's managers); the group's id cannot
      // have been given to a new process while the group lives, so it is still the child's
      ProcessLauncher.stopGroup(last.get().pid(), 5);
    }
    try {
      Files.deleteIfExists(supervisorFile());
    } catch (IOException ignored) {
      // checked for identity before any use
    }
    return wasRunning;
  }

  /** A supervised process that could not start; the message's first line says why. */
  static final class StartFailed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StartFailed(String message) {
      super(message);
    }
  }
}
