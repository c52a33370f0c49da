package org.funcx.cli;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.funcx.client.FuncXClient;
import org.funcx.client.OutputFollowing;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskFailedException;
import org.funcx.client.TaskFuture;
import org.funcx.client.TaskOptions;
import org.funcx.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a function once and prints its result as JSON; what the function printed goes to standard
 * error, labelled, as it prints it. A shell function takes one JSON object naming its placeholders.
 */
@Command(name = "run", description = "Run a function once: funcx run FUNCTION_ID [JSON_ARG...]")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FUNCTION_ID")
  String functionId;

  @Parameters(index = "1..*", paramLabel = "JSON_ARG")
  List<String> args = new ArrayList<>();

  @Option(names = "--endpoint", defaultValue = "local")
  String endpoint;

  @Option(names = "--timeout", description = "Seconds.")
  Double timeout;

  @Option(names = "--cache", description = "Reuse a stored result of the same call.")
  boolean cache;

  @Mixin ResourceOptions resources;
  @Spec CommandSpec command;

  @Override
  public Integer call() throws Exception {
    TaskOptions options;
    try {
      options =
          new TaskOptions(
              timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000)),
              cache,
              resources.spec());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    FuncXClient client = FuncxCli.HOME.client(EndpointCommand.serviceUrl());
    RegisteredFunction function = client.function(functionId);
    List<Object> values = new ArrayList<>();
    for (String a : args) {
      // A shell function's argument object goes as parsed: 3 stays "3", not Gson's 3.0.
      values.add(
          function.isShell()
              ? JsonParser.parseString(a)
              : Json.GSON.fromJson(JsonParser.parseString(a), Object.class));
    }
    try (var executor = client.executor(Targets.endpointId(endpoint))) {
      TaskFuture task = executor.submit(function, options, values.toArray());
      // A shell function's result holds its output already: it is not followed live.
      TaskOutputPrinter live = new TaskOutputPrinter(System.err, task.taskId());
      OutputFollowing following =
          function.isShell() ? null : OutputFollowing.start(client, task.taskId(), live);
      Object result;
      try {
        result = task.get();
      } finally { // what it printed comes first, then its value or its error
        if (following != null) {
          boolean shown = following.finish();
          live.end();
          if (!shown) TaskOutputPrinter.print(System.err, task.status());
        } else if (task.status() != null && task.status().error() != null) {
          TaskOutputPrinter.print(System.err, task.status()); // a timeout's failure holds none
        }
      }
      if (result instanceof org.funcx.arrow.ArrowTable table) {
        try (table) { // a table result prints as a table, not as the Java object's fields
          System.out.println(
              org.funcx.arrow.TableRenderer.text(table, org.funcx.arrow.RenderOptions.defaults()));
        }
      } else if (function.isShell() && task.status() != null) {
        System.out.println(Json.GSON.toJson(task.status().result())); // as sent: 3, not 3.0
      } else {
        System.out.println(Json.GSON.toJson(result));
      }
      return 0;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TaskFailedException failed) {
        System.err.println(failed.getMessage());
        return 1;
      }
      throw e;
    }
  }
}
