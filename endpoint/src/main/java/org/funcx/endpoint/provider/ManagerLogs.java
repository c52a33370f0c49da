package org.funcx.endpoint.provider;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Manager log files of the local provider: {@code manager-local-N.log}, one per block. */
final class ManagerLogs {
  private static final Pattern NAME = Pattern.compile("manager-local-(\\d+)\\.log");

  /**
   * How much of a log's end is read for its error: all of a JVM that died at start-up, the last
   * words of one that ran (an OutOfMemoryError, a crash).
   */
  private static final int READ_BYTES = 64 * 1024;

  private static final int ERROR_LINES = 3;

  private ManagerLogs() {}

  static Path path(Path dir, String blockId) {
    return dir.resolve("manager-" + blockId + ".log");
  }

  /** Deletes the logs of blocks numbered below {@code oldestKept}. */
  static void keepLatest(Path dir, int oldestKept) {
    if (oldestKept <= 0) return;
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "manager-local-*.log")) {
      for (Path log : logs) {
        Matcher m = NAME.matcher(log.getFileName().toString());
        if (m.matches() && Long.parseLong(m.group(1)) < oldestKept) Files.deleteIfExists(log);
      }
    } catch (IOException | NumberFormatException e) {
      // best effort: a log that cannot be deleted now is deleted with a later block
    }
  }

  /**
   * The first lines of the first error in the end of a manager's log (where the JVM says why it
   * could not start or what killed it), joined with " | "; empty when there is none.
   */
  static Optional<String> lastError(Path log) {
    List<String> lines;
    try (var file = java.nio.channels.FileChannel.open(log)) {
      long start = Math.max(0, file.size() - READ_BYTES);
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) (file.size() - start));
      while (tail.hasRemaining() && file.read(tail, start + tail.position()) > 0) {
        // read until the buffer is full or the file ends
      }
      lines =
          new String(tail.array(), 0, tail.position(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("Exception")
          || line.contains("Error")
          || line.startsWith("Unrecognized")
          || line.startsWith("Invalid")
          || line.contains("Terminating due to")) {
        List<String> out = new ArrayList<>();
        for (int j = i; j < lines.size() && out.size() < ERROR_LINES; j++) {
          if (!lines.get(j).isBlank()) out.add(lines.get(j).strip());
        }
        return Optional.of(String.join(" | ", out));
      }
    }
    return Optional.empty();
  }
}
