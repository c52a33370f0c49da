package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.funcx.core.exec.TestFunctions.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.junit.jupiter.api.Test;

class FunctionCacheTest {
  private final FunctionCompiler compiler = new FunctionCompiler();
  private final AtomicInteger compiles = new AtomicInteger();
  private final FunctionCache.Compiler countingCompiler =
      spec -> {
        compiles.incrementAndGet();
        return compiler.compile(spec);
      };

  @Test
  void eightThreadsAskingAtOnceShareOneCompile() throws Exception {
    FunctionSpec sq = spec("sq", "long sq(long x) { return x * x; }");
    FunctionCache cache = new FunctionCache(countingCompiler, 10);
    int threads = 8;
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CompiledFunction>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  together.await();
                  return cache.get(sq);
                }));
      }
      CompiledFunction first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<CompiledFunction> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(compiles).hasValue(1);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(threads - 1);
  }

  @Test
  void failedCompileIsCachedToo() throws Exception {
    FunctionSpec broken = spec("f", "int f() {\n  return missing;\n}");
    FunctionCache cache = new FunctionCache(countingCompiler, 10);

    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> cache.get(broken))
          .isInstanceOfSatisfying(
              FunctionCompileException.class,
              e -> {
                assertThat(e.error().kind()).isEqualTo(ErrorKind.COMPILE_ERROR);
                assertThat(e.error().message()).isEqualTo("line 2: cannot find symbol");
                assertThat(e.functionHash()).isEqualTo(broken.hash());
              });
    }

    assertThat(compiles).hasValue(1);
    assertThat(cache.hits()).isEqualTo(99);
  }

  @Test
  void leastRecentlyUsedFunctionIsEvictedBeyondTheBound() throws Exception {
    FunctionSpec a = spec("a", "int a() { return 1; }");
    FunctionSpec b = spec("b", "int b() { return 2; }");
    FunctionSpec c = spec("c", "int c() { return 3; }");
    FunctionCache cache = new FunctionCache(countingCompiler, 2);

    cache.get(a);
    cache.get(b);
    cache.get(a);
    cache.get(c);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(compiles).hasValue(3);

    cache.get(a);
    assertThat(compiles).as("a was used recently, so it stayed").hasValue(3);
    cache.get(b);
    assertThat(compiles).as("b was evicted and compiles again").hasValue(4);
  }

  @Test
  void compilerCrashIsNotCachedSoALaterCallRetries() throws Exception {
    FunctionSpec sq = spec("sq", "long sq(long x) { return x * x; }");
    AtomicInteger attempts = new AtomicInteger();
    FunctionCache cache =
        new FunctionCache(
            spec -> {
              if (attempts.incrementAndGet() == 1) throw new IllegalStateException("no JDK today");
              return compiler.compile(spec);
            },
            10);

    assertThatThrownBy(() -> cache.get(sq))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("no JDK today");
    assertThat(cache.get(sq).entryName()).isEqualTo("sq");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void waiterCanBeInterruptedWhileAnotherThreadCompiles() throws Exception {
    FunctionSpec sq = spec("sq", "long sq(long x) { return x * x; }");
    CountDownLatch compiling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FunctionCache cache =
        new FunctionCache(
            spec -> {
              compiling.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return compiler.compile(spec);
            },
            10);
    Thread compilerThread =
        new Thread(
            () -> {
              try {
                cache.get(sq);
              } catch (Exception ignored) {
                // the test looks at the waiter only
              }
            });
    compilerThread.start();
    compiling.await();

    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> cache.get(sq)).isInstanceOf(InterruptedException.class);

    release.countDown();
    compilerThread.join();
    assertThat(cache.get(sq).entryName()).isEqualTo("sq");
  }
}
