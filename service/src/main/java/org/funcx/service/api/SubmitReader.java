package org.funcx.service.api;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.funcx.core.model.ResourceSpec;

/**
 * Reads a {@code POST /v2/submit} body as a token stream: the limits (tasks per request, bytes of
 * one task's arguments) are enforced while reading, so an oversized request is refused when it
 * crosses a limit, never after it has been held whole as text or as a tree. Each entry of
 * {@code tasks} or {@code batches} is handed over as soon as it is read.
 */
final class SubmitReader {
  /** One entry of {@code tasks} (one call) or {@code batches} (one call per {@code args_list} item). */
  record Entry(
      String functionId,
      String endpointId,
      Boolean cache,
      Double timeoutSeconds,
      ResourceSpec resources,
      List<String> calls) {}

  @FunctionalInterface
  interface Sink {
    void accept(Entry entry);
  }

  private final JsonReader in;
  private final int maxArgsBytes;
  private final int maxTasks;
  private final Sink sink;
  private int tasks;

  private SubmitReader(InputStream body, int maxArgsBytes, int maxTasks, Sink sink) {
    this.in = new JsonReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    in.setStrictness(Strictness.STRICT);
    this.maxArgsBytes = maxArgsBytes;
    this.maxTasks = maxTasks;
    this.sink = sink;
  }

  /** Reads the whole body; malformed JSON is a 400, a crossed limit a 413. */
  static void read(InputStream body, int maxArgsBytes, int maxTasks, Sink sink) {
    new SubmitReader(body, maxArgsBytes, maxTasks, sink).document();
  }

  private void document() {
    try {
      JsonToken first;
      try {
        first = in.peek();
      } catch (EOFException e) {
        throw ApiException.badRequest("empty_body", "the request needs a JSON body");
      }
      if (first != JsonToken.BEGIN_OBJECT) {
        throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
      }
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "tasks" -> entries("tasks", false);
          case "batches" -> entries("batches", true);
          default -> in.skipValue();
        }
      }
      in.endObject();
      if (in.peek() != JsonToken.END_DOCUMENT) {
        throw ApiException.badRequest(
            "invalid_json", "the request body holds more than one JSON value");
      }
    } catch (MalformedJsonException
        | EOFException
        | IllegalStateException
        | NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_json", "the request body is not valid JSON: " + e.getMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(
          "unreadable_body", "the request body could not be read: " + e.getMessage());
    }
  }

  private void entries(String field, boolean batch) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return;
    }
    if (in.peek() != JsonToken.BEGIN_ARRAY) {
      throw ApiException.badRequest("invalid_field", field + " must be an array");
    }
    in.beginArray();
    while (in.hasNext()) {
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        throw ApiException.badRequest(
            "invalid_field", "each entry of " + field + " must be an object");
      }
      sink.accept(entry(batch));
    }
    in.endArray();
  }

  private Entry entry(boolean batch) throws IOException {
    String functionId = null;
    String endpointId = null;
    Boolean cache = null;
    Double timeout = null;
    ResourceSpec resources = null;
    List<String> calls = batch ? null : List.of("[]");
    boolean argsSeen = false;
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      switch (name) {
        case "function_id" -> functionId = string(name);
        case "endpoint_id" -> endpointId = string(name);
        case "cache" -> cache = bool(name);
        case "timeout_s" -> timeout = number(name);
        case "resource_specification" -> resources = resources();
        case "args" -> {
          if (batch) {
            in.skipValue();
          } else {
            if (!argsSeen) countTask();
            argsSeen = true;
            calls = List.of(arguments("args", tasks - 1));
          }
        }
        case "args_list" -> {
          if (batch) calls = argsList();
          else in.skipValue();
        }
        default -> in.skipValue();
      }
    }
    in.endObject();
    if (!batch && !argsSeen) countTask();
    if (calls == null) {
      throw ApiException.badRequest("invalid_field", "each batch needs an 'args_list' array");
    }
    return new Entry(functionId, endpointId, cache, timeout, resources, calls);
  }

  /**
   * {@code {"num_nodes": N, "ranks_per_node": R, "cpus_per_rank": C}}, each optional (1), a whole
   * number within its bound ({@link ResourceSpec}); anything else is a 400 naming the field.
   */
  private ResourceSpec resources() throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (in.peek() != JsonToken.BEGIN_OBJECT) {
      throw invalidResources("resource_specification", "must be an object");
    }
    Integer nodes = null;
    Integer ranks = null;
    Integer cpus = null;
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      switch (name) {
        case "num_nodes" -> nodes = count(name, ResourceSpec.MAX_NODES);
        case "ranks_per_node" -> ranks = count(name, ResourceSpec.MAX_RANKS_PER_NODE);
        case "cpus_per_rank" -> cpus = count(name, ResourceSpec.MAX_CPUS_PER_RANK);
        default ->
            throw invalidResources(
                "resource_specification." + name,
                "is not known (num_nodes, ranks_per_node and cpus_per_rank are)");
      }
    }
    in.endObject();
    return ResourceSpec.of(nodes, ranks, cpus);
  }

  /** A whole number from 1 to {@code max}, read as text so 1e999 or 2.5 never pass as a count. */
  private Integer count(String field, int max) throws IOException {
    String qualified = "resource_specification." + field;
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (in.peek() != JsonToken.NUMBER) throw invalidResources(qualified, "must be a number");
    String text = in.nextString();
    if (!text.matches("-?[0-9]{1,10}")) {
      throw invalidResources(
          qualified, "must be a whole number from 1 to " + max + ", got " + text);
    }
    long value = Long.parseLong(text);
    if (value < 1 || value > max) {
      throw invalidResources(qualified, "must be between 1 and " + max + ", got " + value);
    }
    return (int) value;
  }

  private static ApiException invalidResources(String field, String problem) {
    return new ApiException(
        400, "invalid_resource_specification", field + " " + problem, Map.of("field", field));
  }

  private List<String> argsList() throws IOException {
    if (in.peek() != JsonToken.BEGIN_ARRAY) {
      throw ApiException.badRequest("invalid_field", "each batch needs an 'args_list' array");
    }
    List<String> calls = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      countTask();
      calls.add(arguments("args_list item", tasks - 1));
    }
    in.endArray();
    return calls;
  }

  private void countTask() {
    if (++tasks > maxTasks) {
      throw new ApiException(
          413,
          "too_many_tasks",
          "a submission holds at most " + maxTasks + " tasks",
          Map.of("limit", maxTasks));
    }
  }

  /** One call's arguments copied token by token into compact JSON text, at most the limit. */
  private String arguments(String field, int index) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return "[]";
    }
    if (token != JsonToken.BEGIN_ARRAY) {
      throw new ApiException(
          400,
          "invalid_args",
          "task " + index + ": '" + field + "' must be a JSON array of arguments",
          Map.of("task_index", index));
    }
    // A char is at least one UTF-8 byte: counting chars while copying never refuses what fits.
    TextBuffer text =
        new TextBuffer(64, maxArgsBytes, () -> ArgumentLimit.tooLarge(index, -1, maxArgsBytes));
    JsonWriter out = new JsonWriter(text);
    copyValue(out);
    out.flush();
    String json = text.toString();
    int size =
        json.length() > maxArgsBytes / 4
            ? json.getBytes(StandardCharsets.UTF_8).length
            : json.length();
    if (size > maxArgsBytes) throw ArgumentLimit.tooLarge(index, size, maxArgsBytes);
    return json;
  }

  private void copyValue(JsonWriter out) throws IOException {
    int depth = 0;
    do {
      switch (in.peek()) {
        case BEGIN_ARRAY -> {
          in.beginArray();
          out.beginArray();
          depth++;
        }
        case END_ARRAY -> {
          in.endArray();
          out.endArray();
          depth--;
        }
        case BEGIN_OBJECT -> {
          in.beginObject();
          out.beginObject();
          depth++;
        }
        case END_OBJECT -> {
          in.endObject();
          out.endObject();
          depth--;
        }
        case NAME -> out.name(in.nextName());
        case STRING -> out.value(in.nextString());
        case NUMBER -> out.jsonValue(in.nextString()); // as written; the strict reader checked it
        case BOOLEAN -> out.value(in.nextBoolean());
        case NULL -> {
          in.nextNull();
          out.nullValue();
        }
        case END_DOCUMENT -> throw new EOFException("the body ends inside arguments");
      }
    } while (depth > 0);
  }

  private String string(String field) throws IOException {
    JsonToken t = in.peek();
    if (t == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (t != JsonToken.STRING) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a string");
    }
    return in.nextString();
  }

  private Boolean bool(String field) throws IOException {
    JsonToken t = in.peek();
    if (t == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (t != JsonToken.BOOLEAN) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be true or false");
    }
    return in.nextBoolean();
  }

  private Double number(String field) throws IOException {
    JsonToken t = in.peek();
    if (t == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (t != JsonToken.NUMBER) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a number");
    }
    return in.nextDouble();
  }
}
