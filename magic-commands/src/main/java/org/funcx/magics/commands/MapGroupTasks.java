package org.funcx.magics.commands;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.funcx.client.EndpointInfo;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.io.FuncxHomeDirectory;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.remote.MapGroups;
import org.funcx.magics.remote.TaskLog;

/**
 * The group side of {@code %%funcx map}: a map is submitted once per group, and running it again
 * with the same group (after an interrupt or a kernel restart) takes the group's tasks back
 * instead of submitting them again.
 */
final class MapGroupTasks {
  /** The group a map runs as, and its tasks in line order. */
  record Attached(String group, List<String> taskIds) {}

  private MapGroupTasks() {}

  static MapGroups groups(FuncxSession session) {
    return MapGroups.of(FuncxHomeDirectory.resolve(), session.url());
  }

  /**
   * Reattaches to {@code --group} (default: derived from the function and the values mapped) when
   * it holds this same map, else submits and records the group. {@code --resubmit} submits anew.
   */
  static Attached submitOrReattach(
      FuncxSession session,
      ParsedArgs parsed,
      String functionName,
      RegisteredFunction function,
      EndpointInfo endpoint,
      List<List<Object>> inputs,
      TaskOptions options) {
    MapGroups groups = groups(session);
    String digest = MapGroups.digest(inputs);
    String group =
        parsed
            .value("--group")
            .map(MapGroups::checkName)
            .orElseGet(
                () -> MapGroups.defaultName(functionName, function.hash(), endpoint.id(), digest));
    Optional<MapGroups.Group> saved =
        parsed.flag("--resubmit") ? Optional.empty() : groups.find(group);
    if (saved.isPresent()) return reattach(session, saved.get(), function, endpoint, digest);
    List<String> ids = Submitter.submit(session, functionName, function, endpoint, inputs, options);
    groups.save(
        new MapGroups.Group(
            group,
            functionName,
            function.hash(),
            endpoint.id(),
            endpoint.name(),
            digest,
            ids,
            System.currentTimeMillis()));
    return new Attached(group, ids);
  }

  private static Attached reattach(
      FuncxSession session,
      MapGroups.Group group,
      RegisteredFunction function,
      EndpointInfo endpoint,
      String digest) {
    if (!group.sameMap(function.hash(), endpoint.id(), digest)) {
      throw new MagicException(
          "group "
              + group.name()
              + " holds another map: "
              + describe(group)
              + "; give this one another --group, or add --resubmit to replace it");
    }
    List<String> ids = group.taskIds();
    Map<String, TaskStatus> known = session.call(c -> c.batchStatus(ids));
    long missing = ids.stream().filter(id -> !known.containsKey(id)).count();
    if (missing > 0) {
      throw new MagicException(
          "the service no longer knows "
              + missing
              + " of the "
              + ids.size()
              + " tasks of group "
              + group.name()
              + " (finished tasks expire; or this is another"
              + " service); add --resubmit to run the map again");
    }
    for (String id : ids) {
      session
          .tasks()
          .add(
              new TaskLog.Entry(
                  id,
                  group.functionName(),
                  function.id(),
                  function.returnType(),
                  group.endpointName(),
                  group.submittedAtMillis()));
    }
    System.out.println(
        "reattached to group "
            + group.name()
            + ": "
            + describe(group)
            + "; nothing submitted again (--resubmit runs it anew)");
    return new Attached(group.name(), ids);
  }

  static String describe(MapGroups.Group group) {
    return group.functionName()
        + " over "
        + group.taskIds().size()
        + " input(s) on "
        + group.endpointName()
        + ", submitted "
        + Instant.ofEpochMilli(group.submittedAtMillis()).truncatedTo(ChronoUnit.SECONDS);
  }

  /** Said when the user stops waiting: the tasks go on, and how to come back to them. */
  static void stoppedWaiting(String group) {
    System.err.println("to reattach: run this cell again, or %funcx tasks --group " + group);
  }
}
