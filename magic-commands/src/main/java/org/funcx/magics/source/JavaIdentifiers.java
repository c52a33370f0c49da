package org.funcx.magics.source;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The identifiers a piece of Java source mentions, outside comments, string and character
 * literals and text blocks: enough to tell which notebook declarations a method depends on.
 */
final class JavaIdentifiers {
  private JavaIdentifiers() {}

  static Set<String> in(String source) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = endOf(source, source.indexOf('\n', i), n);
      } else if (source.startsWith("/*", i)) {
        i = endOf(source, source.indexOf("*/", i + 2), n) + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        i = endOf(source, source.indexOf("\"\"\"", i + 3), n) + 3;
      } else if (c == '"' || c == '\'') {
        i = skipQuoted(source, i, c);
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) i++;
        names.add(source.substring(start, i));
      } else {
        i++;
      }
    }
    return names;
  }

  private static int endOf(String source, int found, int n) {
    return found < 0 ? n : found;
  }

  private static int skipQuoted(String source, int at, char quote) {
    int i = at + 1;
    while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
