package org.funcx.arrow.internal.codec;

import java.util.Map;
import java.util.Set;

/** Guards map-shaped rows against keys the schema (derived from the first batch) does not have. */
public final class MapKeys {
  private MapKeys() {}

  /** Throws if {@code owner} is a map with a key outside {@code known}; other owners pass. */
  public static void requireKnown(Object owner, Set<String> known) {
    if (owner instanceof Map<?, ?> map && !known.containsAll(map.keySet())) {
      for (Object key : map.keySet()) {
        if (!known.contains(key)) {
          throw new IllegalArgumentException(
              "map key '" + key + "' is not among the keys of the first batch " + known);
        }
      }
    }
  }
}
