package org.funcx.arrow.internal.render;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Formats one decoded value for display, shortened to a maximum number of characters. */
public final class CellText {
  private static final int MAX_BINARY_BYTES = 32;

  private CellText() {}

  /**
   * Unescaped display text; longer text ends with an ellipsis and is exactly {@code maxChars} long.
   */
  public static String format(Object value, int maxChars) {
    String text = plain(value);
    if (text.length() <= maxChars) return text;
    return text.substring(0, Math.max(0, maxChars - 1)) + "…";
  }

  private static String plain(Object value) {
    if (value == null) return "null";
    if (value instanceof byte[] bytes) return binary(bytes);
    if (value instanceof List<?> list) {
      return list.stream().map(CellText::plain).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(entry -> entry.getKey() + ": " + plain(entry.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  private static String binary(byte[] bytes) {
    int shown = Math.min(bytes.length, MAX_BINARY_BYTES);
    String hex = HexFormat.of().formatHex(bytes, 0, shown);
    return "0x" + hex + (shown < bytes.length ? "… (" + bytes.length + " bytes)" : "");
  }
}
