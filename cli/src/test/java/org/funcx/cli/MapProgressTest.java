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
 * {@code ./funcx map} shows its progress while it runs: not on a terminal here, so plain lines on
 * stderr (a bar on a terminal), and only the summary on stdout.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MapProgressTest {
  private static final String NAP = "long nap(long x) throws InterruptedException {"
      + " Thread.sleep(10); return x; }";

  @Test
  void a_map_prints_progress_lines_while_it_runs_and_a_last_one_counting_every_task()
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      cluster.startEndpoint("local", c -> c.withWorkers(2, 0));
      String function = cluster.client().register(NAP).id();
      // 600 naps of 10 ms on 2 workers take 3 s at least: lines every 0.2 s cannot all be missed.
      CliProcess map = CliProcess.run(cluster.home, Map.of("FUNCX_PROGRESS_SECONDS", "0.2"),
          "map", function, "--range", "1..600");

      assertThat(map.exitCode()).as(map.err()).isZero();
      assertThat(map.out()).startsWith("tasks: 600, failed: 0, sum: 180300,");
      List<Long> counts = doneCounts(map.err(), function);
      assertThat(counts).as(map.err()).hasSizeGreaterThan(1).isSorted();
      assertThat(counts.get(0)).isLessThan(600);
      assertThat(map.err().strip()).endsWith("600/600 done, 0 failed, " + lastSeconds(map.err())
          + " s");
    }
  }

  private static List<Long> doneCounts(String err, String function) {
    Matcher m = Pattern.compile("(?m)^map " + function + ": (\\d+)/600 done, \\d+ failed")
        .matcher(err);
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
