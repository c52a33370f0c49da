package org.funcx.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.funcx.client.FuncXClient;
import org.funcx.client.auth.DeviceLogin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code funcx login}: a device-flow login whose tokens the CLI, kernel and SDK then share. */
@Command(
    name = "login",
    description = "Log in to a funcX service (device flow: open the link," + " enter the code).")
final class LoginCommand implements Callable<Integer> {
  @Option(names = "--url", description = "Service URL (default: this home's running service).")
  String url;

  @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for approval.")
  long timeoutSeconds;

  static String serviceUrl(String given) {
    return given != null ? given.replaceAll("/+$", "") : EndpointCommand.serviceUrl();
  }

  @Override
  public Integer call() throws Exception {
    FuncXClient client = FuncxCli.HOME.client(serviceUrl(url));
    DeviceLogin.Pending login = client.startLogin();
    System.out.println("To sign in, open " + login.verificationUriComplete());
    System.out.println("and check that it shows the code " + login.userCode() + ".");
    System.out.flush();
    login.await(Duration.ofSeconds(timeoutSeconds));
    System.out.println("Logged in as " + client.whoami().username());
    return 0;
  }

  @Command(name = "logout", description = "Forget this home's login tokens for a service.")
  static final class Logout implements Callable<Integer> {
    @Option(names = "--url")
    String url;

    @Override
    public Integer call() {
      FuncxCli.HOME.client(serviceUrl(url)).logout();
      System.out.println("logged out");
      return 0;
    }
  }

  @Command(name = "whoami", description = "Show who the service takes you for.")
  static final class WhoAmI implements Callable<Integer> {
    @Option(names = "--url")
    String url;

    @Override
    public Integer call() {
      System.out.println(FuncxCli.HOME.client(serviceUrl(url)).whoami().toJson());
      return 0;
    }
  }
}
