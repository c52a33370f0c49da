package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * notebooks/results-as-data.ipynb: a million-row Arrow table from the {@code local} endpoint, then
 * a second endpoint the notebook starts itself with {@code ../funcx} (hence an integration test,
 * after package), and a join of both endpoints' results checked against the definitions.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResultsAsDataNotebookIT {
  static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    PackagedCli.ready();
    cluster = new TestCluster();
    cluster.startEndpoint("local", c -> c);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  @Test
  void a_million_row_table_is_joined_with_a_table_from_a_second_endpoint() throws Exception {
    List<String> out =
        new NotebookRunner().execute("results-as-data.ipynb", cluster.clientEnv(), 240);
    assertThat(out.get(2))
        .contains("1,000,000 rows")
        .contains("<table")
        .contains("station")
        .contains("timestamp");
    assertThat(out.get(3)).contains("1000000 rows, columns [id, value, station, at]");
    assertThat(out.get(4)).contains("999999").contains("2026-01-12T13:46:39Z");

    assertThat(out.get(5)).containsPattern("endpoint site-b online: [0-9a-f-]{36}");
    assertThat(out.get(7)).contains("17 rows").contains("offset").contains("scale");
    String joined = out.get(8);
    for (int s = 0; s < 17; s++) {
      // the notebook's measurements and calibration, joined on station by hand
      double sum = 0;
      long rows = 0;
      for (int i = s; i < 1_000_000; i += 17) {
        sum += Math.sin(i / 1000.0) * (1 + s / 10.0) + s / 100.0;
        rows++;
      }
      assertThat(joined)
          .containsPattern(
              "(?m)^st-"
                  + s
                  + "\\s+"
                  + rows
                  + "\\s+"
                  + Pattern.quote(String.format("%.6f", sum / rows))
                  + "$");
    }
    assertThat(out.get(9))
        .containsPattern("measurements\\s+local\\s")
        .containsPattern("calibration\\s+site-b\\s");
    assertThat(out.get(11)).contains("endpoint site-b stopped");
    assertThat(cluster.endpoints.runningPid("site-b")).isEmpty();
  }
}
