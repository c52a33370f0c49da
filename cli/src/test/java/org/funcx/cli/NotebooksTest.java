package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.funcx.deps.FileRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every demo notebook runs top to bottom under Debian's Jupyter (nbconvert --execute) with the
 * funcx-java kernel against a real service and endpoint; a cell error fails the build, and the
 * saved outputs are checked. The kernel's {@code %maven} reads offline from a file repository
 * of real artifacts (FUNCX_MAVEN_OFFLINE, FUNCX_MAVEN_LOCAL_REPOSITORY, as a user would set them).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NotebooksTest {
  static TestCluster cluster;
  static NotebookRunner notebooks;
  static Path repository;

  @BeforeAll
  static void start() throws Exception {
    repository = FileRepository.standard(Files.createTempDirectory("funcx-maven-repo-")).root();
    cluster = new TestCluster();
    cluster.startEndpoint("local", c -> c);
    notebooks = new NotebookRunner();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  static List<String> execute(String name) throws Exception {
    Map<String, String> env = new HashMap<>(cluster.clientEnv());
    env.put("FUNCX_MAVEN_OFFLINE", "true");
    env.put("FUNCX_MAVEN_LOCAL_REPOSITORY", repository.toString());
    return notebooks.execute(name, env, 240);
  }

  @Test
  void failures_are_typed_and_readable_and_the_system_recovers() throws Exception {
    List<String> out = execute("failures-and-recovery.ipynb");
    assertThat(out.get(1))
        .contains("RemoteCompileError")
        .contains("cell line 3")
        .contains("cannot find symbol");
    assertThat(out.get(3))
        .contains("RemoteTaskError")
        .contains("IllegalArgumentException")
        .contains("b must not be zero")
        .contains("at ratio.ratio(");
    assertThat(out.get(4)).contains("0.25");
    assertThat(out.get(6)).contains("failed: timeout");
    assertThat(out.get(7)).contains("1");
    assertThat(out.get(8)).contains("2 succeeded, 1 failed").contains("b must not be zero");
    assertThat(out.get(9)).contains("argument_error").contains("got the string \"one\"");
  }

  @Test
  void a_parameter_sweep_comes_back_as_one_table_and_reduces() throws Exception {
    List<String> out = execute("parameter-sweep.ipynb");
    assertThat(out.get(2))
        .contains("5,000 rows")
        .contains("task_id")
        .contains("status")
        .contains("value");
    assertThat(out.get(3)).contains("5000 of 5000 succeeded, mean 0.");
    // charts of the Arrow table and of rows made from it, as SVG with their titles (issue 18)
    assertThat(out.get(4))
        .contains(
            "<svg",
            ">histogram of value</text>",
            ">count</text>",
            "histogram of value: 5,000 values in 40 bins");
    assertThat(out.get(5))
        .contains(
            "<svg",
            ">average against r</text>",
            ">r</text>",
            ">average</text>",
            "scatter chart of average against r: 5,000 points");
    assertThat(out.get(6))
        .contains("org.apache.commons:commons-math3:3.6.1: added 1 jar: commons-math3-3.6.1.jar")
        .contains(medianOfTheSweep());
  }

  /**
   * The notebook's median (Commons Math, over the endpoint's results), computed here from the
   * notebook's model and rates without either: interpolated as Commons Math's default does.
   */
  private static String medianOfTheSweep() {
    double[] averages =
        IntStream.range(0, 5000)
            .mapToDouble(i -> logistic(2.5 + 1.5 * i / 5000.0))
            .sorted()
            .toArray();
    double lower = averages[2499];
    double upper = averages[2500];
    return String.format("median %.6f", lower + 0.5 * (upper - lower));
  }

  /** The notebook's model: the logistic map's long-run average for growth rate {@code r}. */
  private static double logistic(double r) {
    double x = 0.5;
    for (int i = 0; i < 1000; i++) x = r * x * (1 - x);
    double sum = 0;
    for (int i = 0; i < 1000; i++) {
      x = r * x * (1 - x);
      sum += x;
    }
    return sum / 1000;
  }

  @Test
  void quickstart_runs_clean_with_the_right_outputs() throws Exception {
    List<String> out = execute("quickstart.ipynb");
    assertThat(out.get(0)).contains("connected to the funcX service");
    assertThat(out.get(3)).contains("385");
    assertThat(out.get(4)).contains("100 succeeded, 0 failed").contains("<table");
    assertThat(out.get(5)).contains("338350");
    assertThat(out.get(7)).contains("10,000 rows").contains("<table");
    assertThat(out.get(8)).contains("10000");
  }
}
