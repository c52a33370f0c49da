package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.kernel.KernelspecInstaller;
import org.funcx.kernel.KernelspecOptions;
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
  static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
  static TestCluster cluster;
  static Path jupyterPath;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    cluster.startEndpoint("local", c -> c);
    jupyterPath = Files.createTempDirectory("funcx-kernels-");
    KernelspecInstaller.install(new KernelspecOptions(System.getProperty("java.class.path"),
        jupyterPath.resolve("kernels").resolve("funcx-java")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  /** Executes a notebook into a temp file and returns the text of each code cell's outputs. */
  static List<String> execute(String name) throws Exception {
    Path out = Files.createTempDirectory("funcx-nb-");
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter", "nbconvert", "--to", "notebook",
        "--execute", "--ExecutePreprocessor.kernel_name=funcx-java",
        "--ExecutePreprocessor.timeout=240", "--output-dir", out.toString(),
        NOTEBOOKS.resolve(name).toString()).redirectErrorStream(true);
    pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
    pb.environment().put("FUNCX_URL", cluster.url);
    pb.environment().put("FUNCX_HOME", cluster.home.root().toString());
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("nbconvert of %s:%n%s", name, log).isZero();
    JsonObject nb = JsonParser.parseString(Files.readString(out.resolve(name))).getAsJsonObject();
    List<String> outputs = new ArrayList<>();
    for (JsonElement cell : nb.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (!"code".equals(c.get("cell_type").getAsString())) continue;
      StringBuilder text = new StringBuilder();
      for (JsonElement o : c.getAsJsonArray("outputs")) {
        JsonObject output = o.getAsJsonObject();
        if (output.has("text")) text.append(join(output.get("text")));
        if (output.has("ename")) {
          text.append(output.get("ename").getAsString()).append(": ")
              .append(output.get("evalue").getAsString()).append('\n')
              .append(join(output.get("traceback")));
        }
        if (output.has("data")) {
          for (var e : output.getAsJsonObject("data").entrySet()) text.append(join(e.getValue()));
        }
      }
      outputs.add(text.toString());
    }
    return outputs;
  }

  private static String join(JsonElement e) {
    if (!e.isJsonArray()) return e.getAsString();
    StringBuilder b = new StringBuilder();
    for (JsonElement line : (JsonArray) e) b.append(line.getAsString());
    return b.toString();
  }

  @Test
  void a_million_row_table_renders_its_summary_in_a_cell() throws Exception {
    List<String> out = execute("results-as-data.ipynb");
    assertThat(out.get(2)).contains("1,000,000 rows").contains("<table").contains("station")
        .contains("timestamp");
    assertThat(out.get(3)).contains("1000000 rows, columns [id, value, station, at]");
    assertThat(out.get(4)).contains("999999").contains("2026-01-12T13:46:39Z");
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
