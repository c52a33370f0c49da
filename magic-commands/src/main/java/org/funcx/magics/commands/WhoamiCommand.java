package org.funcx.magics.commands;

import org.funcx.client.FuncXClient;
import org.funcx.core.rest.Whoami;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/** {@code %funcx whoami}: says who the service takes you for (user, groups, scopes). */
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
    Whoami me = session.call(FuncXClient::whoami);
    String name = me.username() != null ? me.username() : me.subject();
    return name
        + " at "
        + session.url()
        + " (groups "
        + String.join(", ", me.groups())
        + "; scopes "
        + String.join(" ", me.scopes())
        + ")";
  }
}
