package org.funcx.core.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts results into RESULTS messages. Besides a count, what tasks printed is budgeted: up to
 * 1 MiB per stream per task, and escaped in JSON up to six bytes per character, it must stay
 * within the {@link WireLimits#MAX_FRAME_BYTES} room left beside the largest result. A message
 * always takes at least one result.
 */
public final class ResultBatches {
  /** Characters of printed output per message: one task's two full streams (≤ 12 MiB as JSON). */
  public static final long OUTPUT_CHARS_PER_MESSAGE = 2L << 20;

  private ResultBatches() {}

  /** The characters of printed output this result carries. */
  public static long outputChars(ResultEnvelope envelope) {
    Messages.TaskResult r = envelope.result();
    return (r.stdout() == null ? 0 : r.stdout().length())
        + (r.stderr() == null ? 0 : r.stderr().length());
  }

  /**
   * How many of {@code results}, from {@code from}, the next message takes: at most
   * {@code maxCount}, and no more printed output than {@link #OUTPUT_CHARS_PER_MESSAGE}.
   */
  public static int nextSize(List<ResultEnvelope> results, int from, int maxCount) {
    int end = Math.min(results.size(), from + maxCount);
    long output = 0;
    for (int i = from; i < end; i++) {
      output += outputChars(results.get(i));
      if (output > OUTPUT_CHARS_PER_MESSAGE && i > from) return i - from;
    }
    return end - from;
  }

  /** {@code results} cut into consecutive messages' worth (see {@link #nextSize}). */
  public static List<List<ResultEnvelope>> split(List<ResultEnvelope> results, int maxCount) {
    List<List<ResultEnvelope>> parts = new ArrayList<>();
    for (int from = 0; from < results.size(); ) {
      int n = nextSize(results, from, maxCount);
      parts.add(results.subList(from, from + n));
      from += n;
    }
    return parts;
  }
}
