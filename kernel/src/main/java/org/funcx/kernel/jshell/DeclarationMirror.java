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
 * <p>A request mirrors only the session declarations its code can refer to
 * ({@link RelevantDeclarations}): the first one after 50 two-declaration cells took 4–7.6 s on
 * this shared machine when all were compiled. Once a request has used the mirror, the session
 * hands its declarations to {@link #prepareLater} after each cell, and the mirror compiles the
 * rest on its own thread, one at a time between requests. Before that, nothing runs in the
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
  private final ExecutorService preparer =
      Executors.newSingleThreadExecutor(
          task -> {
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

  /** The session declarations mirrored for the scratch's request(s). */
  private final Set<SnippetInfo> scratchNeeded = new HashSet<>();

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
   * Runs {@code work} with an analysis that knows the declarations in {@code cellCode} and those
   * of {@code sessionDeclarations} (the session's active ones, oldest first) that
   * {@code cellCode} or {@code snippet}, the code the answer is about, can refer to
   * ({@link RelevantDeclarations}); none of them runs. The cell's declarations stay in the mirror
   * until a request with other code or another session state comes, since Tab is pressed again
   * and again above the same lines.
   */
  synchronized <T> T withDeclared(
      List<SnippetInfo> sessionDeclarations,
      String cellCode,
      String snippet,
      Function<SourceCodeAnalysis, T> work) {
    inUse = true;
    try {
      JShell shell = shell();
      List<SnippetInfo> needed =
          RelevantDeclarations.of(sessionDeclarations, cellCode + "\n" + snippet);
      if (!cellCode.equals(scratchCode)
          || !sessionDeclarations.equals(scratchSession)
          || !scratchNeeded.containsAll(needed)) {
        dropScratch();
        forgetRemoved(shell, sessionDeclarations);
        needed.forEach(declaration -> mirrorOne(shell, declaration));
        declareCellCode(shell, cellCode);
        scratchCode = cellCode;
        scratchSession = List.copyOf(sessionDeclarations);
        scratchNeeded.addAll(needed);
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
   * Mirrors all of {@code sessionDeclarations} soon on the mirror's thread; compiles, never
   * runs. A call while one is waiting replaces it.
   */
  void prepareLater(List<SnippetInfo> sessionDeclarations) {
    if (pending.getAndSet(sessionDeclarations) != null) return;
    try {
      preparer.execute(this::preparePending);
    } catch (RejectedExecutionException closed) {
      pending.set(null);
    }
  }

  /**
   * One declaration at a time, so that a request waits for one compilation at most. A request
   * in between leaves its cell's declarations on top; they are dropped before going on, since
   * mirroring one they overwrote would hide it.
   */
  private void preparePending() {
    List<SnippetInfo> declarations = pending.getAndSet(null);
    if (declarations == null) return;
    try {
      synchronized (this) {
        if (closed) return;
        dropScratch();
        forgetRemoved(shell(), declarations);
      }
      for (SnippetInfo declaration : declarations) {
        if (pending.get() != null) return; // a newer state is queued; its run goes on
        synchronized (this) {
          if (closed) return;
          dropScratch();
          mirrorOne(shell(), declaration);
        }
      }
    } catch (RuntimeException e) {
      log.warn("mirroring the session's declarations failed; the mirror starts over", e);
      synchronized (this) {
        rebuild();
      }
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

  /** Drops the copies of declarations the session replaced or dropped. */
  private void forgetRemoved(JShell shell, List<SnippetInfo> sessionDeclarations) {
    Set<String> current = new HashSet<>();
    sessionDeclarations.forEach(d -> current.add(d.id()));
    mirrored
        .entrySet()
        .removeIf(
            entry -> {
              if (current.contains(entry.getKey())) return false;
              if (shell.status(entry.getValue()).isActive()) shell.drop(entry.getValue());
              return true;
            });
  }

  /** Declares a copy of {@code declaration} unless an active one is there (not overwritten). */
  private void mirrorOne(JShell shell, SnippetInfo declaration) {
    Snippet copy = mirrored.get(declaration.id());
    if (copy != null && shell.status(copy).isActive()) return;
    List<Snippet> made = declare(shell, declaration.source());
    if (!made.isEmpty()) mirrored.put(declaration.id(), made.get(0));
  }

  private void declareCellCode(JShell shell, String cellCode) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    for (SnippetSplitter.Piece piece : SnippetSplitter.split(analysis, cellCode).pieces()) {
      boolean declares =
          analysis.sourceToSnippets(piece.source()).stream()
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
    scratchNeeded.clear();
  }

  private void rebuild() {
    rebuilds++;
    mirrored.clear();
    scratch.clear();
    scratchCode = null;
    scratchSession = null;
    scratchNeeded.clear();
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
