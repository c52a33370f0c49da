package org.funcx.service.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.rest.TaskGroupAnswer;
import org.funcx.core.wire.HopTrace;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.auth.Principal;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.metrics.ServiceMetrics;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.MemoKey;
import org.funcx.service.store.Registry;
import org.funcx.service.store.TaskIds;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;
import org.funcx.service.store.UnfinishedTaskQuotas;

/**
 * {@code POST /v2/submit}: a batch of tasks, all accepted or none. The body holds {@code tasks}
 * (one object per call, with {@code args}) and/or {@code batches} (one function and endpoint with
 * an {@code args_list}, the compact form for large maps). Tasks are durable before the answer.
 * The body is read as a stream within {@code maxBodyBytes} ({@link SubmitReader}). Tasks that will
 * wait for an endpoint count against the user's and the endpoint's quotas of unfinished tasks
 * ({@link UnfinishedTaskQuotas}): checked while the body is read, admitted whole before anything
 * is stored, else a 429 {@code quota_exceeded}.
 */
final class SubmitApi {
  static final int MAX_TASKS_PER_REQUEST = 1_000_000;
  private final TaskStorage store;
  private final Registry registry;
  private final FunctionCatalog functions;
  private final Forwarder forwarder;
  private final UnfinishedTaskQuotas quotas;
  private final int maxArgsBytes;
  private final long maxBodyBytes;
  private final ServiceMetrics metrics;

  SubmitApi(
      TaskStorage store,
      Registry registry,
      FunctionCatalog functions,
      Forwarder forwarder,
      UnfinishedTaskQuotas quotas,
      int maxArgsBytes,
      long maxBodyBytes,
      ServiceMetrics metrics,
      org.funcx.service.store.RecentGroups recentGroups) {
    this.metrics = metrics;
    this.recentGroups = recentGroups;
    this.store = store;
    this.registry = registry;
    this.functions = functions;
    this.forwarder = forwarder;
    this.quotas = quotas;
    this.maxArgsBytes = maxArgsBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  private final org.funcx.service.store.RecentGroups recentGroups;

  private record Draft(
      String functionId,
      String endpointId,
      String argsJson,
      boolean cache,
      long timeoutMillis,
      ResourceSpec resources) {}

  void submit(Context ctx) throws IOException {
    Principal principal = AuthGate.principal(ctx);
    List<Draft> drafts = new ArrayList<>();
    Set<String> checked = new HashSet<>();
    // Tasks read so far that will surely queue (not cacheable): refused as soon as they cannot fit.
    Map<String, Long> queuing = new HashMap<>();
    try (InputStream body = LimitedBody.of(ctx, maxBodyBytes, "a submission")) {
      SubmitReader.read(
          body,
          maxArgsBytes,
          MAX_TASKS_PER_REQUEST,
          entry -> {
            int added = addDrafts(drafts, entry, principal, checked);
            if (added > 0 && (entry.cache() == null || !entry.cache())) {
              queuing.merge(drafts.get(drafts.size() - 1).endpointId(), (long) added, Long::sum);
              quotas.check(principal.subject(), queuing);
            }
          });
    }
    if (drafts.isEmpty()) throw ApiException.badRequest("no_tasks", "the request holds no tasks");
    // Time-ordered like task ids: the groups maps are B-trees keyed by it, and a random id
    // dirtied a random leaf (maybe one holding a big map's member list) in every commit.
    String groupId = TaskIds.next();
    List<String> taskIds = store(groupId, principal.subject(), drafts);
    ctx.status(202).json(new TaskGroupAnswer(groupId, taskIds).toJson());
  }

  /**
   * Answers memo hits, admits the rest against the quotas (all or nothing), then stores the whole
   * submission in one commit; a failed store takes the admission back.
   */
  private List<String> store(String groupId, String owner, List<Draft> drafts) {
    long now = System.currentTimeMillis();
    List<String> memoized = new ArrayList<>(drafts.size());
    Map<String, Long> queuing = new HashMap<>();
    Map<String, Long> memoHits = new HashMap<>();
    for (Draft d : drafts) {
      String result = d.cache() ? store.memoized(memoKey(owner, d)) : null;
      memoized.add(result);
      (result == null ? queuing : memoHits).merge(d.endpointId(), 1L, Long::sum);
    }
    quotas.admit(owner, groupId, queuing);
    List<String> taskIds = new ArrayList<>(drafts.size());
    List<TaskRecord> toDispatch = new ArrayList<>(drafts.size());
    try {
      for (int i = 0; i < drafts.size(); i++) {
        Draft d = drafts.get(i);
        String id = TaskIds.next();
        taskIds.add(id);
        TaskRecord task =
            TaskRecord.submitted(
                id,
                groupId,
                d.functionId(),
                d.endpointId(),
                d.argsJson(),
                d.cache(),
                d.timeoutMillis(),
                d.resources(),
                now);
        if (memoized.get(i) != null) {
          store.put(task.succeeded(memoized.get(i), now));
        } else {
          store.put(task);
          toDispatch.add(task);
        }
      }
      store.putGroup(groupId, owner, taskIds);
      store.commit();
    } catch (RuntimeException e) {
      quotas.withdraw(groupId);
      throw e;
    }
    count(queuing, memoHits);
    recentGroups.submitted(owner, groupId, taskIds.size(), now);
    if (HopTrace.on()) toDispatch.forEach(t -> HopTrace.mark("1-service-stored", t.taskId()));
    forwarder.submitted(toDispatch);
    return taskIds;
  }

  /** Counts a stored submission per endpoint; memo hits are finished successes already. */
  private void count(Map<String, Long> queuing, Map<String, Long> memoHits) {
    queuing.forEach((endpoint, n) -> metrics.endpoint(endpoint).received(n));
    memoHits.forEach((endpoint, n) -> metrics.endpoint(endpoint).memoHits(n));
  }

  /** A task with a resource specification is memoized apart from the same call without one. */
  private String memoKey(String owner, Draft d) {
    String call = d.resources() == null ? d.argsJson() : d.argsJson() + " " + d.resources();
    return MemoKey.of(
        owner, functions.spec(d.functionId()).map(FunctionSpec::hash).orElseThrow(), call);
  }

  /** Adds an entry's calls as drafts; returns how many. */
  private int addDrafts(
      List<Draft> drafts, SubmitReader.Entry entry, Principal principal, Set<String> checked) {
    String functionId = Requests.uuid(required(entry.functionId(), "function_id"), "function");
    String endpointId = Requests.uuid(required(entry.endpointId(), "endpoint_id"), "endpoint");
    if (checked.add(functionId + "@" + endpointId)) authorize(principal, functionId, endpointId);
    if (entry.resources() != null) {
      ResourceRequests.check(
          entry.resources(),
          functionId,
          functions.spec(functionId).orElse(null),
          endpointId,
          forwarder.placements());
    }
    boolean cache = entry.cache() != null && entry.cache();
    double timeoutSeconds = entry.timeoutSeconds() == null ? 0 : entry.timeoutSeconds();
    if (timeoutSeconds < 0 || timeoutSeconds > 30 * 24 * 3600) {
      throw ApiException.badRequest("invalid_field", "timeout_s must be between 0 and 30 days");
    }
    for (String args : entry.calls()) {
      drafts.add(
          new Draft(
              functionId,
              endpointId,
              args,
              cache,
              Math.round(timeoutSeconds * 1000),
              entry.resources()));
    }
    return entry.calls().size();
  }

  private static String required(String value, String field) {
    if (value == null)
      throw ApiException.badRequest("missing_field", "field '" + field + "' is required");
    return value;
  }

  /**
   * The caller must see the function and the endpoint (else 404), and the endpoint must allow the
   * function when it restricts its functions (else 403).
   */
  private void authorize(Principal principal, String functionId, String endpointId) {
    Access.visible(
        principal,
        registry.functionSharing(functionId),
        sharing -> sharing,
        "function",
        functionId);
    Registry.EndpointRow endpoint =
        Access.visible(
            principal,
            registry.endpoint(endpointId),
            Registry.EndpointRow::sharing,
            "endpoint",
            endpointId);
    if (!endpoint.allowedFunctions().isEmpty()
        && !endpoint.allowedFunctions().contains(functionId)) {
      throw new ApiException(
          403,
          "function_not_allowed",
          "endpoint "
              + endpointId
              + " does not run function "
              + functionId
              + " (not in its allowed_functions)",
          Map.of("function_id", functionId, "endpoint_id", endpointId));
    }
  }
}
