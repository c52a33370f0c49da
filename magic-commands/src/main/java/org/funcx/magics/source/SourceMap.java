package org.funcx.magics.source;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the lines of a registered function's source came from in the notebook. The service and
 * workers number lines of the source they received (imports and helpers included); this turns
 * those numbers back into lines the user can find.
 *
 * @param entryName the function's entry point; remote frames name their file after it
 */
public record SourceMap(String entryName, List<Span> spans) {
  /**
   * Source lines {@code firstLine .. firstLine + lineCount - 1} are lines {@code labelFirstLine..}
   * of what {@code label} names, e.g. {@code method cube} or {@code cell}.
   */
  public record Span(int firstLine, int lineCount, String label, int labelFirstLine) {}

  /** A function whose source is a cell's body: source line 1 is the cell's line 2. */
  public static SourceMap cellBody(String entryName, String body) {
    return new SourceMap(entryName, List.of(new Span(1, (int) body.lines().count(), "cell", 2)));
  }

  /** E.g. {@code method cube line 2} for a source line inside cube's definition. */
  public Optional<String> describe(int sourceLine) {
    for (Span s : spans) {
      if (sourceLine >= s.firstLine() && sourceLine < s.firstLine() + s.lineCount()) {
        return Optional.of(
            s.label() + " line " + (s.labelFirstLine() + sourceLine - s.firstLine()));
      }
    }
    return Optional.empty();
  }

  /**
   * Adds the notebook location to each {@code line N} of compiler diagnostics, e.g.
   * {@code line 11 (method scale line 1)}.
   */
  public String annotateLines(String diagnostics) {
    Matcher m = Pattern.compile("\\bline (\\d+)\\b").matcher(diagnostics);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String where = describe(Integer.parseInt(m.group(1))).map(d -> " (" + d + ")").orElse("");
      m.appendReplacement(out, Matcher.quoteReplacement(m.group() + where));
    }
    return m.appendTail(out).toString();
  }

  /**
   * Appends the notebook location to each frame of a remote stack trace that is in the function's
   * own source, e.g. {@code at explode.explode(explode.java:13) [method explode line 3]}.
   */
  public String annotate(String trace) {
    Pattern frame = Pattern.compile("\\(" + Pattern.quote(entryName) + "\\.java:(\\d+)\\)");
    Matcher m = frame.matcher(trace);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String where = describe(Integer.parseInt(m.group(1))).map(d -> " [" + d + "]").orElse("");
      m.appendReplacement(out, Matcher.quoteReplacement(m.group() + where));
    }
    return m.appendTail(out).toString();
  }
}
