package org.funcx.service.store;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Task and task-group ids that are UUIDs (version 7 layout: Unix milliseconds first) whose text
 * sorts in the order they were made. The task store is a copy-on-write B-tree keyed by this text:
 * random ids land on a different leaf each, so a commit of 5,000 results rewrote nearly every leaf
 * of the map; ordered ids put a batch's tasks, and later their results, on a few neighbouring
 * leaves, and each new group on the groups maps' last leaf.
 *
 * <p>Within one millisecond a 20-bit sequence keeps ids increasing (past a million in one
 * millisecond the clock is borrowed from); 54 random bits keep ids of several service
 * instances apart. Thread-safe.
 */
public final class TaskIds {
  /** Mixed into the fast per-thread random numbers so that two processes started alike differ. */
  private static final long SALT = new SecureRandom().nextLong();

  private static final int SEQUENCE_BITS = 20;
  private static long lastMillis;
  private static long sequence;

  private TaskIds() {}

  public static String next() {
    long millis;
    long seq;
    synchronized (TaskIds.class) {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        sequence = 0;
      } else if (++sequence >= 1L << SEQUENCE_BITS) {
        lastMillis++;
        sequence = 0;
      }
      millis = lastMillis;
      seq = sequence;
    }
    long random = ThreadLocalRandom.current().nextLong() ^ SALT;
    long high = (millis << 16) | (0x7L << 12) | (seq >>> 8);
    long low = (0b10L << 62) | ((seq & 0xff) << 54) | (random & ((1L << 54) - 1));
    return new UUID(high, low).toString();
  }
}
