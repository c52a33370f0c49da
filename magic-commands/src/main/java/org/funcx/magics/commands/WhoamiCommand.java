package org.funcx.magics.commands;

import com.google.gson.JsonObject;
import org.funcx.client.FuncXClient;
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
    JsonObject me = session.call(FuncXClient::whoami);
    String name =
        me.has("username") && !me.get("username").isJsonNull()
            ? me.get("username").getAsString()
            : me.get("subject").getAsString();
    return name
        + " at "
        + session.url()
        + " (groups "
        + me.get("groups")
        + ", scopes "
        + me.get("scopes")
        + ")";
  }
}
