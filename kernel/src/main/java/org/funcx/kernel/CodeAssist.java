package org.funcx.kernel;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.funcx.kernel.jshell.JShellSession;
import org.funcx.kernel.magic.CellParser;
import org.funcx.kernel.magic.CellPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion, inspection and is-complete answers from JShell's {@link SourceCodeAnalysis}. Each
 * works on the snippet under the cursor (a cell may hold many) and knows magic lines. Completion
 * and inspection also know what the cell declares above the cursor, before it has run
 * ({@link JShellSession#analyseWith}).
 */
final class CodeAssist {
  private static final Logger log = LoggerFactory.getLogger(CodeAssist.class);
  private final JShellSession session;
  private final Supplier<Set<String>> magicNames;

  CodeAssist(JShellSession session, Supplier<Set<String>> magicNames) {
    this.session = session;
    this.magicNames = magicNames;
  }

  ReplacementOptions complete(String code, int cursor) {
    int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
    String linePrefix = code.substring(lineStart, cursor);
    if (linePrefix.matches("\\s*%.*")) {
      if (!linePrefix.matches("\\s*%%?\\w*")) {
        return new ReplacementOptions(List.of(), cursor, cursor); // no completion of arguments
      }
      int start = lineStart + linePrefix.indexOf('%');
      String typed = code.substring(start, cursor);
      List<String> names = magicNames.get().stream().filter(n -> n.startsWith(typed)).toList();
      return new ReplacementOptions(names, start, cursor);
    }
    int snippetStart = currentSnippetStart(code, cursor);
    String snippet = code.substring(snippetStart, cursor);
    int[] anchor = new int[1];
    List<String> matches =
        withCellAbove(
            code,
            snippetStart,
            snippet,
            analysis ->
                analysis.completionSuggestions(snippet, snippet.length(), anchor).stream()
                    .map(SourceCodeAnalysis.Suggestion::continuation)
                    .distinct()
                    .toList());
    return new ReplacementOptions(matches, snippetStart + anchor[0], cursor);
  }

  /** Signatures (and javadoc when the JDK has its sources) of what the cursor is on, or null. */
  DisplayData inspect(String code, int cursor) {
    int snippetStart = currentSnippetStart(code, cursor);
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
    String snippet = code.substring(snippetStart, end);
    String text =
        withCellAbove(code, snippetStart, snippet, analysis -> describe(analysis, snippet));
    if (text == null) return null;
    DisplayData data = new DisplayData();
    data.putText(text);
    return data;
  }

  private static String describe(SourceCodeAnalysis analysis, String snippet) {
    List<Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
    if (docs.isEmpty() && !snippet.endsWith("(")) {
      docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
    }
    if (!docs.isEmpty()) {
      return docs.stream()
          .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
          .collect(Collectors.joining("\n\n"));
    }
    String type = analysis.analyzeType(snippet, snippet.length());
    return type == null ? null : snippet.strip() + " : " + type;
  }

  /**
   * {@code work}, about {@code snippet}, on an analysis that knows the cell's Java code before
   * {@code snippetStart} (magic lines left out), compiled but not run. Should that fail, the
   * session's own analysis answers: completion must never cost the user a cell.
   */
  private <T> T withCellAbove(
      String code, int snippetStart, String snippet, Function<SourceCodeAnalysis, T> work) {
    String above = javaCode(code.substring(0, snippetStart));
    try {
      return session.analyseWith(above, snippet, work);
    } catch (RuntimeException e) {
      log.warn("completing with the cell's earlier declarations failed; using the session's", e);
      return work.apply(session.analysis());
    }
  }

  /** The Java parts of {@code cellPrefix}, without its magic lines. */
  private static String javaCode(String cellPrefix) {
    StringBuilder java = new StringBuilder();
    for (CellPart part : CellParser.parse(cellPrefix)) {
      if (part instanceof CellPart.JavaCode code) java.append(code.code()).append('\n');
    }
    return java.toString();
  }

  /** {@link BaseKernel#IS_COMPLETE_YES}, {@code _BAD}, or the indent for the next line. */
  String isComplete(String code) {
    List<CellPart> parts = CellParser.parse(code);
    if (parts.isEmpty() || !(parts.get(parts.size() - 1) instanceof CellPart.JavaCode java)) {
      return BaseKernel.IS_COMPLETE_YES;
    }
    String rest = java.code();
    boolean unknown = false;
    while (true) {
      SourceCodeAnalysis.CompletionInfo info = session.analysis().analyzeCompletion(rest);
      if (info.completeness() == Completeness.UNKNOWN) unknown = true;
      if (!info.completeness().isComplete()) {
        if (info.completeness() == Completeness.EMPTY) {
          return unknown ? BaseKernel.IS_COMPLETE_BAD : BaseKernel.IS_COMPLETE_YES;
        }
        return indentAfter(info.remaining());
      }
      rest = info.remaining();
    }
  }

  /**
   * Where the snippet holding the cursor starts: after the last magic line before the cursor and
   * after every complete snippet that is followed by more code before the cursor.
   */
  private int currentSnippetStart(String code, int cursor) {
    int start = 0;
    String prefix = code.substring(0, cursor);
    for (CellPart part : CellParser.parse(prefix)) {
      if (part instanceof CellPart.LineMagicCall call) {
        start = Math.max(start, nthLineStart(prefix, call.line() + 1));
      }
    }
    String rest = prefix.substring(start);
    while (true) {
      SourceCodeAnalysis.CompletionInfo info = session.analysis().analyzeCompletion(rest);
      if (!info.completeness().isComplete() || info.remaining().isBlank()) return start;
      start += rest.length() - info.remaining().length();
      rest = info.remaining();
    }
  }

  private static int nthLineStart(String text, int line) {
    int at = 0;
    for (int i = 1; i < line; i++) {
      int newline = text.indexOf('\n', at);
      if (newline < 0) return text.length();
      at = newline + 1;
    }
    return at;
  }

  private static String indentAfter(String incomplete) {
    int depth = 0;
    for (char c : incomplete.toCharArray()) {
      if (c == '{' || c == '(') depth++;
      if (c == '}' || c == ')') depth = Math.max(0, depth - 1);
    }
    return "    ".repeat(depth);
  }
}
