package org.funcx.arrow.internal.schema;

import java.lang.reflect.Array;
import java.util.function.Function;

/** Reads array elements by index without reflection for the common primitive arrays. */
final class ArrayElements {
  private ArrayElements() {}

  /**
   * A function from a row index ({@code Integer}) to the element at that index of {@code array}.
   */
  static Function<Object, Object> byIndex(Object array) {
    if (array instanceof long[] longs) return i -> longs[(Integer) i];
    if (array instanceof double[] doubles) return i -> doubles[(Integer) i];
    if (array instanceof int[] ints) return i -> ints[(Integer) i];
    if (array instanceof Object[] objects) return i -> objects[(Integer) i];
    return i -> Array.get(array, (Integer) i);
  }
}
