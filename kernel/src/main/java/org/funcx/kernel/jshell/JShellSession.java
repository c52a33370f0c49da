package org.funcx.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.lang.model.SourceVersion;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.funcx.jvm.StoppedError;
import org.funcx.kernel.spi.CellError;
import org.funcx.kernel.spi.CompileError;
import org.funcx.kernel.spi.InterruptedCellError;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.UserCodeError;

/**
 * The user's JShell: evaluates code snippet by snippet in this JVM and turns JShell's events into
 * values or typed cell errors. Not thread-safe: one cell (or the magic it runs) uses it at a time.
 */
public final class JShellSession implements AutoCloseable {
  private final JShell jshell;
  private final InProcessExecution execution;
  private final UserThreads threads;
  private final DeclarationMirror mirror;
  private final Map<String, SourceOrigin> origins = new ConcurrentHashMap<>();

  /** Snippets the kernel made for itself; hidden from {@link #declarations()}. */
  private final Set<String> internalSnippets = ConcurrentHashMap.newKeySet();

  private JShellSession(
      JShell jshell, InProcessExecution execution, UserThreads threads, String classpath) {
    this.jshell = jshell;
    this.execution = execution;
    this.threads = threads;
    this.mirror = new DeclarationMirror(classpath, DeclarationMirror.MAX_SCRATCH_SNIPPETS);
  }

  /**
   * A JShell whose code sees {@code classpath} (this JVM's classes) and starts with
   * {@code imports} (listed as the user's declarations) and {@code internalImports} (not listed).
   */
  public static JShellSession start(
      UserThreads threads, String classpath, List<String> imports, List<String> internalImports) {
    InProcessExecution execution = new InProcessExecution(threads);
    JShell jshell =
        JShell.builder().executionEngine(new InProcessEngine(execution), Map.of()).build();
    jshell.addToClasspath(classpath);
    JShellSession session = new JShellSession(jshell, execution, threads, classpath);
    SourceOrigin startup = new SourceOrigin("kernel start-up", 1);
    imports.forEach(i -> session.eval(i, startup));
    for (String i : internalImports) {
      session.eval(i, startup);
      jshell.snippets().reduce((a, b) -> b).ifPresent(s -> session.internalSnippets.add(s.id()));
    }
    return session;
  }

  /**
   * Evaluates code that may hold several snippets and returns the last snippet's value when it is
   * an expression.
   *
   * @throws CompileError for the first snippet that does not compile (earlier ones stay defined)
   * @throws UserCodeError when a snippet throws
   * @throws InterruptedCellError when the user interrupted
   */
  public Optional<SnippetValue> eval(String code, SourceOrigin origin) {
    SnippetSplitter.Split split = SnippetSplitter.split(jshell.sourceCodeAnalysis(), code);
    Optional<SnippetValue> last = Optional.empty();
    try {
      for (SnippetSplitter.Piece piece : split.pieces()) {
        if (threads.interruptRequested()) throw interrupted(origin, null);
        last = evalPiece(code, piece, origin);
      }
    } finally {
      execution.discardValues();
    }
    if (!split.incompleteRest().isBlank()) {
      String rest = split.incompleteRest();
      int line =
          SnippetSplitter.lineOf(
              code, split.restOffset() + rest.length() - rest.stripLeading().length());
      String message =
          origin.at(line)
              + ": the code ends before the statement or declaration"
              + " starting here is complete";
      throw new CompileError(
          message,
          List.of(message, "    " + split.incompleteRest().strip().lines().findFirst().orElse("")));
    }
    return last;
  }

  private Optional<SnippetValue> evalPiece(
      String code, SnippetSplitter.Piece piece, SourceOrigin origin) {
    List<SnippetEvent> events = jshell.eval(piece.source());
    Optional<SnippetValue> value = Optional.empty();
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) continue;
      Snippet snippet = event.snippet();
      origins.put(snippet.id(), origin.shiftedBy(SnippetSplitter.lineOf(code, piece.offset()) - 1));
      if (event.status() == Snippet.Status.REJECTED) {
        throw CompileErrors.of(jshell.diagnostics(snippet).toList(), code, piece.offset(), origin);
      }
      if (event.exception() != null) {
        if (threads.interruptRequested() || stopped(event.exception())) {
          throw interrupted(origin, event.exception());
        }
        if (event.exception() instanceof EvalException thrown) {
          Optional<CellError> helperError = execution.takeCellError(thrown);
          if (helperError.isPresent()) throw helperError.get();
        }
        throw new UserCodeError(
            UserStackTrace.headline(event.exception()),
            event.exception(),
            UserStackTrace.format(event.exception(), origins::get));
      }
      if (threads.interruptRequested()) throw interrupted(origin, null);
      noteUnresolved(snippet, event);
      if (isExpression(snippet)) value = execution.take(event.value());
    }
    return value;
  }

  private InterruptedCellError interrupted(SourceOrigin origin, Throwable where) {
    String message = origin.label() + " was interrupted";
    if (where != null) {
      message += UserStackTrace.firstUserFrame(where, origins::get).map(f -> " at " + f).orElse("");
    }
    return threads.interruptedError(message);
  }

  /** Code ended by its scope's checkpoint was interrupted, whatever the cell's flag says. */
  private static boolean stopped(Throwable thrown) {
    return thrown instanceof EvalException e
        && StoppedError.class.getName().equals(e.getExceptionClassName());
  }

  /** A method or class that refers to something not declared yet is defined, but not usable. */
  private void noteUnresolved(Snippet snippet, SnippetEvent event) {
    if (event.status() != Snippet.Status.RECOVERABLE_DEFINED
        && event.status() != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      return;
    }
    if (snippet instanceof DeclarationSnippet declaration) {
      List<String> missing = jshell.unresolvedDependencies(declaration).toList();
      System.err.println(
          "note: "
              + declaration.name()
              + " cannot be used until "
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " declared");
    }
  }

  private static boolean isExpression(Snippet snippet) {
    return switch (snippet.subKind()) {
      case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
      default -> false;
    };
  }

  /** The active declarations the user made, oldest first (see {@code KernelContext}). */
  public List<SnippetInfo> declarations() {
    return activeDeclarations().stream().filter(d -> !internalSnippets.contains(d.id())).toList();
  }

  /** Every active declaration, the kernel's own imports too, oldest first. */
  private List<SnippetInfo> activeDeclarations() {
    List<SnippetInfo> out = new ArrayList<>();
    jshell
        .snippets()
        .filter(s -> jshell.status(s).isActive())
        .forEach(s -> Declarations.describe(s).ifPresent(out::add));
    return out;
  }

  /** Declares {@code name} of {@code type} (null: inferred from the value) holding the value. */
  public void declareVariable(String name, Class<?> type, Object value) {
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new IllegalArgumentException("not a Java variable name: " + name);
    }
    Class<?> declared = type != null ? type : VariableTypes.declaredType(value);
    String key = ValueHandoff.park(value);
    try {
      String typeName = declared.getCanonicalName();
      eval(
          typeName
              + " "
              + name
              + " = ("
              + typeName
              + ") "
              + ValueHandoff.class.getName()
              + ".take(\""
              + key
              + "\");",
          new SourceOrigin("variable " + name, 1));
    } finally {
      ValueHandoff.discard(key);
    }
  }

  /** Puts {@code jar} on the class path of the code compiled and run from now on. */
  public void addToClasspath(java.nio.file.Path jar) {
    jshell.addToClasspath(jar.toString());
    mirror.addToClasspath(jar.toString());
  }

  /** The analysis of this session's state, for code that needs nothing a cell has not run. */
  public SourceCodeAnalysis analysis() {
    return jshell.sourceCodeAnalysis();
  }

  /**
   * Runs {@code work}, which answers about {@code snippet}, with an analysis that knows this
   * session's declarations and those in {@code earlierCellCode} (the cell's code above the
   * snippet), which are compiled but never run (see {@link DeclarationMirror}).
   */
  public <T> T analyseWith(
      String earlierCellCode, String snippet, Function<SourceCodeAnalysis, T> work) {
    if (earlierCellCode.isBlank()) return work.apply(analysis());
    return mirror.withDeclared(activeDeclarations(), earlierCellCode, snippet, work);
  }

  /**
   * Called when a cell has ended: once completion has used the declaration mirror, it compiles
   * the session's new declarations now, on its own thread, while the user reads the output.
   */
  public void cellEnded() {
    if (mirror.inUse()) mirror.prepareLater(activeDeclarations());
  }

  @Override
  public void close() {
    mirror.close();
    jshell.close();
  }
}
