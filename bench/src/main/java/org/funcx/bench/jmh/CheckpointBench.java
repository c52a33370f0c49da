package org.funcx.bench.jmh;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.funcx.jvm.StoppableBytecode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the stop checkpoints cost user code (org.funcx.jvm): the same class compiled once, run
 * plain and instrumented as workers and the kernel run it. Two shapes: a tight array loop (one
 * checkpoint per iteration, the worst case) and recursion (one per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class CheckpointBench {
  @Param({"plain", "instrumented"})
  public String code;

  private MethodHandle sum;
  private MethodHandle fib;
  private final long[] numbers = new long[100_000];

  @Setup
  public void compile() throws Exception {
    for (int i = 0; i < numbers.length; i++) numbers[i] = i;
    Class<?> c = UserCode.class;
    if ("instrumented".equals(code)) {
      String name = UserCode.class.getName();
      byte[] bytes;
      try (InputStream in =
          UserCode.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
        bytes = StoppableBytecode.instrument(in.readAllBytes());
      }
      c =
          new ClassLoader(null) { // no parent with UserCode: this copy is the one defined
            Class<?> define() {
              return defineClass(name, bytes, 0, bytes.length);
            }

            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
              return n.startsWith("org.funcx.jvm.")
                  ? CheckpointBench.class.getClassLoader().loadClass(n)
                  : super.loadClass(n, resolve);
            }
          }.define();
    }
    sum =
        MethodHandles.lookup()
            .findStatic(c, "sum", MethodType.methodType(long.class, long[].class));
    fib = MethodHandles.lookup().findStatic(c, "fib", MethodType.methodType(long.class, int.class));
  }

  @Benchmark
  public long arrayLoop100k() throws Throwable {
    return (long) sum.invokeExact(numbers);
  }

  @Benchmark
  public long recursionFib20() throws Throwable {
    return (long) fib.invokeExact(20);
  }

  /** Plain Java, compiled with the bench; the instrumented run defines a checkpointed copy. */
  public static final class UserCode {
    public static long sum(long[] a) {
      long s = 0;
      for (int i = 0; i < a.length; i++) s += a[i];
      return s;
    }

    public static long fib(int n) {
      return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
  }
}
