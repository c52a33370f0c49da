package org.funcx.core.exec;

/**
 * The user's source wrapped into a compilable class without moving a single line: leading imports
 * stay where they are, the class header ({@code public class Name} and an opening brace) is inserted
 * in front of the first declaration on the same line, and a newline plus closing brace is appended.
 * Line numbers in diagnostics and stack traces are therefore the user's own; only columns on the
 * insertion line shift, and {@link #userOffset} undoes that.
 */
final class WrappedSource {
  private final String userSource;
  private final String className;
  private final String text;
  private final int insertAt;
  private final int prefixLength;

  private WrappedSource(String userSource, String className, int insertAt) {
    String prefix = "public class " + className + " { ";
    this.userSource = userSource;
    this.className = className;
    this.insertAt = insertAt;
    this.prefixLength = prefix.length();
    this.text = userSource.substring(0, insertAt) + prefix + userSource.substring(insertAt) + "\n}";
  }

  static WrappedSource wrap(String userSource, String className) {
    return new WrappedSource(userSource, className, firstDeclarationOffset(userSource));
  }

  /** The compilable text. */
  String text() {
    return text;
  }

  String className() {
    return className;
  }

  String userSource() {
    return userSource;
  }

  /**
   * Maps a character offset in {@link #text()} to the user's source: offsets inside the inserted
   * prefix map to the insertion point, offsets in the appended suffix to the end of the source.
   */
  int userOffset(long wrappedOffset) {
    if (wrappedOffset < insertAt) return (int) wrappedOffset;
    if (wrappedOffset < insertAt + prefixLength) return insertAt;
    return (int) Math.min(wrappedOffset - prefixLength, userSource.length());
  }

  /**
   * Offset of the first character that is neither whitespace, a comment, nor part of an {@code
   * import ...;} statement: where the class body must begin.
   */
  static int firstDeclarationOffset(String src) {
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (src.startsWith("//", i)) {
        int eol = src.indexOf('\n', i);
        i = eol < 0 ? src.length() : eol + 1;
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? src.length() : end + 2;
      } else if (startsWithKeyword(src, i, "import")) {
        int semicolon = src.indexOf(';', i);
        i = semicolon < 0 ? src.length() : semicolon + 1;
      } else {
        return i;
      }
    }
    return src.length();
  }

  private static boolean startsWithKeyword(String src, int at, String keyword) {
    int end = at + keyword.length();
    return src.startsWith(keyword, at)
        && (end == src.length() || !Character.isJavaIdentifierPart(src.charAt(end)));
  }
}
