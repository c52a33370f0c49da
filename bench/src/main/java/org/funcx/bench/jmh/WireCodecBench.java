package org.funcx.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.core.json.Json;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zeromq.ZMsg;

/**
 * The wire codec on one 5,000-task batch, each way: TASKS (service → endpoint → manager) and
 * RESULTS (back). Every task crosses each of these four times on its way, so their cost per
 * task bounds the whole path. Encoding repeats the one line {@code WireMessage.sendTo} encodes
 * with, since the codec has no socket-free encode method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireCodecBench {
  private Messages.Tasks tasks;
  private byte[] tasksJson;
  private List<ResultEnvelope> results;
  private byte[] resultsJson;

  @Setup
  public void prepare() {
    var specs = Batches.tasks(Batches.SIZE);
    tasks = new Messages.Tasks(Map.of(Batches.NOOP.hash(), Batches.NOOP), specs);
    tasksJson = encode(tasks);
    results = Batches.results(specs);
    resultsJson = encode(ResultEnvelope.pack(results, 1).body());
  }

  @Benchmark
  public byte[] encodeTasksBatch() {
    return encode(new WireMessage(MessageType.TASKS, tasks).body());
  }

  @Benchmark
  public Messages.Tasks decodeTasksBatch() {
    return WireMessage.decode(frames(MessageType.TASKS, tasksJson)).body(Messages.Tasks.class);
  }

  @Benchmark
  public byte[] encodeResultsBatch() {
    return encode(ResultEnvelope.pack(results, 1).body());
  }

  @Benchmark
  public List<ResultEnvelope> decodeResultsBatch() {
    return ResultEnvelope.unpack(WireMessage.decode(frames(MessageType.RESULTS, resultsJson)));
  }

  private static byte[] encode(Object body) {
    return Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
  }

  private static ZMsg frames(MessageType type, byte[] json) {
    ZMsg msg = new ZMsg();
    msg.add(new byte[] {(byte) type.ordinal()});
    msg.add(json);
    return msg;
  }
}
