package org.funcx.magics.commands;

import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/** {@code %funcx whoami}: says who the service thinks you are; it has no authentication yet. */
public final class WhoamiCommand implements Subcommand {
  private final FuncxSession session;

  public WhoamiCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "whoami";
  }

  @Override
  public String usage() {
    return "%funcx whoami";
  }

  @Override
  public String summary() {
    return "show the identity the service sees";
  }

  @Override
  public Object run(String args, String body) {
    MagicArgs.parse(args, ArgSpec.positional(0, 0), usage());
    return "nobody in particular: the funcX service at " + session.url() + " has no"
        + " authentication yet and accepts requests from anyone who can reach it (keep it on"
        + " 127.0.0.1). %funcx login will sign you in once it does.";
  }
}
