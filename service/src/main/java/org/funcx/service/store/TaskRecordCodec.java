package org.funcx.service.store;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;

/**
 * Compact binary form of a {@link TaskRecord} for the key-value store: the hot path writes one of
 * these per task twice (submit, completion), so it avoids JSON. Version byte first for evolution.
 */
final class TaskRecordCodec {
  /** 3 added stdout and stderr, 4 the resource specification; older records read without. */
  private static final byte VERSION = 4;

  private TaskRecordCodec() {}

  static byte[] encode(TaskRecord r) {
    TaskError e = r.error();
    byte[][] strings = {
      utf8(r.groupId()),
      utf8(r.functionId()),
      utf8(r.endpointId()),
      utf8(r.argsJson()),
      utf8(r.resultJson()),
      utf8(e == null ? null : e.kind().name()),
      utf8(e == null ? null : e.message()),
      utf8(e == null ? null : e.details()),
      utf8(r.resultFormat()),
      utf8(r.stdout()),
      utf8(r.stderr())
    };
    ResourceSpec resources = r.resources();
    int size = 1 + 1 + 8 + 1 + 8 + 8 + 8 + 1 + (resources == null ? 0 : 12);
    for (byte[] b : strings) size += 4 + (b == null ? 0 : b.length);
    if (e == null) size -= 8; // message and details are written only with an error kind
    // Written straight into one exactly sized array: through DataOutputStream over a growing
    // ByteArrayOutputStream this was a tenth of the forwarder's time.
    Writer out = new Writer(new byte[size]);
    out.put(VERSION);
    out.string(strings[0]);
    out.string(strings[1]);
    out.string(strings[2]);
    out.string(strings[3]);
    out.put((byte) (r.cacheable() ? 1 : 0));
    out.putLong(r.timeoutMillis());
    out.put((byte) r.state().ordinal());
    out.putLong(r.createdAtMillis());
    out.putLong(r.completedAtMillis());
    out.string(strings[4]);
    out.string(strings[5]);
    if (e != null) {
      out.string(strings[6]);
      out.string(strings[7]);
    }
    out.string(strings[8]);
    out.putLong(r.resultSize());
    out.string(strings[9]);
    out.string(strings[10]);
    out.put((byte) (resources == null ? 0 : 1));
    if (resources != null) {
      out.putInt(resources.numNodes());
      out.putInt(resources.ranksPerNode());
      out.putInt(resources.cpusPerRank());
    }
    return out.bytes;
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /** Big-endian, as DataOutputStream wrote it, so records stored before read the same. */
  private static final class Writer {
    final byte[] bytes;
    int at;

    Writer(byte[] bytes) {
      this.bytes = bytes;
    }

    void put(byte b) {
      bytes[at++] = b;
    }

    void putInt(int v) {
      bytes[at++] = (byte) (v >>> 24);
      bytes[at++] = (byte) (v >>> 16);
      bytes[at++] = (byte) (v >>> 8);
      bytes[at++] = (byte) v;
    }

    void putLong(long v) {
      putInt((int) (v >>> 32));
      putInt((int) v);
    }

    void string(byte[] b) {
      if (b == null) {
        putInt(-1);
        return;
      }
      putInt(b.length);
      System.arraycopy(b, 0, bytes, at, b.length);
      at += b.length;
    }
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
          kind == null
              ? null
              : new TaskError(ErrorKind.valueOf(kind), readString(in), readString(in));
      String format = version >= 2 ? readString(in) : null;
      long size = version >= 2 ? in.readLong() : 0;
      String stdout = version >= 3 ? readString(in) : null;
      String stderr = version >= 3 ? readString(in) : null;
      ResourceSpec resources =
          version >= 4 && in.readBoolean()
              ? new ResourceSpec(in.readInt(), in.readInt(), in.readInt())
              : null;
      return new TaskRecord(
          taskId, group, function, endpoint, args, cacheable, timeout, state, created, completed,
          result, error, format, size, stdout, stderr, resources);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt record for task " + taskId, e);
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
