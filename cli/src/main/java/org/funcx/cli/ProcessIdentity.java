package org.funcx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;

/**
 * A process the CLI started, recorded so that it is never confused with a stranger that got the
 * same pid later: its pid, its start and the main class it runs. Before signalling a recorded pid
 * the CLI checks all three still hold.
 *
 * <p>The start is compared as the kernel gives it, in clock ticks since boot ({@code starttime}
 * in {@code /proc/PID/stat}): the same number for every reader. The JDK's start instant is
 * derived from a boot time it reads in whole seconds, so two JVMs, or one JVM twice, can see the
 * same process start a second or more apart (more when the wall clock is stepped); it is kept
 * only where {@code /proc} is absent, compared within {@link #START_TOLERANCE_MILLIS}.
 *
 * @param startTicks the kernel's start time in clock ticks; 0 where {@code /proc} is absent (or
 *     in a file an older version wrote)
 * @param startedAtMillis the JDK's start instant (informative where the ticks are known)
 */
public record ProcessIdentity(long pid, long startTicks, long startedAtMillis, String mainClass) {
  static final long START_TOLERANCE_MILLIS = 2_000;

  /** {@code starttime} is field 22; the fields after the name start with field 3 (state). */
  private static final int STARTTIME_AFTER_NAME = 22 - 3;

  /** Identifies a process just started (its start is read while it certainly runs). */
  static ProcessIdentity of(long pid, String mainClass) {
    long started =
        ProcessHandle.of(pid)
            .flatMap(h -> h.info().startInstant())
            .map(Instant::toEpochMilli)
            .orElse(0L);
    return new ProcessIdentity(pid, startTicks(pid).orElse(0L), started, mainClass);
  }

  /** True while the recorded process itself runs: same pid, same start, same main class. */
  public boolean isLive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) return false;
    // the command line is readable for the user's own processes; when it is not, the start decides
    boolean sameProgram = commandLine(pid).map(c -> c.contains(mainClass)).orElse(true);
    return sameStart(handle.get()) && sameProgram;
  }

  private boolean sameStart(ProcessHandle handle) {
    Optional<Long> ticks = startTicks(pid);
    if (startTicks > 0 && ticks.isPresent()) return ticks.get() == startTicks;
    return handle
        .info()
        .startInstant()
        .map(i -> Math.abs(i.toEpochMilli() - startedAtMillis) <= START_TOLERANCE_MILLIS)
        .orElse(false);
  }

  /**
   * Field 22 of {@code /proc/PID/stat}; the fields are counted after the command name, which is
   * in parentheses and may itself hold spaces and parentheses.
   */
  static Optional<Long> startTicks(long pid) {
    try {
      // ISO-8859-1: the command name is any bytes, not necessarily UTF-8
      String stat =
          new String(
              Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "stat")),
              StandardCharsets.ISO_8859_1);
      String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(Long.parseLong(afterName[STARTTIME_AFTER_NAME]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, or the process is gone
    }
  }

  /**
   * The whole command line: from /proc on Linux, as {@link ProcessHandle.Info#commandLine()}
   * stops at 4 KiB, before the main class of a JVM with a long class path.
   */
  private static Optional<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
      if (raw.length > 0)
        return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
    } catch (IOException | RuntimeException e) {
      // not Linux, or not ours to read: ask the JDK
    }
    return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine());
  }

  /** What the pid is now, for messages about stale files. */
  String describeCurrent() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(
            h ->
                "pid "
                    + pid
                    + " is now another process ("
                    + abbreviated(commandLine(pid).orElse("unknown command"))
                    + ")")
        .orElse("pid " + pid + " has exited");
  }

  private static String abbreviated(String commandLine) {
    return commandLine.length() <= 200 ? commandLine.trim() : commandLine.substring(0, 200) + "…";
  }

  void write(Path file) throws IOException {
    PrivateFiles.write(file, Json.GSON.toJson(this));
  }

  /** The identity recorded in {@code file}; empty when absent or unreadable (an older format). */
  static Optional<ProcessIdentity> read(Path file) {
    try {
      if (!Files.exists(file)) return Optional.empty();
      ProcessIdentity id = Json.GSON.fromJson(Files.readString(file), ProcessIdentity.class);
      return id == null || id.mainClass() == null ? Optional.empty() : Optional.of(id);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The process recorded in {@code file} if it is still that process; else removes the file. */
  static Optional<ProcessIdentity> liveOrRemove(Path file) {
    Optional<ProcessIdentity> recorded = ProcessIdentity.read(file);
    if (recorded.isPresent() && recorded.get().isLive()) return recorded;
    if (Files.exists(file)) {
      String why =
          recorded
              .map(ProcessIdentity::describeCurrent)
              .orElse("it is not in this version's format");
      if (recorded.isEmpty() || ProcessLauncher.alive(recorded.get().pid())) {
        System.err.println(
            "funcx: removed stale pid file " + file + " (" + why + "); nothing was signalled");
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // read again and checked again next time
      }
    }
    return Optional.empty();
  }
}
