package org.funcx.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * How a supervised child ended, in words: its exit code (128 + N for signal N), whether that was
 * deliberate (exit 0, or SIGTERM/SIGINT: someone stopped it) and the reason its log gives.
 */
record ChildExit(int code, String description) {
  /** The product JVMs run with -XX:+ExitOnOutOfMemoryError, which exits with this code. */
  static final int OUT_OF_MEMORY_CODE = 3;

  /** Stands for the exit code of an adopted child, which only its first parent could read. */
  static final int UNKNOWN_CODE = -1;

  private static final int TAIL_BYTES = 64 * 1024;

  /** Exit 0 or a stop signal: the child was told to end (or ended by itself); not restarted. */
  boolean deliberate() {
    return code == 0 || code == 128 + 15 || code == 128 + 2;
  }

  /** The end of an adopted child: only a parent learns an exit code, so it counts as abnormal. */
  static ChildExit adoptedEnded() {
    return new ChildExit(UNKNOWN_CODE, "ended (exit code unknown: it was adopted)");
  }

  /**
   * Describes an exit; {@code log} and {@code logOffset} (its size when the child started) give
   * what the child printed in this run.
   */
  static ChildExit of(int code, Path log, long logOffset) {
    List<String> lines = linesSince(log, logOffset);
    String oom = lastMatching(lines, "Terminating due to java.lang.OutOfMemoryError");
    String description;
    if (code == OUT_OF_MEMORY_CODE && oom != null) {
      description = "ran out of memory (exit code 3: " + oom.trim() + ")";
    } else if (code > 128) {
      description =
          "killed by signal "
              + (code - 128)
              + (code == 137 ? " (SIGKILL)" : "")
              + " (exit code "
              + code
              + ")";
    } else {
      String error = lastMatching(lines, "Exception in thread");
      description =
          "exited with code "
              + code
              + (error == null
                  ? ""
                  : ": " + error.replaceFirst("^Exception in thread \"[^\"]*\" ", ""));
    }
    return new ChildExit(code, description);
  }

  private static String lastMatching(List<String> lines, String prefix) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) return lines.get(i);
    }
    return null;
  }

  /** The child's output in this run, at most its last 64 KiB. */
  private static List<String> linesSince(Path log, long offset) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(offset, file.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
