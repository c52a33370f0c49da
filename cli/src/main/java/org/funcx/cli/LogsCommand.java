package org.funcx.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code funcx logs [service | endpoint NAME | notebook | all] [--follow] [--task ID]}: the right
 * log without hunting through the funcX home. An endpoint's logs are its agent's, its managers'
 * (or Slurm blocks') and its supervisor's; {@code --task} shows every line naming a task, from
 * every log unless a target narrows it.
 */
@Command(name = "logs", description = "Show the service's, an endpoint's or the notebook's logs.")
final class LogsCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..2",
      paramLabel = "TARGET",
      description = "service (default), endpoint NAME, notebook, or all")
  List<String> target = List.of();

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing what is appended (Ctrl-C ends).")
  boolean follow;

  @Option(
      names = {"-n", "--lines"},
      defaultValue = "40",
      description = "Lines from the end of each file (default ${DEFAULT-VALUE}).")
  int lines;

  @Option(names = "--task", paramLabel = "ID", description = "Only lines that name this task.")
  String task;

  @Override
  public Integer call() throws Exception {
    List<Path> files = files(new LogFiles(FuncxCli.HOME));
    if (files.isEmpty()) {
      System.err.println("no log yet for " + describe() + " in " + FuncxCli.HOME.root());
      return 1;
    }
    Predicate<String> wanted = task == null ? line -> true : line -> line.contains(task);
    LogTail tail = new LogTail(System.out, wanted);
    if (task != null && !follow) return printTaskLines(files, wanted);
    for (Path f : files) {
      if (files.size() > 1) System.out.println("==> " + f + " <==");
      tail.lastLines(f, Math.max(0, lines)).forEach(System.out::println);
    }
    if (follow) tail.follow(files, () -> true);
    return 0;
  }

  private List<Path> files(LogFiles logs) throws Exception {
    String kind = target.isEmpty() ? (task != null ? "all" : "service") : target.get(0);
    boolean named = kind.equals("endpoint");
    if (named != (target.size() == 2)) {
      throw new IllegalArgumentException(
          "say 'endpoint NAME', or one of service, notebook, all;"
              + " got: "
              + String.join(" ", target));
    }
    return switch (kind) {
      case "service" -> logs.service();
      case "notebook" -> logs.notebook();
      case "endpoint" -> logs.endpoint(target.get(1), true);
      case "all" -> logs.all();
      default ->
          throw new IllegalArgumentException(
              "unknown log '" + kind + "': say service, endpoint NAME, notebook or all");
    };
  }

  /** Every line naming the task, as FILE: LINE; says so when none does. */
  private int printTaskLines(List<Path> files, Predicate<String> wanted) throws Exception {
    int found = 0;
    for (Path f : files) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!wanted.test(line)) continue;
          System.out.println(LogTail.shortName(f) + ": " + line);
          found++;
        }
      }
    }
    if (found == 0) {
      System.err.println(
          "no line of "
              + describe()
              + " names task "
              + task
              + " (tasks are"
              + " logged when something happens to them: a lost manager, a cancel, a stuck worker);"
              + " what it printed is kept with its result (GET /v2/tasks/"
              + task
              + ")");
    }
    return 0;
  }

  private String describe() {
    return target.isEmpty()
        ? (task != null ? "the logs" : "the service")
        : String.join(" ", target);
  }
}
