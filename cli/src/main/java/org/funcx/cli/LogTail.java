package org.funcx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The end of log files, and what is appended to them, as {@code tail -F} shows it: a file that
 * shrinks (truncated, or replaced by a new one) is read again from its start. Reads only what it
 * prints, so a log of gigabytes costs no more than its last lines.
 */
final class LogTail {
  private static final int BLOCK = 64 << 10;
  private static final long POLL_MILLIS = 250;
  private static final int FOLLOW_CHUNK = 4 << 20;
  private final PrintStream out;
  private final Predicate<String> wanted;

  /** Prints lines that {@code wanted} accepts to {@code out}. */
  LogTail(PrintStream out, Predicate<String> wanted) {
    this.out = out;
    this.wanted = wanted;
  }

  /** The last {@code n} wanted lines of {@code file}, reading backwards block by block. */
  List<String> lastLines(Path file, int n) throws IOException {
    List<String> lines = new ArrayList<>();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long end = raf.length();
      byte[] carry = new byte[0]; // the start of a line whose beginning lies in an earlier block
      while (end > 0 && lines.size() < n) {
        int size = (int) Math.min(BLOCK, end);
        byte[] block = new byte[size + carry.length];
        raf.seek(end - size);
        raf.readFully(block, 0, size);
        System.arraycopy(carry, 0, block, size, carry.length);
        end -= size;
        int lineEnd = block.length;
        for (int i = block.length - 1; i >= 0 && lines.size() < n; i--) {
          if (block[i] != '\n') continue;
          addIfWanted(lines, block, i + 1, lineEnd);
          lineEnd = i;
        }
        carry = Arrays.copyOfRange(block, 0, lineEnd);
      }
      if (end == 0 && lines.size() < n) addIfWanted(lines, carry, 0, carry.length);
    }
    Collections.reverse(lines);
    return lines;
  }

  private void addIfWanted(List<String> lines, byte[] bytes, int from, int to) {
    if (from >= to) return; // the empty "line" after a final newline
    String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    if (wanted.test(line)) lines.add(line);
  }

  /**
   * Prints what is appended to {@code files} from their current ends until {@code keepGoing} says
   * stop, each line prefixed with its file's short name when there are several files.
   */
  void follow(List<Path> files, BooleanSupplier keepGoing)
      throws IOException, InterruptedException {
    Map<Path, Long> read = new LinkedHashMap<>();
    for (Path f : files) read.put(f, Files.exists(f) ? Files.size(f) : 0L);
    while (keepGoing.getAsBoolean()) {
      for (Path f : files) {
        long size = Files.exists(f) ? Files.size(f) : 0L;
        long from = size < read.get(f) ? 0 : read.get(f); // shrunk: truncated or replaced
        String prefix = files.size() > 1 ? "[" + shortName(f) + "] " : "";
        read.put(f, from + printLines(f, from, size, prefix));
      }
      out.flush();
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Prints the complete lines in {@code [from, to)} and returns how many bytes they took; an
   * unfinished last line is read again on the next turn (unless it alone fills a chunk).
   */
  private long printLines(Path file, long from, long to, String prefix) throws IOException {
    if (to <= from) return 0;
    byte[] bytes = new byte[(int) Math.min(to - from, FOLLOW_CHUNK)];
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(from);
      raf.readFully(bytes);
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') end--;
    if (end == 0) {
      if (bytes.length < FOLLOW_CHUNK) return 0;
      end = bytes.length; // one line longer than a chunk: shown in pieces
    }
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (bytes[i] != '\n' && i != end - 1) continue;
      int lineEnd = bytes[i] == '\n' ? i : i + 1;
      String line = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
      if (wanted.test(line)) out.println(prefix + line);
      lineStart = i + 1;
    }
    return end;
  }

  static String shortName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
  }
}
