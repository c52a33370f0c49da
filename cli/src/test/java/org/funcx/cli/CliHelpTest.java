package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.funcx.core.wire.WireProtocol;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command answers {@code --help} and {@code --version}, also one with required arguments
 * ({@code funcx map --help} once failed with "Missing required options").
 */
class CliHelpTest {
  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cli = new CommandLine(new FuncxCli());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Every command's words, e.g. [endpoint, start], found by walking the command tree. */
  private static List<List<String>> commands(CommandLine command, List<String> words) {
    List<List<String>> all = new ArrayList<>();
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandName().equals(name) || name.equals("help"))
                return; // aliases, help
              List<String> path = new ArrayList<>(words);
              path.add(name);
              all.add(path);
              all.addAll(commands(sub, path));
            });
    return all;
  }

  @Test
  void every_command_prints_its_usage_for_help_and_exits_0() {
    List<List<String>> commands = commands(new CommandLine(new FuncxCli()), List.of());
    assertThat(commands)
        .extracting(c -> String.join(" ", c))
        .contains("map", "endpoint start", "bench", "run", "up");
    for (List<String> words : commands) {
      List<String> args = new ArrayList<>(words);
      args.add("--help");
      Outcome outcome = run(args.toArray(String[]::new));
      assertThat(outcome.exitCode()).as("funcx %s --help: %s", words, outcome.err()).isZero();
      assertThat(outcome.out())
          .as("funcx %s --help", words)
          .startsWith("Usage: funcx " + String.join(" ", words));
    }
  }

  @Test
  void version_names_the_build_and_the_wire_protocol_on_every_command() {
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"map", "--version"})) {
      Outcome outcome = run(args);
      assertThat(outcome.exitCode()).isZero();
      assertThat(outcome.out().strip())
          .isEqualTo(
              "funcx "
                  + WireProtocol.productVersion()
                  + " (wire protocol "
                  + WireProtocol.VERSION
                  + ")");
    }
  }
}
