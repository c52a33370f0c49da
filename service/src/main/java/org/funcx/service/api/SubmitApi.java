package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.HopTrace;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.auth.Principal;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.MemoKey;
import org.funcx.service.store.Registry;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskIds;
import org.funcx.service.store.TaskStore;

/**
 * {@code POST /v2/submit}: a batch of tasks, all accepted or none. The body holds {@code tasks}
 * (one object per call, with {@code args}) and/or {@code batches} (one function and endpoint with
 * an {@code args_list}, the compact form for large maps). Tasks are durable before the answer.
 */
final class SubmitApi {
  static final int MAX_TASKS_PER_REQUEST = 1_000_000;
  private final TaskStore store;
  private final Registry registry;
  private final FunctionCatalog functions;
  private final Forwarder forwarder;
  private final int maxArgsBytes;

  SubmitApi(TaskStore store, Registry registry, FunctionCatalog functions, Forwarder forwarder,
      int maxArgsBytes) {
    this.store = store;
    this.registry = registry;
    this.functions = functions;
    this.forwarder = forwarder;
    this.maxArgsBytes = maxArgsBytes;
  }

  private record Draft(String functionId, String endpointId, String argsJson, boolean cache,
      long timeoutMillis) {}

  void submit(Context ctx) {
    Principal principal = AuthGate.principal(ctx);
    JsonObject body = Requests.jsonObject(ctx);
    List<Draft> drafts = new ArrayList<>();
    Set<String> checked = new HashSet<>();
    for (JsonObject t : objects(body, "tasks")) {
      addDrafts(drafts, t, List.of(arguments(t.get("args"), drafts.size(), "args")), principal, checked);
    }
    for (JsonObject b : objects(body, "batches")) {
      JsonElement list = b.get("args_list");
      if (list == null || !list.isJsonArray()) {
        throw ApiException.badRequest("invalid_field", "each batch needs an 'args_list' array");
      }
      List<String> calls = new ArrayList<>(list.getAsJsonArray().size());
      for (JsonElement args : list.getAsJsonArray()) {
        calls.add(arguments(args, drafts.size() + calls.size(), "args_list item"));
      }
      addDrafts(drafts, b, calls, principal, checked);
    }
    if (drafts.isEmpty()) throw ApiException.badRequest("no_tasks", "the request holds no tasks");
    String groupId = UUID.randomUUID().toString();
    List<String> taskIds = store(groupId, principal.subject(), drafts);
    ctx.status(202).json(Map.of("task_group_id", groupId, "task_ids", taskIds));
  }

  private List<String> store(String groupId, String owner, List<Draft> drafts) {
    long now = System.currentTimeMillis();
    List<String> taskIds = new ArrayList<>(drafts.size());
    List<TaskRecord> toDispatch = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      String id = TaskIds.next();
      taskIds.add(id);
      TaskRecord task = TaskRecord.submitted(id, groupId, d.functionId(), d.endpointId(),
          d.argsJson(), d.cache(), d.timeoutMillis(), now);
      String memoized = d.cache() ? store.memoized(memoKey(owner, d)) : null;
      if (memoized != null) {
        store.put(task.succeeded(memoized, now));
      } else {
        store.put(task);
        toDispatch.add(task);
      }
    }
    store.putGroup(groupId, owner, taskIds);
    store.commit();
    if (HopTrace.on()) toDispatch.forEach(t -> HopTrace.mark("1-service-stored", t.taskId()));
    forwarder.submitted(toDispatch);
    return taskIds;
  }

  private String memoKey(String owner, Draft d) {
    return MemoKey.of(owner, functions.spec(d.functionId()).map(FunctionSpec::hash).orElseThrow(),
        d.argsJson());
  }

  private void addDrafts(List<Draft> drafts, JsonObject task, List<String> calls,
      Principal principal, Set<String> checked) {
    String functionId = Requests.uuid(Requests.string(task, "function_id", true), "function");
    String endpointId = Requests.uuid(Requests.string(task, "endpoint_id", true), "endpoint");
    if (checked.add(functionId + "@" + endpointId)) authorize(principal, functionId, endpointId);
    boolean cache = Requests.bool(task, "cache", false);
    double timeoutSeconds = Requests.number(task, "timeout_s", 0);
    if (timeoutSeconds < 0 || timeoutSeconds > 30 * 24 * 3600) {
      throw ApiException.badRequest("invalid_field", "timeout_s must be between 0 and 30 days");
    }
    if (drafts.size() + calls.size() > MAX_TASKS_PER_REQUEST) {
      throw new ApiException(413, "too_many_tasks",
          "a submission holds at most " + MAX_TASKS_PER_REQUEST + " tasks");
    }
    for (String args : calls) {
      drafts.add(new Draft(functionId, endpointId, args, cache,
          Math.round(timeoutSeconds * 1000)));
    }
  }

  /**
   * The caller must see the function and the endpoint (else 404), and the endpoint must allow the
   * function when it restricts its functions (else 403).
   */
  private void authorize(Principal principal, String functionId, String endpointId) {
    Access.visible(principal, registry.functionSharing(functionId), sharing -> sharing,
        "function", functionId);
    Registry.EndpointRow endpoint = Access.visible(principal, registry.endpoint(endpointId),
        Registry.EndpointRow::sharing, "endpoint", endpointId);
    if (!endpoint.allowedFunctions().isEmpty() && !endpoint.allowedFunctions().contains(functionId)) {
      throw new ApiException(403, "function_not_allowed", "endpoint " + endpointId
          + " does not run function " + functionId + " (not in its allowed_functions)",
          Map.of("function_id", functionId, "endpoint_id", endpointId));
    }
  }

  /** The call's arguments as JSON text, checked to be an array within the size limit. */
  private String arguments(JsonElement args, int index, String field) {
    if (args == null || args.isJsonNull()) return "[]";
    if (!args.isJsonArray()) {
      throw new ApiException(400, "invalid_args", "task " + index + ": '" + field
          + "' must be a JSON array of arguments", Map.of("task_index", index));
    }
    String json = args.toString();
    int size = json.length() > maxArgsBytes / 4 ? json.getBytes(StandardCharsets.UTF_8).length
        : json.length();
    if (size > maxArgsBytes) {
      throw new ApiException(413, "payload_too_large", "task " + index + ": arguments are "
          + size + " bytes, the limit is " + maxArgsBytes,
          Map.of("task_index", index, "size", size, "limit", maxArgsBytes));
    }
    return json;
  }

  private static List<JsonObject> objects(JsonObject body, String field) {
    JsonElement value = body.get(field);
    if (value == null || value.isJsonNull()) return List.of();
    if (!value.isJsonArray()) throw ApiException.badRequest("invalid_field", field + " must be an array");
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : value.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        throw ApiException.badRequest("invalid_field", "each entry of " + field + " must be an object");
      }
      out.add(e.getAsJsonObject());
    }
    return out;
  }
}
