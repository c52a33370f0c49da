package org.funcx.magics.commands;

import java.util.List;
import org.funcx.client.EndpointInfo;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.args.Usage;

/**
 * {@code %funcx connect [URL]}: talks to a service ($FUNCX_URL or the local default when no URL is
 * given) and uses the only online endpoint, or the default among several
 * ({@link UseCommand#preferred}: $FUNCX_ENDPOINT, else {@code ./funcx up}'s "local").
 */
public final class ConnectCommand implements Subcommand {
  private static final ArgSpec SPEC = ArgSpec.positional(0, 1);
  private final FuncxSession session;

  public ConnectCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "connect";
  }

  @Override
  public String usage() {
    return "%funcx connect [URL]";
  }

  @Override
  public String summary() {
    return "connect to a funcX service (default $FUNCX_URL or " + FuncxSession.DEFAULT_URL + ")";
  }

  @Override
  public Object run(String args, String body) {
    ParsedArgs parsed = MagicArgs.parse(args, SPEC, usage());
    String url = parsed.optionalPositional(0).orElseGet(FuncxSession::defaultUrl);
    if (!url.matches("https?://[^\\s/]+(/.*)?")) {
      throw Usage.error("not an http(s) URL: " + url, usage());
    }
    String version = session.connect(url);
    List<EndpointInfo> endpoints = session.call(c -> c.endpoints());
    List<EndpointInfo> online = endpoints.stream().filter(EndpointInfo::online).toList();
    StringBuilder out =
        new StringBuilder(
            "connected to the funcX service "
                + version
                + " at "
                + url
                + "; "
                + endpoints.size()
                + " endpoint(s), "
                + online.size()
                + " online");
    var preferred = UseCommand.preferred(online);
    if (online.size() == 1) {
      session.use(online.get(0));
      out.append("\nusing endpoint ")
          .append(online.get(0).name())
          .append(" (")
          .append(online.get(0).id())
          .append(")");
    } else if (preferred.isPresent()) {
      session.use(preferred.get());
      out.append("\n").append(UseCommand.pickedAmong(preferred.get(), online.size()));
    } else if (!endpoints.isEmpty()) {
      out.append("\nchoose one with %funcx use ENDPOINT (see %funcx endpoints)");
    }
    return out.toString();
  }
}
