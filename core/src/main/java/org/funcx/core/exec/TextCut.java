package org.funcx.core.exec;

/**
 * Bounds on the error texts a task sends back, which user code controls as much as its result: an
 * exception message is cut at {@link #MAX_MESSAGE_CHARS}, with a marker saying how much was cut.
 */
final class TextCut {
  /** The longest exception message (or other user-made text) kept in a task's error. */
  static final int MAX_MESSAGE_CHARS = 64 * 1024;

  private TextCut() {}

  /** {@code text} itself when short enough, else its start and a marker; null stays null. */
  static String message(String text) {
    return cut(text, MAX_MESSAGE_CHARS);
  }

  static String cut(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) return text;
    return text.substring(0, maxChars)
        + " [... "
        + (text.length() - maxChars)
        + " more characters cut]";
  }
}
