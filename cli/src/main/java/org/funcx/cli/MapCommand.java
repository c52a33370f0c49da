package org.funcx.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.funcx.client.FuncXClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Maps a one-argument function over a range of integers; prints count, failures and the sum, and
 * its progress meanwhile on stderr ({@link TaskProgress}).
 */
@Command(name = "map", description = "Map a function over --range FROM..TO and sum the results.")
final class MapCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FUNCTION_ID")
  String functionId;

  @Option(names = "--range", required = true, description = "Inclusive, e.g. 1..10000.")
  String range;

  @Option(names = "--endpoint", defaultValue = "local")
  String endpoint;

  @Override
  public Integer call() throws Exception {
    String[] bounds = range.split("\\.\\.");
    if (bounds.length != 2) throw new IllegalArgumentException("--range must look like 1..10000");
    long from = Long.parseLong(bounds[0].trim());
    long to = Long.parseLong(bounds[1].trim());
    FuncXClient client = FuncxCli.HOME.client(EndpointCommand.serviceUrl());
    long start = System.nanoTime();
    List<Long> inputs = LongStream.rangeClosed(from, to).boxed().toList();
    try (var executor = client.executor(Targets.endpointId(endpoint));
        var progress = TaskProgress.start("map " + functionId, inputs.size())) {
      List<CompletableFuture<Object>> futures = executor.map(client.function(functionId), inputs);
      // Waits for the counting too, so that the last progress line counts every task.
      CompletableFuture.allOf(
              futures.stream()
                  .map(f -> f.whenComplete((value, error) -> progress.finished(error != null)))
                  .toArray(CompletableFuture[]::new))
          .handle((v, e) -> null)
          .join();
      long failed = futures.stream().filter(CompletableFuture::isCompletedExceptionally).count();
      long sum = 0;
      for (var f : futures) {
        if (!f.isCompletedExceptionally() && f.join() instanceof Number n) {
          sum = Math.addExact(sum, n.longValue());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "tasks: %d, failed: %d, sum: %d, seconds: %.2f%n", futures.size(), failed, sum, seconds);
      return failed == 0 ? 0 : 1;
    }
  }
}
