package org.funcx.kernel.history;

import java.util.regex.Pattern;

/**
 * The glob syntax Jupyter's history search uses (SQLite's GLOB): {@code *} any text, {@code ?} one
 * character, {@code [a-z]} and {@code [^a-z]} character classes; the whole input must match.
 */
final class Glob {
  private Glob() {}

  static Pattern toPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
        int end = glob.indexOf(']', i + 2);
        String body = glob.substring(i + 1, end);
        boolean negated = body.startsWith("^");
        if (negated) body = body.substring(1);
        regex
            .append('[')
            .append(negated ? "^" : "")
            .append(body.replace("\\", "\\\\").replace("[", "\\["))
            .append(']');
        i = end;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
