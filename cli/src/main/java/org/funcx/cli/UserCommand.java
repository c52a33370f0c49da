package org.funcx.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.funcx.core.rest.UserRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code funcx user add NAME}: an administrator adds a user of the embedded issuer. */
@Command(
    name = "user",
    description = "Manage users of the embedded identity provider.",
    subcommands = {UserCommand.Add.class})
final class UserCommand {

  @Command(
      name = "add",
      description =
          "Add a user; the password is read from FUNCX_NEW_PASSWORD"
              + " or standard input, never from the command line.")
  static final class Add implements Callable<Integer> {
    @Parameters(paramLabel = "USERNAME")
    String username;

    @Option(names = "--groups", split = ",", description = "Groups, comma separated.")
    List<String> groups = List.of();

    @Option(names = "--admin")
    boolean admin;

    @Option(names = "--url")
    String url;

    @Override
    public Integer call() throws Exception {
      String password = System.getenv("FUNCX_NEW_PASSWORD");
      if (password == null) {
        System.err.print("password for " + username + ": ");
        password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
      }
      UserRequest user = new UserRequest(username, password, groups, admin);
      System.out.println(
          FuncxCli.HOME.client(LoginCommand.serviceUrl(url)).createUser(user).toJson());
      return 0;
    }
  }
}
