package org.funcx.kernel.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells executed since the kernel started, kept in memory. Earlier sessions are not kept, so
 * this is session 1 and requests for other sessions find nothing. Thread-safe.
 */
public final class SessionHistory implements HistoryManager {
  /** The number this session reports; Jupyter also accepts 0 for "the current session". */
  public static final int SESSION = 1;

  private record Cell(int number, String input, String output) {}

  private final List<Cell> cells = new ArrayList<>();

  /** Records an executed cell; {@code output} is its result as text, empty when it had none. */
  public synchronized void add(int executionCount, String input, String output) {
    cells.add(new Cell(executionCount, input, output == null ? "" : output));
  }

  @Override
  public synchronized List<HistoryEntry> lookupRange(
      int session, int start, int stop, Set<ResultFlag> flags) {
    if (session != 0 && session != SESSION) return List.of();
    return cells.stream()
        .filter(c -> c.number() >= start && (stop <= 0 || c.number() < stop))
        .map(c -> entry(c, flags))
        .toList();
  }

  @Override
  public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
    int from = Math.max(0, cells.size() - Math.max(0, length));
    return cells.subList(from, cells.size()).stream().map(c -> entry(c, flags)).toList();
  }

  @Override
  public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
    Pattern glob = Glob.toPattern(pattern);
    List<Cell> matching = cells.stream().filter(c -> glob.matcher(c.input()).matches()).toList();
    if (flags.contains(ResultFlag.UNIQUE)) {
      Map<String, Cell> latest = new LinkedHashMap<>();
      for (Cell c : matching) {
        latest.remove(c.input());
        latest.put(c.input(), c);
      }
      matching = new ArrayList<>(latest.values());
    }
    int from = length > 0 ? Math.max(0, matching.size() - length) : 0;
    return matching.subList(from, matching.size()).stream().map(c -> entry(c, flags)).toList();
  }

  private static HistoryEntry entry(Cell cell, Set<ResultFlag> flags) {
    String output = flags.contains(ResultFlag.INCLUDE_OUTPUT) ? cell.output() : null;
    return new HistoryEntry(SESSION, cell.number(), cell.input(), output);
  }
}
