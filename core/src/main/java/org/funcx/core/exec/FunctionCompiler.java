package org.funcx.core.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.jvm.StoppableBytecode;

/**
 * Compiles a function's Java source in memory with {@code javax.tools} and loads it in a class
 * loader of its own. Source, not bytecode, crosses the wire, so the worker's own JDK compiles it.
 * Compiling costs tens of milliseconds (hundreds for the first one in a JVM): callers on a hot path
 * go through {@link FunctionCache}. Safe to use from several threads; each compile is independent.
 *
 * <p>Compiled classes are instrumented with stop checkpoints ({@link StoppableBytecode}): a task run
 * inside a stopped {@code org.funcx.jvm.StopScope} throws {@code StoppedError} at its next loop
 * iteration or method call.
 *
 * <p>Without {@link FunctionLibraries}, user code sees the JDK and the worker's classpath
 * ({@code java.class.path}) at compile time and the parent class loader at run time. With them, it
 * sees the JDK and exactly those jars, both at compile time and at run time.
 */
public final class FunctionCompiler {
  /** Compiler flags: {@code -parameters} keeps parameter names for signatures and messages. */
  static final List<String> OPTIONS = List.of("-parameters", "-proc:none", "-g:source,lines");

  private final ClassLoader parent;
  private final long maxResultBytes;
  private final BinaryResultEncoder binary;

  /** No result size limit; functions load under the compiling thread's context class loader. */
  public FunctionCompiler() {
    this(null, ResultEncoder.UNLIMITED);
  }

  /**
   * @param parent parent class loader of every compiled function; null for the compiling thread's
   *     context class loader (or, without one, the application class loader)
   * @param maxResultBytes largest encoded result (UTF-8 JSON bytes) a call may return before it
   *     fails with PAYLOAD_TOO_LARGE; {@code Long.MAX_VALUE} for no limit
   */
  public FunctionCompiler(ClassLoader parent, long maxResultBytes) {
    this(parent, maxResultBytes, null);
  }

  /**
   * As above; {@code binary} encodes results with a better form than JSON (null: JSON only).
   */
  public FunctionCompiler(ClassLoader parent, long maxResultBytes, BinaryResultEncoder binary) {
    if (maxResultBytes <= 0) throw new IllegalArgumentException("maxResultBytes must be positive");
    this.parent = parent;
    this.maxResultBytes = maxResultBytes;
    this.binary = binary;
  }

  /**
   * Compiles {@code spec} and resolves its entry point.
   *
   * @throws FunctionCompileException with a COMPILE_ERROR task error when the source does not
   *     compile or the entry point is missing or ambiguous
   */
  public CompiledFunction compile(FunctionSpec spec) throws FunctionCompileException {
    return compile(spec, null);
  }

  /**
   * Compiles {@code spec} against {@code libraries} and loads it under their class loader; null
   * for the JDK and the worker's class path, as {@link #compile(FunctionSpec)}.
   */
  public CompiledFunction compile(FunctionSpec spec, FunctionLibraries libraries)
      throws FunctionCompileException {
    Objects.requireNonNull(spec, "spec");
    WrappedSource source =
        WrappedSource.wrap(
            Objects.requireNonNull(spec.source(), "source"), generatedClassName(spec.hash()));
    FunctionClassLoader loader =
        new FunctionClassLoader(
            libraries == null ? parentLoader() : libraries.classLoader(),
            classFiles(spec, source, libraries));
    try {
      Class<?> wrapper = Class.forName(source.className(), false, loader);
      List<Method> overloads = EntryPoints.resolve(wrapper, spec);
      return new CompiledFunction(spec.hash(), wrapper, overloads, maxResultBytes, binary);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("javac output for " + spec.hash() + " cannot be loaded", e);
    }
  }

  private static Map<String, byte[]> classFiles(
      FunctionSpec spec, WrappedSource source, FunctionLibraries libraries)
      throws FunctionCompileException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler: the worker must run on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (InMemoryFileManager files =
        new InMemoryFileManager(
            classPath(
                javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8),
                libraries))) {
      JavaFileObject file = InMemoryFileManager.sourceFile(source.className(), source.text());
      boolean compiled =
          javac.getTask(null, files, diagnostics, OPTIONS, null, List.of(file)).call();
      List<Diagnostic<? extends JavaFileObject>> errors =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .toList();
      if (!compiled || !errors.isEmpty()) {
        TaskError error = CompileDiagnostics.toTaskError(errors, source, readableName(spec));
        throw new FunctionCompileException(spec.hash(), spec.entryPoint(), error);
      }
      return stoppable(files.classFiles());
    } catch (IOException e) {
      throw new UncheckedIOException("closing the in-memory file manager", e);
    }
  }

  /** Exactly the libraries' jars on javac's class path (none of the worker's), when given. */
  private static StandardJavaFileManager classPath(
      StandardJavaFileManager files, FunctionLibraries libraries) throws IOException {
    if (libraries != null)
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, libraries.jars());
    return files;
  }

  /**
   * User classes get checkpoints (org.funcx.jvm) so that a timeout or a cancel ends even a busy
   * loop that ignores interrupts, on JDKs without {@code Thread.stop}.
   */
  private static Map<String, byte[]> stoppable(Map<String, byte[]> classFiles) {
    Map<String, byte[]> out = new java.util.HashMap<>();
    classFiles.forEach((name, bytes) -> out.put(name, StoppableBytecode.instrument(bytes)));
    return out;
  }

  private ClassLoader parentLoader() {
    if (parent != null) return parent;
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ClassLoader.getSystemClassLoader();
  }

  /** A valid, distinctive Java identifier derived from the content hash, e.g. {@code Fn_3f2a...}. */
  static String generatedClassName(String hash) {
    StringBuilder name = new StringBuilder("Fn_");
    String source = hash == null ? "" : hash;
    for (int i = 0; i < source.length() && name.length() < 19; i++) {
      char c = source.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) name.append(c);
    }
    return name.toString();
  }

  /** How diagnostics name the wrapper class: the entry point, or "function" until it is known. */
  private static String readableName(FunctionSpec spec) {
    String entry = spec.entryPoint();
    return entry == null || entry.isBlank() ? "function" : entry.strip();
  }
}
