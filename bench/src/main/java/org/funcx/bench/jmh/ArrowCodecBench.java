package org.funcx.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.funcx.bench.arrow.ArrowRoundTrip;
import org.funcx.bench.arrow.BenchRow;
import org.funcx.bench.arrow.CodecBench;
import org.funcx.bench.arrow.JsonRoundTrip;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH version of {@link CodecBench}: encode+decode of the same rows with Arrow and with Gson. Run
 * with {@code bench/run-jmh.sh ArrowCodec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class ArrowCodecBench {
  @Param({"100000"})
  public int rows;

  private List<BenchRow> data;
  private BufferAllocator allocator;
  private ArrowRoundTrip arrow;
  private JsonRoundTrip json;

  @Setup(Level.Trial)
  public void createData() {
    data = BenchRow.generate(rows);
    allocator = new RootAllocator();
    arrow = new ArrowRoundTrip(allocator);
    json = new JsonRoundTrip();
  }

  @TearDown(Level.Trial)
  public void closeAllocator() {
    allocator.close();
  }

  @Benchmark
  public List<BenchRow> arrowToRecords() {
    return arrow.decodeToRecords(arrow.encode(data));
  }

  @Benchmark
  public long arrowToTable() {
    return arrow.decodeToTable(arrow.encode(data));
  }

  @Benchmark
  public List<BenchRow> gsonToRecords() {
    return json.decode(json.encode(data));
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(ArrowCodecBench.class.getName()).build()).run();
  }
}
