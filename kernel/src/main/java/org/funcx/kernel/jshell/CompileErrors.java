package org.funcx.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import org.funcx.kernel.spi.CompileError;

/**
 * Phrases JShell's diagnostics in the user's terms: the cell line, the message, the line of code
 * with a caret under the problem. JShell's own "location: class" lines name its hidden wrapper
 * classes and are left out.
 */
final class CompileErrors {
  private CompileErrors() {}

  /**
   * @param code the evaluated code the snippet is part of
   * @param snippetOffset where the snippet starts in {@code code}
   */
  static CompileError of(
      List<Diag> diagnostics, String code, int snippetOffset, SourceOrigin origin) {
    List<String> lines = new ArrayList<>();
    String headline = null;
    for (Diag diag : diagnostics) {
      if (!diag.isError()) continue;
      int offset = (int) Math.min(code.length(), snippetOffset + Math.max(0, diag.getPosition()));
      int line = SnippetSplitter.lineOf(code, offset);
      List<String> message = messageLines(diag);
      String first = origin.at(line) + ": " + message.get(0);
      if (headline == null) headline = first;
      lines.add(first);
      message.subList(1, message.size()).forEach(m -> lines.add("  " + m.strip()));
      int lineStart = code.lastIndexOf('\n', offset - 1) + 1;
      int lineEnd = code.indexOf('\n', offset);
      String lineText = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
      lines.add("    " + lineText.stripTrailing());
      lines.add("    " + caret(lineText, offset - lineStart));
    }
    if (headline == null) {
      headline = origin.label() + ": the code was rejected without a diagnostic";
      lines.add(headline);
    }
    return new CompileError(headline, lines);
  }

  private static List<String> messageLines(Diag diag) {
    List<String> lines =
        new ArrayList<>(
            diag.getMessage(Locale.ROOT)
                .lines()
                .filter(l -> !l.strip().equals("location: class"))
                .toList());
    if (lines.isEmpty()) lines.add(diag.getCode());
    return lines;
  }

  private static String caret(String lineText, int column) {
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column && i < lineText.length(); i++) {
      caret.append(lineText.charAt(i) == '\t' ? '\t' : ' ');
    }
    return caret.append('^').toString();
  }
}
