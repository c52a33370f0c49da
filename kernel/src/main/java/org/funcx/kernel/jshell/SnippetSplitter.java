package org.funcx.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a cell's Java code into the single snippets JShell evaluates one at a time, remembering
 * where each starts in the cell so that errors can name cell lines.
 */
final class SnippetSplitter {
  /** One complete snippet, as JShell completed it (maybe with a {@code ;} added). */
  record Piece(String source, int offset) {}

  /**
   * @param pieces the complete snippets in order
   * @param incompleteRest trailing code that does not form a complete snippet; empty if none
   * @param restOffset where that trailing code starts
   */
  record Split(List<Piece> pieces, String incompleteRest, int restOffset) {}

  private SnippetSplitter() {}

  static Split split(SourceCodeAnalysis analysis, String code) {
    List<Piece> pieces = new ArrayList<>();
    String rest = code;
    int base = 0;
    while (true) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (!info.completeness().isComplete()) {
        String trailing = info.completeness() == Completeness.EMPTY ? "" : rest;
        return new Split(pieces, trailing, base);
      }
      String consumed = rest.substring(0, rest.length() - info.remaining().length());
      String source = info.source().stripLeading();
      pieces.add(new Piece(source, base + startWithin(consumed, source)));
      base += consumed.length();
      rest = info.remaining();
    }
  }

  /**
   * Where {@code source} (without leading blanks) starts inside the text it was made from; JShell
   * may have added a {@code ;} at its end, so only a prefix is searched.
   */
  private static int startWithin(String consumed, String source) {
    int at = consumed.indexOf(source.substring(0, Math.min(24, source.length())));
    return Math.max(0, at);
  }

  /** 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') line++;
    }
    return line;
  }
}
