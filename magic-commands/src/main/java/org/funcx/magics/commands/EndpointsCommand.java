package org.funcx.magics.commands;

import java.util.List;
import org.funcx.client.EndpointInfo;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.html.HtmlTable;

/** {@code %funcx endpoints}: a table of the service's endpoints; the one in use is marked. */
public final class EndpointsCommand implements Subcommand {
  private final FuncxSession session;

  public EndpointsCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "endpoints";
  }

  @Override
  public String usage() {
    return "%funcx endpoints";
  }

  @Override
  public String summary() {
    return "list endpoints: id, name, status, workers, queued tasks";
  }

  @Override
  public Object run(String args, String body) {
    MagicArgs.parse(args, ArgSpec.positional(0, 0), usage());
    List<EndpointInfo> endpoints = session.call(c -> c.endpoints());
    String inUse = session.endpointInUse().map(EndpointInfo::id).orElse("");
    HtmlTable table =
        new HtmlTable("id", "name", "status", "workers", "queued")
            .caption(endpoints.size() + " endpoint(s) at " + session.url());
    for (EndpointInfo e : endpoints) {
      String status = e.problem() == null ? e.status() : e.status() + ": " + e.problem();
      table.row(
          e.id(),
          e.id().equals(inUse) ? e.name() + " (in use)" : e.name(),
          status,
          e.workers(),
          Math.max(0, e.outstandingTasks() - e.runningAtEndpoint()));
    }
    return table.toHtml();
  }
}
