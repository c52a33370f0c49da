package org.funcx.kernel.jshell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.funcx.kernel.spi.SnippetInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second JShell, on a {@link CompileOnlyEngine}, for completion and inspection that know what
 * a cell declares above the cursor before the cell has run. JShell's analysis only sees
 * declarations its JShell holds, and declaring them in the user's JShell would run initializers
 * and overwrite the user's variables. So this JShell mirrors the session's declarations (compiled
 * again, incrementally, never run) and declares the cell's snippets above the cursor on top, until
 * a request with other code or a cell's evaluation drops them. Imports, methods, classes and
 * variables are declared exactly as JShell would; statements and expressions declare nothing and
 * are skipped.
 *
 * <p>Once a request has used the mirror, the session hands its declarations to
 * {@link #prepareLater} after each cell, and the mirror compiles them on its own thread, so that
 * a Tab after many cells does not wait for all of them (measured: 3.9 s for the first request
 * after 50 two-declaration cells without it, 60 ms with it). Before that, nothing runs in the
 * background: a notebook that never completes above declarations pays nothing, and a running
 * cell does not share the CPU with the mirror's compiler (test_interrupt interrupts cells
 * 0.3 s after their last line starts).
 *
 * <p>JShell keeps every snippet it was given, dropped ones too, so after
 * {@link #MAX_SCRATCH_SNIPPETS} snippets beyond the mirrored ones the JShell is rebuilt.
 */
final class DeclarationMirror implements AutoCloseable {
  /** Snippets declared for requests (dropped, but kept by JShell) before the mirror is rebuilt. */
  static final int MAX_SCRATCH_SNIPPETS = 2_000;
  private static final Logger log = LoggerFactory.getLogger(DeclarationMirror.class);
  private final ExecutorService preparer = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "kernel-declaration-mirror");
    thread.setDaemon(true);
    return thread;
  });
  /** The newest declarations waiting for {@link #preparer}; older ones are skipped. */
  private final AtomicReference<List<SnippetInfo>> pending = new AtomicReference<>();
  private final String classpath;
  private final int maxScratchSnippets;
  private final List<String> addedClasspath = new ArrayList<>();
  /** The mirror's snippet for each session snippet id. */
  private final Map<String, Snippet> mirrored = new HashMap<>();
  /** The declarations of the last request's cell code, declared on top of the mirror. */
  private final List<Snippet> scratch = new ArrayList<>();
  private String scratchCode;
  private List<SnippetInfo> scratchSession;
  /** Null until a request needs it, and again after a rebuild. */
  private JShell jshell;
  private int evaluated;
  private int rebuilds;
  private boolean closed;
  /** Set by the first request; until then nothing is prepared in the background. */
  private volatile boolean inUse;

  DeclarationMirror(String classpath, int maxScratchSnippets) {
    this.classpath = classpath;
    this.maxScratchSnippets = maxScratchSnippets;
  }

  /**
   * Runs {@code work} with an analysis that knows {@code sessionDeclarations} (the session's
   * active declarations, oldest first) and the declarations in {@code cellCode}, none of which
   * runs. The cell's declarations stay in the mirror until a request with other code or another
   * session state comes, since Tab is pressed again and again above the same lines.
   */
  synchronized <T> T withDeclared(List<SnippetInfo> sessionDeclarations, String cellCode,
      Function<SourceCodeAnalysis, T> work) {
    inUse = true;
    try {
      JShell shell = shell();
      if (!cellCode.equals(scratchCode) || !sessionDeclarations.equals(scratchSession)) {
        dropScratch();
        mirror(shell, sessionDeclarations);
        declareCellCode(shell, cellCode);
        scratchCode = cellCode;
        scratchSession = List.copyOf(sessionDeclarations);
      }
      return work.apply(shell.sourceCodeAnalysis());
    } catch (RuntimeException e) {
      rebuild(); // the mirror's state is unknown now; start over on the next request
      throw e;
    } finally {
      if (evaluated - mirrored.size() > maxScratchSnippets) rebuild();
    }
  }

  /**
   * Mirrors {@code sessionDeclarations} soon on the mirror's thread; compiles, never runs. A call
   * while one is waiting replaces it.
   */
  void prepareLater(List<SnippetInfo> sessionDeclarations) {
    if (pending.getAndSet(sessionDeclarations) != null) return;
    try {
      preparer.execute(this::preparePending);
    } catch (RejectedExecutionException closed) {
      pending.set(null);
    }
  }

  private synchronized void preparePending() {
    List<SnippetInfo> declarations = pending.getAndSet(null);
    if (declarations == null) return;
    try {
      dropScratch();
      mirror(shell(), declarations);
    } catch (RuntimeException e) {
      log.warn("mirroring the session's declarations failed; the mirror starts over", e);
      rebuild();
    }
  }

  /** True once a request has used the mirror. */
  boolean inUse() {
    return inUse;
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
    if (closed) throw new IllegalStateException("the kernel is shutting down");
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

  private void declareCellCode(JShell shell, String cellCode) {
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
  private void dropScratch() {
    for (int i = scratch.size() - 1; jshell != null && i >= 0; i--) {
      if (jshell.status(scratch.get(i)).isActive()) jshell.drop(scratch.get(i));
    }
    scratch.clear();
    scratchCode = null;
    scratchSession = null;
  }

  private void rebuild() {
    rebuilds++;
    mirrored.clear();
    scratch.clear();
    scratchCode = null;
    scratchSession = null;
    evaluated = 0;
    if (jshell != null) {
      JShell old = jshell;
      jshell = null;
      old.close();
    }
  }

  @Override
  public void close() {
    preparer.shutdownNow();
    synchronized (this) {
      closed = true;
      if (jshell != null) jshell.close();
      jshell = null;
    }
  }
}
