package org.funcx.kernel.jshell;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes a Java object from the kernel into a variable of the user's JShell: the kernel parks the
 * object under a key and evaluates {@code T name = (T) ValueHandoff.take(key);}. Public because the
 * generated snippet calls it; not meant for user code.
 */
public final class ValueHandoff {
  private static final Map<String, Object[]> PARKED = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT_KEY = new AtomicLong();

  private ValueHandoff() {}

  static String park(Object value) {
    String key = "v" + NEXT_KEY.incrementAndGet();
    PARKED.put(key, new Object[] {value});
    return key;
  }

  /** Removes and returns the parked value. */
  public static Object take(String key) {
    Object[] box = PARKED.remove(key);
    if (box == null) throw new NoSuchElementException("no value parked under " + key);
    return box[0];
  }

  static void discard(String key) {
    PARKED.remove(key);
  }
}
