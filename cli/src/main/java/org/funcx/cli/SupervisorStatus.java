package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;

/**
 * What a supervisor reports about its child (written by the supervisor on every change, read by
 * {@code status}): the child now, how often it was restarted, how it last ended and when the next
 * start is due.
 *
 * @param state {@code running}, {@code waiting} (back-off before a restart), {@code exited} (the
 *     child ended by itself, normally: not restarted) or {@code stopped} (a deliberate stop)
 * @param backoffMillis the pause before the latest restart (growing while restarts fail)
 */
record SupervisorStatus(
    String state,
    ProcessIdentity child,
    int restarts,
    Integer lastExitCode,
    String lastExit,
    long lastExitAtMillis,
    long backoffMillis,
    long nextStartAtMillis) {
  static final String RUNNING = "running";
  static final String WAITING = "waiting";
  static final String EXITED = "exited";
  static final String STOPPED = "stopped";

  /** One line for {@code status}: restarts, and the last abnormal end when there was one. */
  String describe() {
    String line = "restarts " + restarts;
    if (lastExit != null) line += "; last exit: " + lastExit;
    if (WAITING.equals(state)) {
      line +=
          "; next start in "
              + Math.max(0, (nextStartAtMillis - System.currentTimeMillis() + 999) / 1000)
              + " s";
    }
    return line;
  }

  void write(Path file) throws IOException {
    PrivateFiles.write(file, Json.GSON.toJson(this));
  }

  static Optional<SupervisorStatus> read(Path file) {
    try {
      return Files.exists(file)
          ? Optional.ofNullable(Json.GSON.fromJson(Files.readString(file), SupervisorStatus.class))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
