package org.funcx.magics.commands;

import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/** {@code %funcx logout}: forgets the tokens of the last login to the connected service. */
public final class LogoutCommand implements Subcommand {
  private final FuncxSession session;

  public LogoutCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "logout";
  }

  @Override
  public String usage() {
    return "%funcx logout";
  }

  @Override
  public String summary() {
    return "forget this login's tokens";
  }

  @Override
  public Object run(String args, String body) {
    MagicArgs.parse(args, ArgSpec.positional(0, 0), usage());
    session.call(
        c -> {
          c.logout();
          return null;
        });
    return "Logged out of " + session.url();
  }
}
