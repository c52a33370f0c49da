package org.funcx.magics.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.kernel.spi.MagicException;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;

/**
 * Assembles the source of a notebook method for the service: every import of the notebook, the
 * method (all overloads), and the notebook's methods and classes it mentions, transitively, in the
 * order they were defined. Notebook variables are not included: a function runs elsewhere and
 * cannot see them; pass their values as arguments.
 */
public final class SourceCollector {
  /** The assembled source and the declarations it is made of. */
  public record Collected(
      String source, List<SnippetInfo> imports, List<SnippetInfo> helpers, SourceMap map) {}

  private SourceCollector() {}

  public static Collected collect(String method, List<SnippetInfo> snippets) {
    Map<String, List<SnippetInfo>> declared = new HashMap<>();
    for (SnippetInfo s : snippets) {
      if (s.kind() == SnippetKind.METHOD || s.kind() == SnippetKind.CLASS) {
        declared.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
      }
    }
    List<SnippetInfo> roots =
        declared.getOrDefault(method, List.of()).stream()
            .filter(s -> s.kind() == SnippetKind.METHOD)
            .toList();
    if (roots.isEmpty()) throw new MagicException(noSuchMethod(method, snippets));
    Set<String> included = new LinkedHashSet<>();
    Deque<SnippetInfo> work = new ArrayDeque<>(roots);
    roots.forEach(r -> included.add(r.id()));
    while (!work.isEmpty()) {
      for (String name : JavaIdentifiers.in(work.pop().source())) {
        for (SnippetInfo dependency : declared.getOrDefault(name, List.of())) {
          if (included.add(dependency.id())) work.push(dependency);
        }
      }
    }
    List<SnippetInfo> imports =
        snippets.stream().filter(s -> s.kind() == SnippetKind.IMPORT).toList();
    List<SnippetInfo> body = snippets.stream().filter(s -> included.contains(s.id())).toList();
    StringBuilder source = new StringBuilder();
    for (SnippetInfo i : imports) {
      String text = i.source().strip();
      source.append(text.endsWith(";") ? text : text + ";").append('\n');
    }
    List<SourceMap.Span> spans = new ArrayList<>();
    int line = imports.size() + 1;
    for (SnippetInfo s : body) {
      String text = s.source().strip();
      int lines = (int) text.lines().count();
      spans.add(new SourceMap.Span(line + 1, lines, describe(s), 1));
      source.append('\n').append(text).append('\n');
      line += lines + 1;
    }
    List<SnippetInfo> helpers = body.stream().filter(s -> !s.name().equals(method)).toList();
    return new Collected(source.toString(), imports, helpers, new SourceMap(method, spans));
  }

  private static String describe(SnippetInfo s) {
    return (s.kind() == SnippetKind.METHOD ? "method " : "class ") + s.name();
  }

  private static String noSuchMethod(String method, List<SnippetInfo> snippets) {
    List<String> methods =
        snippets.stream()
            .filter(s -> s.kind() == SnippetKind.METHOD)
            .map(SnippetInfo::name)
            .distinct()
            .toList();
    return "no method named "
        + method
        + " is defined in this notebook; define it in a cell"
        + " first"
        + (methods.isEmpty() ? "" : " (methods defined: " + String.join(", ", methods) + ")");
  }
}
