package org.funcx.service.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;

/**
 * Compact binary form of a {@link TaskRecord} for the key-value store: the hot path writes one of
 * these per task twice (submit, completion), so it avoids JSON. Version byte first for evolution.
 */
final class TaskRecordCodec {
  private static final byte VERSION = 2;

  private TaskRecordCodec() {}

  static byte[] encode(TaskRecord r) {
    var bytes = new ByteArrayOutputStream(128 + length(r.argsJson()) + length(r.resultJson()));
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeString(out, r.groupId());
      writeString(out, r.functionId());
      writeString(out, r.endpointId());
      writeString(out, r.argsJson());
      out.writeBoolean(r.cacheable());
      out.writeLong(r.timeoutMillis());
      out.writeByte(r.state().ordinal());
      out.writeLong(r.createdAtMillis());
      out.writeLong(r.completedAtMillis());
      writeString(out, r.resultJson());
      TaskError e = r.error();
      writeString(out, e == null ? null : e.kind().name());
      if (e != null) {
        writeString(out, e.message());
        writeString(out, e.details());
      }
      writeString(out, r.resultFormat());
      out.writeLong(r.resultSize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static TaskRecord decode(String taskId, byte[] data) {
    try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version < 1 || version > VERSION) {
        throw new IllegalStateException("task record version " + version);
      }
      String group = readString(in);
      String function = readString(in);
      String endpoint = readString(in);
      String args = readString(in);
      boolean cacheable = in.readBoolean();
      long timeout = in.readLong();
      TaskState state = TaskState.values()[in.readByte()];
      long created = in.readLong();
      long completed = in.readLong();
      String result = readString(in);
      String kind = readString(in);
      TaskError error =
          kind == null ? null : new TaskError(ErrorKind.valueOf(kind), readString(in), readString(in));
      String format = version >= 2 ? readString(in) : null;
      long size = version >= 2 ? in.readLong() : 0;
      return new TaskRecord(taskId, group, function, endpoint, args, cacheable, timeout, state,
          created, completed, result, error, format, size);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt record for task " + taskId, e);
    }
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
