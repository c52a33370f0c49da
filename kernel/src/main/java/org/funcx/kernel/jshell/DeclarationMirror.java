package org.funcx.kernel.jshell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.funcx.kernel.spi.SnippetInfo;

/**
 * A second JShell, on a {@link CompileOnlyEngine}, for completion and inspection that know what
 * a cell declares above the cursor before the cell has run. JShell's analysis only sees
 * declarations its JShell holds, and declaring them in the user's JShell would run initializers
 * and overwrite the user's variables. So this JShell mirrors the session's declarations (compiled
 * again, incrementally, never run) and, for one request, declares the cell's earlier snippets on
 * top, then drops them. Imports, methods, classes and variables are declared exactly as JShell
 * would; statements and expressions declare nothing and are skipped.
 *
 * <p>JShell keeps every snippet it was given, dropped ones too, so after
 * {@link #MAX_SCRATCH_SNIPPETS} snippets beyond the mirrored ones the JShell is rebuilt.
 */
final class DeclarationMirror implements AutoCloseable {
  /** Snippets declared for requests (dropped, but kept by JShell) before the mirror is rebuilt. */
  static final int MAX_SCRATCH_SNIPPETS = 2_000;
  private final String classpath;
  private final int maxScratchSnippets;
  private final List<String> addedClasspath = new ArrayList<>();
  /** The mirror's snippet for each session snippet id. */
  private final Map<String, Snippet> mirrored = new HashMap<>();
  /** Null until a request needs it, and again after a rebuild. */
  private JShell jshell;
  private int evaluated;
  private int rebuilds;

  DeclarationMirror(String classpath, int maxScratchSnippets) {
    this.classpath = classpath;
    this.maxScratchSnippets = maxScratchSnippets;
  }

  /**
   * Runs {@code work} with an analysis that knows {@code sessionDeclarations} (the session's
   * active declarations, oldest first) and the declarations in {@code cellCode}, none of which
   * runs.
   */
  synchronized <T> T withDeclared(List<SnippetInfo> sessionDeclarations, String cellCode,
      Function<SourceCodeAnalysis, T> work) {
    List<Snippet> scratch = new ArrayList<>();
    try {
      JShell shell = shell();
      mirror(shell, sessionDeclarations);
      declareCellCode(shell, cellCode, scratch);
      return work.apply(shell.sourceCodeAnalysis());
    } catch (RuntimeException e) {
      rebuild(); // the mirror's state is unknown now; start over on the next request
      scratch.clear();
      throw e;
    } finally {
      dropAll(scratch);
      if (evaluated - mirrored.size() > maxScratchSnippets) rebuild();
    }
  }

  /** Code compiled from now on also sees {@code path}. */
  synchronized void addToClasspath(String path) {
    addedClasspath.add(path);
    if (jshell != null) jshell.addToClasspath(path);
  }

  /** How often the JShell was rebuilt (its snippet bound, or a failure). */
  synchronized int rebuilds() {
    return rebuilds;
  }

  private JShell shell() {
    if (jshell == null) {
      jshell = JShell.builder().executionEngine(new CompileOnlyEngine(), Map.of()).build();
      jshell.addToClasspath(classpath);
      addedClasspath.forEach(jshell::addToClasspath);
    }
    return jshell;
  }

  /**
   * Brings the mirror up to the session: declarations the session replaced or dropped are
   * dropped, new ones declared, and ones a request's scratch snippet overwrote declared again.
   */
  private void mirror(JShell shell, List<SnippetInfo> sessionDeclarations) {
    Set<String> wanted = new HashSet<>();
    sessionDeclarations.forEach(d -> wanted.add(d.id()));
    mirrored.entrySet().removeIf(entry -> {
      if (wanted.contains(entry.getKey())) return false;
      if (shell.status(entry.getValue()).isActive()) shell.drop(entry.getValue());
      return true;
    });
    for (SnippetInfo declaration : sessionDeclarations) {
      Snippet copy = mirrored.get(declaration.id());
      if (copy != null && shell.status(copy).isActive()) continue;
      List<Snippet> made = declare(shell, declaration.source());
      if (!made.isEmpty()) mirrored.put(declaration.id(), made.get(0));
    }
  }

  private void declareCellCode(JShell shell, String cellCode, List<Snippet> scratch) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    for (SnippetSplitter.Piece piece : SnippetSplitter.split(analysis, cellCode).pieces()) {
      boolean declares = analysis.sourceToSnippets(piece.source()).stream()
          .anyMatch(s -> Declarations.describe(s).isPresent());
      if (declares) scratch.addAll(declare(shell, piece.source()));
    }
  }

  /** Compiles {@code source} in the mirror; the snippets it made that are now active. */
  private List<Snippet> declare(JShell shell, String source) {
    List<Snippet> made = new ArrayList<>();
    evaluated++;
    for (SnippetEvent event : shell.eval(source)) {
      if (event.causeSnippet() == null && event.status().isActive()) made.add(event.snippet());
    }
    return made;
  }

  /** Newest first, so each drop leaves the mirror as it was before that snippet. */
  private void dropAll(List<Snippet> scratch) {
    if (jshell == null) return;
    for (int i = scratch.size() - 1; i >= 0; i--) {
      if (jshell.status(scratch.get(i)).isActive()) jshell.drop(scratch.get(i));
    }
  }

  private void rebuild() {
    rebuilds++;
    mirrored.clear();
    evaluated = 0;
    if (jshell != null) {
      JShell old = jshell;
      jshell = null;
      old.close();
    }
  }

  @Override
  public synchronized void close() {
    if (jshell != null) jshell.close();
    jshell = null;
  }
}
