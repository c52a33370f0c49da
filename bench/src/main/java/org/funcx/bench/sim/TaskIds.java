package org.funcx.bench.sim;

/**
 * Task ids shaped like the service's (36-character UUIDs) that carry a sequence number in their
 * last twelve digits: simulators check that every task is answered exactly once with a bit set
 * instead of a map, keeping their own cost out of the figures.
 */
public final class TaskIds {
  private static final String PREFIX = "00000000-0000-4000-8000-";
  private static final int DIGITS = 12;

  private TaskIds() {}

  public static String of(long sequence) {
    char[] id = new char[PREFIX.length() + DIGITS];
    PREFIX.getChars(0, PREFIX.length(), id, 0);
    long rest = sequence;
    for (int i = id.length - 1; i >= PREFIX.length(); i--) {
      id[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(id);
  }

  /** The sequence number of an id made by {@link #of}; -1 for any other id. */
  public static long sequenceOf(String id) {
    if (id == null || id.length() != PREFIX.length() + DIGITS || !id.startsWith(PREFIX)) return -1;
    try {
      return Long.parseLong(id, PREFIX.length(), id.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
