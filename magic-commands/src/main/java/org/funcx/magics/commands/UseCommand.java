package org.funcx.magics.commands;

import java.util.List;
import org.funcx.client.EndpointInfo;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;

/** {@code %funcx use ENDPOINT}: the endpoint later runs and maps go to, by name or id. */
public final class UseCommand implements Subcommand {
  private final FuncxSession session;

  public UseCommand(FuncxSession session) {
    this.session = session;
  }

  @Override
  public String name() {
    return "use";
  }

  @Override
  public String usage() {
    return "%funcx use ENDPOINT";
  }

  @Override
  public String summary() {
    return "choose the endpoint (name or id) for run and map";
  }

  @Override
  public Object run(String args, String body) {
    String wanted = MagicArgs.parse(args, ArgSpec.positional(1, 1), usage()).positional(0);
    EndpointInfo chosen = resolve(session, wanted);
    session.use(chosen);
    return "using endpoint "
        + chosen.name()
        + " ("
        + chosen.id()
        + "): "
        + chosen.status()
        + ", "
        + chosen.workers()
        + " worker(s)";
  }

  /** The endpoint with this id, else the only one with this name. */
  static EndpointInfo resolve(FuncxSession session, String wanted) {
    List<EndpointInfo> endpoints = session.call(c -> c.endpoints());
    List<EndpointInfo> matching = endpoints.stream().filter(e -> e.id().equals(wanted)).toList();
    if (matching.isEmpty()) {
      matching = endpoints.stream().filter(e -> wanted.equals(e.name())).toList();
    }
    if (matching.size() == 1) return matching.get(0);
    String known = String.join(", ", endpoints.stream().map(e -> e.name() + " " + e.id()).toList());
    throw new MagicException(
        matching.isEmpty()
            ? "no endpoint named or with id " + wanted + " (endpoints: " + known + ")"
            : "several endpoints are named " + wanted + "; use an id: " + known);
  }

  /**
   * The endpoint an {@code --endpoint} option names, else the one in use, else the only online
   * endpoint, else the default among several ({@link #preferred}); it becomes the one in use.
   */
  static EndpointInfo chosen(FuncxSession session, java.util.Optional<String> option) {
    if (option.isPresent()) return resolve(session, option.get());
    var inUse = session.endpointInUse();
    if (inUse.isPresent()) return inUse.get();
    List<EndpointInfo> online =
        session.call(c -> c.endpoints()).stream().filter(EndpointInfo::online).toList();
    if (online.size() == 1) {
      session.use(online.get(0));
      return online.get(0);
    }
    EndpointInfo picked =
        preferred(online)
            .orElseThrow(
                () ->
                    new MagicException(
                        "no endpoint chosen and "
                            + online.size()
                            + " are online, none of them named "
                            + defaultName()
                            + ": pick one with %funcx use ENDPOINT or --endpoint ENDPOINT"
                            + " (see %funcx endpoints)"));
    session.use(picked);
    session.context().display(pickedAmong(picked, online.size()));
    return picked;
  }

  /**
   * Of several online endpoints, the default one: the endpoint $FUNCX_ENDPOINT names (name or id),
   * else the one {@code ./funcx up} starts, named {@value #UP_ENDPOINT}.
   */
  static java.util.Optional<EndpointInfo> preferred(List<EndpointInfo> online) {
    String wanted = defaultName();
    List<EndpointInfo> matching =
        online.stream().filter(e -> e.id().equals(wanted) || wanted.equals(e.name())).toList();
    return matching.size() == 1
        ? java.util.Optional.of(matching.get(0))
        : java.util.Optional.empty();
  }

  /** What was picked and why, for the cell. */
  static String pickedAmong(EndpointInfo picked, int online) {
    return "using endpoint "
        + picked.name()
        + " ("
        + picked.id()
        + "), the default among "
        + online
        + " online; %funcx use ENDPOINT picks another";
  }

  /** The name ./funcx up gives the endpoint it starts. */
  static final String UP_ENDPOINT = "local";

  private static String defaultName() {
    String env = System.getenv("FUNCX_ENDPOINT");
    return env == null || env.isBlank() ? UP_ENDPOINT : env.strip();
  }
}
