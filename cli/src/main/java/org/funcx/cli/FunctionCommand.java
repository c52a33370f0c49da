package org.funcx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code funcx function register|show|delete}. */
@Command(
    name = "function",
    description = "Register, show and delete functions.",
    subcommands = {
      FunctionCommand.Register.class,
      FunctionCommand.Show.class,
      FunctionCommand.Delete.class
    })
final class FunctionCommand {

  static final class Source {
    @Option(names = "--file", description = "Java source file.")
    Path file;

    @Option(names = "--source", description = "Java source text.")
    String text;

    @Option(
        names = "--shell",
        paramLabel = "CMD",
        description =
            "A shell command template with"
                + " {name} placeholders ({{ and }} for literal braces); run it with"
                + " funcx run ID '{\"name\": \"value\"}'.")
    String shell;
  }

  @Command(
      name = "register",
      description = "Register Java source or a shell command; prints the function id.")
  static final class Register implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--entry", description = "Method to call (needed with several).")
    String entry;

    @Option(names = "--name", description = "Display name.")
    String name;

    @Option(
        names = "--deps",
        split = ",",
        description =
            "Maven coordinates group:artifact:version"
                + " of libraries the function uses (comma separated), besides its //DEPS lines.")
    List<String> deps;

    @Override
    public Integer call() throws Exception {
      FuncXClient client = FuncxCli.HOME.client(EndpointCommand.serviceUrl());
      if (source.shell != null) {
        RegisteredFunction f = client.registerShell(name, source.shell);
        System.out.println(f.id() + "  shell " + f.signature());
        return 0;
      }
      String code = source.file != null ? Files.readString(source.file) : source.text;
      RegisteredFunction f = client.register(code, entry, name, deps == null ? List.of() : deps);
      System.out.println(
          f.id()
              + "  "
              + (f.signature() == null ? f.entryPoint() : f.signature())
              + (f.dependencies().isEmpty()
                  ? ""
                  : "  with " + String.join(", ", f.dependencies())));
      return 0;
    }
  }

  @Command(name = "show", description = "Show a function's signature and source.")
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "FUNCTION_ID")
    String id;

    @Override
    public Integer call() {
      RegisteredFunction f = FuncxCli.HOME.client(EndpointCommand.serviceUrl()).function(id);
      System.out.println(
          f.id()
              + "  "
              + f.name()
              + "  "
              + f.kind()
              + " "
              + f.signature()
              + "  hash "
              + f.hash()
              + (f.dependencies().isEmpty()
                  ? ""
                  : "  with " + String.join(", ", f.dependencies())));
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a function.")
  static final class Delete implements Callable<Integer> {
    @Parameters(paramLabel = "FUNCTION_ID")
    String id;

    @Override
    public Integer call() {
      FuncxCli.HOME.client(EndpointCommand.serviceUrl()).deleteFunction(id);
      System.out.println("deleted " + id);
      return 0;
    }
  }
}
