package org.funcx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.deps.FileRepository;
import org.funcx.endpoint.config.LibrarySettings;

/**
 * Benchmark, not a test (prints figures, asserts nothing): the first task of a new dependency set
 * (resolved from a local repository, then compiled) against the first task of a new JDK-only
 * function, and the per-task cost of a function with a cached set against a plain one. Run:
 * {@code mvn -B -o -pl cli -am verify -DskipITs -Dtest=FunctionLibrariesBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FunctionLibrariesBench {
  static final int TASKS = 500;
  static final int ROUNDS = 3;

  @org.junit.jupiter.api.Test
  void firstTaskOfANewSetAndPerTaskCost() throws Exception {
    Path repo = Files.createTempDirectory("funcx-bench-repo-");
    FileRepository.standard(repo);
    try (TestCluster cluster =
        TestCluster.withServiceArgs(
            List.of("--maven-offline", "true", "--maven-local-repository", repo.toString()))) {
      FuncXClient client = cluster.client();
      String id =
          cluster.startEndpoint(
              "bench",
              c ->
                  c.withWorkers(1, 0)
                      .withLibraries(
                          new LibrarySettings(null, true, repo.toString(), List.of(), 0)));
      try (FuncXExecutor ex = client.executor(id)) {
        // warm the manager's compiler and the link first
        once(ex, client.register("int warm(int x) { return x; }"), 1);
        List<String> sets =
            List.of(
                "org.apache.commons:commons-lang3:3.12.0",
                "com.google.code.gson:gson:2.10.1",
                "com.google.code.gson:gson:2.11.0",
                "org.apache.commons:commons-math3:3.6.1");
        for (int i = 0; i < sets.size(); i++) {
          RegisteredFunction plain =
              client.register("int p" + i + "(int x) { return x + " + i + "; }");
          RegisteredFunction withSet =
              client.register(
                  "int d" + i + "(int x) { return x + " + i + "; }",
                  null,
                  null,
                  List.of(sets.get(i)));
          System.out.printf(
              "BENCH first task: new plain function %.1f ms, new set %s %.1f ms%n",
              once(ex, plain, 1), sets.get(i), once(ex, withSet, 1));
        }
        RegisteredFunction plain = client.register("int inc(int x) { return x + 1; }");
        RegisteredFunction cached =
            client.register(
                "int incd(int x) { return x + 1; }",
                null,
                null,
                List.of("org.apache.commons:commons-lang3:3.12.0"));
        once(ex, plain, 1);
        once(ex, cached, 1);
        for (int r = 0; r < ROUNDS; r++) {
          System.out.printf(
              "BENCH %d tasks one at a time: plain %.3f ms/task, cached set %.3f ms/task%n",
              TASKS, sequential(ex, plain), sequential(ex, cached));
          System.out.printf(
              "BENCH %d tasks as one map: plain %.3f ms/task, cached set %.3f ms/task%n",
              TASKS, mapped(ex, plain), mapped(ex, cached));
        }
      }
    }
  }

  private static double once(FuncXExecutor ex, RegisteredFunction f, int arg) throws Exception {
    long start = System.nanoTime();
    ex.submit(f, arg).get(120, TimeUnit.SECONDS);
    return (System.nanoTime() - start) / 1e6;
  }

  private static double sequential(FuncXExecutor ex, RegisteredFunction f) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < TASKS; i++) ex.submit(f, i).get(60, TimeUnit.SECONDS);
    return (System.nanoTime() - start) / 1e6 / TASKS;
  }

  private static double mapped(FuncXExecutor ex, RegisteredFunction f) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<Object>> all = ex.map(f, IntStream.range(0, TASKS).boxed().toList());
    for (var done : all) done.get(60, TimeUnit.SECONDS);
    return (System.nanoTime() - start) / 1e6 / TASKS;
  }
}
