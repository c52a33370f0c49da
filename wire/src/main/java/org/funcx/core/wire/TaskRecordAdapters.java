package org.funcx.core.wire;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;

/**
 * Hand-written JSON adapters for the two records every task crosses the wire in, several times
 * per task: Gson's reflective record adapter looks fields up by name and builds each record
 * through reflection, which made it most of the interchange's CPU time under load. Same JSON as
 * the reflective form (record component names, nulls left out; a new component must be added
 * here too), same leniency: unknown fields
 * are skipped, a missing number is 0, a wrong type is a {@link JsonSyntaxException}.
 */
final class TaskRecordAdapters {
  private TaskRecordAdapters() {}

  /** For {@code @JsonAdapter} on {@link TaskSpec}. */
  static final class Spec extends TypeAdapter<TaskSpec> {
    @Override
    public void write(JsonWriter out, TaskSpec t) throws IOException {
      out.beginObject();
      string(out, "taskId", t.taskId());
      string(out, "functionHash", t.functionHash());
      string(out, "argsJson", t.argsJson());
      out.name("timeoutMillis").value(t.timeoutMillis());
      string(out, "functionId", t.functionId());
      ResourceSpec r = t.resources();
      if (r != null) {
        out.name("resources")
            .beginObject()
            .name("num_nodes")
            .value(r.numNodes())
            .name("ranks_per_node")
            .value(r.ranksPerNode())
            .name("cpus_per_rank")
            .value(r.cpusPerRank())
            .endObject();
      }
      out.endObject();
    }

    @Override
    public TaskSpec read(JsonReader in) throws IOException {
      String taskId = null;
      String hash = null;
      String args = null;
      long timeout = 0;
      String functionId = null;
      ResourceSpec resources = null;
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "taskId" -> taskId = string(in);
          case "functionHash" -> hash = string(in);
          case "argsJson" -> args = string(in);
          case "timeoutMillis" -> timeout = number(in);
          case "functionId" -> functionId = string(in);
          case "resources" -> resources = resources(in);
          default -> in.skipValue();
        }
      }
      in.endObject();
      return new TaskSpec(taskId, hash, args, timeout, functionId, resources);
    }

    private static ResourceSpec resources(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      long nodes = 1;
      long ranks = 1;
      long cpus = 1;
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "num_nodes" -> nodes = number(in);
          case "ranks_per_node" -> ranks = number(in);
          case "cpus_per_rank" -> cpus = number(in);
          default -> in.skipValue();
        }
      }
      in.endObject();
      try {
        return new ResourceSpec(
            Math.toIntExact(nodes), Math.toIntExact(ranks), Math.toIntExact(cpus));
      } catch (ArithmeticException | IllegalArgumentException e) {
        throw new JsonSyntaxException("invalid resources: " + e.getMessage());
      }
    }
  }

  /** For {@code @JsonAdapter} on {@link TaskResult}; errors, which are rare, go through Gson. */
  static final class ResultFactory implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      if (type.getRawType() != TaskResult.class) return null;
      return (TypeAdapter<T>) new Result(gson.getAdapter(TaskError.class));
    }
  }

  private static final class Result extends TypeAdapter<TaskResult> {
    private final TypeAdapter<TaskError> errors;

    Result(TypeAdapter<TaskError> errors) {
      this.errors = errors;
    }

    @Override
    public void write(JsonWriter out, TaskResult r) throws IOException {
      out.beginObject();
      string(out, "taskId", r.taskId());
      string(out, "resultJson", r.resultJson());
      if (r.error() != null) {
        out.name("error");
        errors.write(out, r.error());
      }
      string(out, "binaryFormat", r.binaryFormat());
      out.name("binaryFrame").value(r.binaryFrame());
      string(out, "stdout", r.stdout());
      string(out, "stderr", r.stderr());
      out.endObject();
    }

    @Override
    public TaskResult read(JsonReader in) throws IOException {
      String taskId = null;
      String result = null;
      TaskError error = null;
      String format = null;
      long frame = 0;
      String stdout = null;
      String stderr = null;
      in.beginObject();
      while (in.hasNext()) {
        switch (in.nextName()) {
          case "taskId" -> taskId = string(in);
          case "resultJson" -> result = string(in);
          case "error" -> error = errors.read(in);
          case "binaryFormat" -> format = string(in);
          case "binaryFrame" -> frame = number(in);
          case "stdout" -> stdout = string(in);
          case "stderr" -> stderr = string(in);
          default -> in.skipValue();
        }
      }
      in.endObject();
      if (frame != (int) frame) throw new JsonSyntaxException("binaryFrame out of range: " + frame);
      return new TaskResult(taskId, result, error, format, (int) frame, stdout, stderr);
    }
  }

  private static void string(JsonWriter out, String name, String value) throws IOException {
    if (value != null) out.name(name).value(value);
  }

  /** As Gson reads a String: null stays null, a boolean or number becomes its text. */
  private static String string(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    return token == JsonToken.BOOLEAN ? Boolean.toString(in.nextBoolean()) : in.nextString();
  }

  /** As Gson reads a primitive long field: null leaves it 0, text that is no number is an error. */
  private static long number(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return 0;
    }
    try {
      return in.nextLong();
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException(e);
    }
  }
}
