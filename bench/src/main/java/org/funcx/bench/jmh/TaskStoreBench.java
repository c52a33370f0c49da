package org.funcx.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.funcx.service.store.TaskIds;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service's MVStore task store: one record put as submission does it, and a pass of 5,000
 * result puts closed by one commit, as the forwarder stores results before acknowledging them.
 * Keys cycle over a fixed set so the file stops growing; results are nanoseconds per record.
 * {@code keys}: random UUIDs (as task ids were) or time-ordered ones ({@link TaskIds}, as now).
 * {@link #submitOneTaskThenCommit} is one single-task submission, whose group id takes the same
 * kind of key (random as group ids were before issue 17, ordered as now).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaskStoreBench {
  private static final int KEYS = 100_000;
  private static final int PASS = 5_000;

  /** Maps submitted before the single tasks: their member lists make big leaves in the groups map. */
  private static final int EARLIER_MAPS = 10;

  private static final int MAP_SIZE = 10_000;
  private Path dir;
  private TaskStore store;
  private TaskRecord[] submitted;
  private TaskRecord[] finished;
  private int next;

  @Param({"random", "ordered"})
  public String keys;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("funcx-jmh-store-");
    store = new TaskStore(dir.resolve("tasks.mvstore"));
    String group = UUID.randomUUID().toString();
    String function = UUID.randomUUID().toString();
    String endpoint = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    submitted = new TaskRecord[KEYS];
    finished = new TaskRecord[KEYS];
    for (int i = 0; i < KEYS; i++) {
      String id = newKey();
      submitted[i] =
          TaskRecord.submitted(id, group, function, endpoint, "[" + i + "]", false, 0, now);
      finished[i] = submitted[i].succeeded(String.valueOf(i), now);
    }
    for (int m = 0; m < EARLIER_MAPS; m++) {
      List<String> members = new ArrayList<>(MAP_SIZE);
      for (int i = 0; i < MAP_SIZE; i++) members.add(TaskIds.next());
      store.putGroup(newKey(), "owner", members);
    }
    store.commit();
  }

  private String newKey() {
    return keys.equals("ordered") ? TaskIds.next() : UUID.randomUUID().toString();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  @Benchmark
  public void putSubmittedRecord() {
    store.put(submitted[next]);
    next = (next + 1) % KEYS;
  }

  @Benchmark
  @OperationsPerInvocation(PASS)
  public void putResultPassThenCommit() {
    for (int i = 0; i < PASS; i++) {
      store.put(finished[next]);
      next = (next + 1) % KEYS;
    }
    store.commit();
  }

  /**
   * A single-task submission as SubmitApi stores it: the record, its group, one commit with
   * fsync. Its wall time is mostly the fsync; the id order shows in the commit's CPU (page
   * serialization), e.g. with {@code -prof stack} or a CPU-time profiler.
   */
  @Benchmark
  public void submitOneTaskThenCommit() {
    TaskRecord task = submitted[next];
    next = (next + 1) % KEYS;
    store.put(task);
    store.putGroup(newKey(), "owner", List.of(task.taskId()));
    store.commit();
  }
}
