package org.funcx.core.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;

/**
 * Compiled functions of one worker JVM, keyed by {@link FunctionSpec#hash()}: the Java analogue of a
 * warm container. A function is compiled once however many threads ask for it at the same moment
 * (the first compiles, the rest wait for its result), a compile error is remembered just as a
 * success is (ten thousand tasks of a broken function cost one compile), and at most {@code
 * maxFunctions} are kept, least recently used evicted first.
 */
public final class FunctionCache {
  /** Turns a spec into a callable function; {@link FunctionCompiler#compile} in production. */
  @FunctionalInterface
  public interface Compiler {
    CompiledFunction compile(FunctionSpec spec) throws FunctionCompileException;
  }

  public static final int DEFAULT_MAX_FUNCTIONS = 1_000;

  /** A finished compile: exactly one of the two is set. */
  private record Compiled(CompiledFunction function, TaskError error) {}

  private final Compiler compiler;
  private final Map<String, CompletableFuture<Compiled>> entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public FunctionCache(FunctionCompiler compiler) {
    this(compiler::compile, DEFAULT_MAX_FUNCTIONS);
  }

  public FunctionCache(Compiler compiler, int maxFunctions) {
    if (maxFunctions < 1) throw new IllegalArgumentException("maxFunctions must be at least 1");
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(
              Map.Entry<String, CompletableFuture<Compiled>> eldest) {
            return size() > maxFunctions;
          }
        };
  }

  /**
   * The compiled function for {@code spec}, compiling it on first use.
   *
   * @throws FunctionCompileException the spec does not compile (now or on an earlier call)
   * @throws InterruptedException interrupted while waiting for another thread's compile of the
   *     same function; that compile goes on for the others
   */
  public CompiledFunction get(FunctionSpec spec)
      throws FunctionCompileException, InterruptedException {
    CompletableFuture<Compiled> entry;
    boolean compileHere = false;
    synchronized (entries) {
      entry = entries.get(spec.hash());
      if (entry == null) {
        entry = new CompletableFuture<>();
        entries.put(spec.hash(), entry);
        compileHere = true;
      }
    }
    if (compileHere) {
      misses.increment();
      compileInto(entry, spec);
    } else {
      hits.increment();
    }
    Compiled compiled = await(entry, spec);
    if (compiled.error() != null) {
      throw new FunctionCompileException(spec.hash(), spec.entryPoint(), compiled.error());
    }
    return compiled.function();
  }

  private void compileInto(CompletableFuture<Compiled> entry, FunctionSpec spec) {
    try {
      entry.complete(new Compiled(compiler.compile(spec), null));
    } catch (FunctionCompileException e) {
      entry.complete(new Compiled(null, e.error()));
    } catch (RuntimeException | Error e) {
      // not the function's fault (no JDK, out of memory...): forget it so a later call retries
      synchronized (entries) {
        entries.remove(spec.hash(), entry);
      }
      entry.completeExceptionally(e);
    }
  }

  private static Compiled await(CompletableFuture<Compiled> entry, FunctionSpec spec)
      throws InterruptedException {
    try {
      return entry.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("compiling " + spec.hash() + " failed", e.getCause());
    }
  }

  /** Lookups answered by a compile that had already started or finished. */
  public long hits() {
    return hits.sum();
  }

  /** Lookups that had to compile, one per distinct function held (or evicted and compiled again). */
  public long misses() {
    return misses.sum();
  }

  /** Functions held now, including ones being compiled. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
