package org.funcx.kernel.display;

import java.util.Arrays;

/** The {@code text/plain} form of any value, which every output carries. */
public final class PlainText {
  private PlainText() {}

  /**
   * {@code String.valueOf}, except arrays are listed element by element, and a value whose
   * {@code toString} throws still gets a description instead of failing the cell.
   */
  public static String of(Object value) {
    try {
      if (value instanceof Object[] array) return Arrays.deepToString(array);
      if (value != null && value.getClass().isArray()) {
        return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
      }
      return String.valueOf(value);
    } catch (RuntimeException e) {
      return value.getClass().getName() + " (toString failed: " + e + ")";
    }
  }
}
