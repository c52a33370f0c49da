package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every demo notebook runs top to bottom under Debian's Jupyter (nbconvert --execute) with the
 * funcx-java kernel against a real service and endpoint; a cell error fails the build, and the
 * saved outputs are checked.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NotebooksTest {
  static TestCluster cluster;
  static NotebookRunner notebooks;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    cluster.startEndpoint("local", c -> c);
    notebooks = new NotebookRunner();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  static List<String> execute(String name) throws Exception {
    return notebooks.execute(name, cluster.clientEnv(), 240);
  }

  @Test
  void failures_are_typed_and_readable_and_the_system_recovers() throws Exception {
    List<String> out = execute("failures-and-recovery.ipynb");
    assertThat(out.get(1)).contains("RemoteCompileError").contains("cell line 3")
        .contains("cannot find symbol");
    assertThat(out.get(3)).contains("RemoteTaskError").contains("IllegalArgumentException")
        .contains("b must not be zero").contains("at ratio.ratio(");
    assertThat(out.get(4)).contains("0.25");
    assertThat(out.get(6)).contains("failed: timeout");
    assertThat(out.get(7)).contains("1");
    assertThat(out.get(8)).contains("2 succeeded, 1 failed").contains("b must not be zero");
    assertThat(out.get(9)).contains("argument_error").contains("got the string \"one\"");
  }

  @Test
  void a_parameter_sweep_comes_back_as_one_table_and_reduces() throws Exception {
    List<String> out = execute("parameter-sweep.ipynb");
    assertThat(out.get(2)).contains("5,000 rows").contains("task_id").contains("status")
        .contains("value");
    assertThat(out.get(3)).contains("5000 of 5000 succeeded, mean 0.");
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
