package org.funcx.magics.commands;

import java.util.List;
import org.funcx.client.EndpointInfo;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.Submission;
import org.funcx.client.TaskOptions;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.remote.TaskLog;
import org.funcx.magics.remote.Uninterruptible;

/** Submits calls in one request and records their task ids for {@code %funcx tasks}. */
final class Submitter {
  private Submitter() {}

  /**
   * @param argumentLists one argument list per call
   * @return the task ids, in the order of the argument lists
   */
  static List<String> submit(
      FuncxSession session,
      String functionName,
      RegisteredFunction function,
      EndpointInfo endpoint,
      List<List<Object>> argumentLists,
      TaskOptions options) {
    EndpointInfo current = session.call(c -> c.endpoint(endpoint.id()));
    if (!current.online()) {
      System.err.println(
          "note: endpoint "
              + endpoint.name()
              + " is offline; the tasks wait for it"
              + " (interrupt the cell to stop waiting, they stay queued)");
    }
    // an interrupt during the request is kept for the wait that follows, which cancels the tasks
    Submission submission =
        Uninterruptible.call(
            "funcx-submit-" + functionName,
            () ->
                session.call(c -> c.submit(function.id(), endpoint.id(), argumentLists, options)));
    long now = System.currentTimeMillis();
    for (String id : submission.taskIds()) {
      session
          .tasks()
          .add(
              new TaskLog.Entry(
                  id, functionName, function.id(), function.returnType(), endpoint.name(), now));
    }
    return submission.taskIds();
  }
}
