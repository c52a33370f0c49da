package org.funcx.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.funcx.bench.scale.InterchangeScaleRun;
import org.funcx.bench.scale.ScaleResult;
import org.funcx.bench.scale.ScaleScenario;
import org.funcx.bench.service.ManyEndpointsRun;

/**
 * How far one endpoint and one service scale on this machine, printed as JSON lines: one real
 * interchange with N simulated managers of M slots each (N×M from 1,000 to 130,000 slots), then
 * one real service with many simulated endpoints. Simulated peers answer instantly, so the
 * figures are the real component's limits. Target: 130,000 slots at ≥ 20,000 tasks/s.
 *
 * <pre>
 * ScaleSimulation [--quick] [--scenarios 10x100,100x100,1000x130] [--endpoints 100]
 *                 [--tasks-per-endpoint N] [--submit-threads T] [--warmup-s S]
 *                 [--measure-s S] [--heartbeat-s S]
 *                 [--window N] [--manager-threads T] [--reported-task-micros U]
 * </pre>
 */
public final class ScaleSimulation {
  static final int TARGET_SLOTS = 130_000;
  static final int TARGET_TASKS_PER_SECOND = 20_000;

  private ScaleSimulation() {}

  public static void main(String[] args) throws Exception {
    quietProductLogs();
    Options o = Options.parse(args);
    List<ScaleResult> results = new ArrayList<>();
    for (int[] nm : o.scenarios) {
      ScaleScenario s = ScaleScenario.timed(nm[0], nm[1], o.warmup, o.measure);
      if (o.heartbeatSeconds != null) s = s.withHeartbeatSeconds(o.heartbeatSeconds);
      if (o.window != null) s = s.withWindow(o.window);
      if (o.managerThreads != null) s = s.withManagerThreads(o.managerThreads);
      if (o.reportedTaskMicros != null) s = s.withReportedTaskMicros(o.reportedTaskMicros);
      ScaleResult r = InterchangeScaleRun.run(s);
      results.add(r);
      System.out.println(r.toJson());
    }
    // The target is judged on the most slots, and among those the most managers (the harder case).
    results.stream()
        .max(
            Comparator.comparingInt((ScaleResult r) -> r.scenario().slots())
                .thenComparingInt(r -> r.scenario().managers()))
        .ifPresent(r -> System.out.println(target(r)));
    if (o.endpoints > 0) {
      System.out.println(
          ManyEndpointsRun.run(
              new ManyEndpointsRun.Plan(o.endpoints, o.tasksPerEndpoint, 2, o.submitThreads)));
    }
  }

  private static JsonLine target(ScaleResult largest) {
    boolean met =
        largest.scenario().slots() >= TARGET_SLOTS
            && largest.tasksPerSecond() >= TARGET_TASKS_PER_SECOND
            && largest.everyTaskAnsweredOnce()
            && largest.managersLost() == 0;
    return new JsonLine("scale-target")
        .put("target_slots", TARGET_SLOTS)
        .put("target_tasks_per_s", TARGET_TASKS_PER_SECOND)
        .put("managers", largest.scenario().managers())
        .put("slots", largest.scenario().slots())
        .put("dispatch_tasks_per_s", Math.round(largest.tasksPerSecond()))
        .put("met", met)
        .withMachine();
  }

  /** The product logs each manager connecting at INFO; a thousand lines would bury the figures. */
  static void quietProductLogs() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  /** Command-line options; {@code --quick} picks sizes that finish in under two minutes. */
  static final class Options {
    List<int[]> scenarios = new ArrayList<>();
    Duration warmup;
    Duration measure;
    int endpoints = 100;
    int tasksPerEndpoint;
    int submitThreads = 4;
    Double heartbeatSeconds;
    Integer window;
    Integer managerThreads;
    Long reportedTaskMicros;

    static Options parse(String[] args) {
      Options o = new Options();
      boolean quick = List.of(args).contains("--quick");
      String scenarios = quick ? "10x100,100x100,1000x130" : "10x100,100x100,1000x130,100x1300";
      o.warmup = Duration.ofSeconds(quick ? 2 : 5);
      o.measure = Duration.ofSeconds(quick ? 4 : 15);
      o.tasksPerEndpoint = quick ? 200 : 1_000;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--quick")) continue;
        if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
        String v = args[++i];
        switch (a) {
          case "--scenarios" -> scenarios = v;
          case "--endpoints" -> o.endpoints = Integer.parseInt(v);
          case "--tasks-per-endpoint" -> o.tasksPerEndpoint = Integer.parseInt(v);
          case "--submit-threads" -> o.submitThreads = Integer.parseInt(v);
          case "--warmup-s" -> o.warmup = seconds(v);
          case "--measure-s" -> o.measure = seconds(v);
          case "--heartbeat-s" -> o.heartbeatSeconds = Double.parseDouble(v);
          case "--window" -> o.window = Integer.parseInt(v);
          case "--manager-threads" -> o.managerThreads = Integer.parseInt(v);
          case "--reported-task-micros" -> o.reportedTaskMicros = Long.parseLong(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      for (String nm : scenarios.split(",")) {
        if (nm.isBlank()) continue;
        String[] parts = nm.trim().split("x");
        o.scenarios.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
      }
      return o;
    }

    private static Duration seconds(String value) {
      return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
  }
}
