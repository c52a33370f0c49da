package org.funcx.magics.commands;

import java.time.Duration;
import org.funcx.client.FuncXClient;
import org.funcx.client.auth.DeviceLogin;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/**
 * {@code %funcx login}: a device-flow login from a cell. It shows a link and a code at once, then
 * waits (interruptibly) until the user approves on the service's page; the tokens go to the
 * user's funcX state directory, shared with the CLI and later kernels.
 */
public final class LoginCommand implements Subcommand {
  private static final Duration WAIT = Duration.ofMinutes(10);
  private final FuncxSession session;

  public LoginCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "login";
  }

  @Override
  public String usage() {
    return "%funcx login";
  }

  @Override
  public String summary() {
    return "sign in: open the link shown, check the code, approve";
  }

  @Override
  public Object run(String args, String body) throws InterruptedException {
    MagicArgs.parse(args, ArgSpec.positional(0, 0), usage());
    DeviceLogin.Pending login = session.call(FuncXClient::startLogin);
    session
        .context()
        .display(
            "To sign in, open "
                + login.verificationUriComplete()
                + " and check that it shows the code "
                + login.userCode()
                + ".");
    login.await(WAIT);
    return "Logged in as " + session.call(c -> c.whoami().username()) + " at " + session.url();
  }
}
