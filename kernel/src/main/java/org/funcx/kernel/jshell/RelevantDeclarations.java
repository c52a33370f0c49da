package org.funcx.kernel.jshell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;

/**
 * The session declarations a piece of code can refer to: every import, and each declaration
 * whose name the code (or a declaration already chosen) spells, or starts to spell (a
 * half-typed name being completed). A superset by name, so a completion or inspection over these
 * answers as over all of them; it spares {@link DeclarationMirror} compiling a long session's
 * every declaration before its first answer.
 */
final class RelevantDeclarations {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private RelevantDeclarations() {}

  /** The chosen declarations, in session order. */
  static List<SnippetInfo> of(List<SnippetInfo> session, String code) {
    Set<SnippetInfo> chosen = new HashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> identifiers = new ArrayDeque<>(identifiers(code));
    for (SnippetInfo declaration : session) {
      if (declaration.kind() == SnippetKind.IMPORT) chosen.add(declaration);
    }
    while (!identifiers.isEmpty()) {
      String identifier = identifiers.pop();
      if (!seen.add(identifier)) continue;
      for (SnippetInfo declaration : session) {
        if (declaration.name().startsWith(identifier) && chosen.add(declaration)) {
          identifiers.addAll(identifiers(declaration.source()));
        }
      }
    }
    List<SnippetInfo> inOrder = new ArrayList<>();
    for (SnippetInfo declaration : session) {
      if (chosen.contains(declaration)) inOrder.add(declaration);
    }
    return inOrder;
  }

  private static Set<String> identifiers(String code) {
    Set<String> found = new HashSet<>();
    Matcher matcher = IDENTIFIER.matcher(code);
    while (matcher.find()) found.add(matcher.group());
    return found;
  }
}
