package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Long CLI work shows its progress on stderr while it runs: not on a terminal here, so plain
 * lines (a bar on a terminal), and stdout keeps only the result.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CliProgressTest {
  private static final String NAP =
      "long nap(long x) throws InterruptedException {" + " Thread.sleep(10); return x; }";

  @Test
  void a_map_prints_progress_lines_while_it_runs_and_a_last_one_counting_every_task()
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startEndpoint("local", c -> c.withWorkers(2, 0));
      String function = cluster.client().register(NAP).id();
      // 600 naps of 10 ms on 2 workers take 3 s at least: lines every 0.2 s cannot all be missed.
      CliProcess map =
          CliProcess.run(
              cluster.home,
              Map.of("FUNCX_PROGRESS_SECONDS", "0.2"),
              "map",
              function,
              "--range",
              "1..600");

      assertThat(map.exitCode()).as(map.err()).isZero();
      assertThat(map.out()).startsWith("tasks: 600, failed: 0, sum: 180300,");
      List<Long> counts = doneCounts(map.err(), function);
      assertThat(counts).as(map.err()).hasSizeGreaterThan(1).isSorted();
      assertThat(counts.get(0)).isLessThan(600);
      assertThat(map.err().strip())
          .endsWith("600/600 done, 0 failed, " + lastSeconds(map.err()) + " s");
    }
  }

  /**
   * Starting an endpoint waits for its agent and its first block's manager, two JVMs, far longer
   * than the 0.1 s between lines; a quick wait would print none (never a line at the start).
   */
  @Test
  void an_endpoint_start_says_what_it_waits_for_while_it_waits() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      var env = new java.util.HashMap<>(cluster.clientEnv());
      env.put("FUNCX_PROGRESS_SECONDS", "0.1");
      CliProcess start = CliProcess.run(cluster.home, env, "endpoint", "start", "slow");

      assertThat(start.exitCode()).as(start.err()).isZero();
      assertThat(start.out())
          .containsPattern("endpoint slow online: [0-9a-f-]{36}")
          .doesNotContain("waiting");
      Matcher waits =
          Pattern.compile("(?m)^funcx: still waiting for endpoint slow \\((\\d+) s\\)$")
              .matcher(start.err());
      List<Long> seconds = new java.util.ArrayList<>();
      while (waits.find()) seconds.add(Long.parseLong(waits.group(1)));
      assertThat(seconds).as(start.err()).isNotEmpty().isSorted();
    }
  }

  private static List<Long> doneCounts(String err, String function) {
    Matcher m =
        Pattern.compile("(?m)^map " + function + ": (\\d+)/600 done, \\d+ failed").matcher(err);
    List<Long> counts = new java.util.ArrayList<>();
    while (m.find()) counts.add(Long.parseLong(m.group(1)));
    return counts;
  }

  private static String lastSeconds(String err) {
    Matcher m = Pattern.compile("([0-9.]+) s$").matcher(err.strip());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
