package org.funcx.cli;

import org.funcx.core.wire.WireProtocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code funcx}: bring the platform up and down, manage endpoints, run functions, benchmark. */
// Inherited scope: every subcommand has --help and --version, also one with required arguments.
@Command(
    name = "funcx",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = FuncxCli.Version.class,
    description = "Federated function-as-a-service for science, in Java.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      ServiceCommand.class,
      EndpointCommand.class,
      FunctionCommand.class,
      RunCommand.class,
      MapCommand.class,
      LogsCommand.class,
      BenchCommand.class,
      KernelCommand.class,
      LoginCommand.class,
      LoginCommand.Logout.class,
      LoginCommand.WhoAmI.class,
      UserCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FuncxCli {
  static final FuncxHome HOME = FuncxHome.fromEnvironment();

  @CommandLine.Option(
      names = "--ca-file",
      paramLabel = "PEM",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Also trust the CA (or service certificate) in this PEM file for an https"
              + " service; default: FUNCX_CA_FILE.")
  void caFile(java.nio.file.Path file) {
    CliTrust.caFile(file);
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new FuncxCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("funcx: " + e.getMessage());
          if (System.getenv("FUNCX_DEBUG") != null) e.printStackTrace(cmd.getErr());
          return 1;
        });
    System.exit(cli.execute(args));
  }

  /** {@code --version}: the build's version and the wire protocol's, as the service reports them. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "funcx " + WireProtocol.productVersion() + " (wire protocol " + WireProtocol.VERSION + ")"
      };
    }
  }
}
