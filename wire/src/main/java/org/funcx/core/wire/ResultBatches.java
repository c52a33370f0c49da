package org.funcx.core.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts results into RESULTS messages, for managers and the interchange alike. Besides a count
 * and {@link WireLimits#RESULT_BATCH_BYTES}, what tasks printed is budgeted: up to
 * 1 MiB per stream per task, and escaped in JSON up to six bytes per character, it must stay
 * within the {@link WireLimits#MAX_MESSAGE_BYTES} room left beside the largest result. A message
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
   * {@code maxCount}, {@link WireLimits#RESULT_BATCH_BYTES} of {@link ResultEnvelope#weightBytes()}
   * and {@link #OUTPUT_CHARS_PER_MESSAGE} of printed output; at least one.
   */
  public static int nextSize(List<ResultEnvelope> results, int from, int maxCount) {
    return nextSize(results, from, maxCount, WireLimits.RESULT_BATCH_BYTES);
  }

  static int nextSize(List<ResultEnvelope> results, int from, int maxCount, long maxBytes) {
    int end = Math.min(results.size(), from + maxCount);
    long bytes = 0;
    long output = 0;
    for (int i = from; i < end; i++) {
      bytes += results.get(i).weightBytes();
      output += outputChars(results.get(i));
      if (i > from && (bytes > maxBytes || output > OUTPUT_CHARS_PER_MESSAGE)) return i - from;
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
