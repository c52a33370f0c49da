package org.funcx.magics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.funcx.kernel.Jupyter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The %funcx magics in the real kernel, driven through jupyter_client and nbconvert, against a real
 * service and endpoint. The last test kills the service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FuncxMagicsThroughJupyterTest {
  @TempDir static Path dir;
  static LocalCluster cluster;
  static Jupyter jupyter;

  @BeforeAll
  static void start() throws Exception {
    cluster = new LocalCluster(Files.createDirectories(dir.resolve("cluster")));
    jupyter =
        Jupyter.withKernel(
            Files.createDirectories(dir.resolve("jupyter")),
            Map.of(
                "FUNCX_URL",
                cluster.url,
                "FUNCX_HOME",
                cluster.home().toString(),
                "FUNCX_TEST_ENDPOINT_ID",
                cluster.endpointId,
                "FUNCX_SERVICE_PID",
                String.valueOf(cluster.servicePid()),
                // the kernel's %maven reads the same repository as the service and the endpoint
                "FUNCX_MAVEN_OFFLINE",
                "true",
                "FUNCX_MAVEN_LOCAL_REPOSITORY",
                cluster.repository().toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  @Test
  @Order(1)
  void notebook_sequence_of_magics_passes() throws Exception {
    assertPythonSuitePasses("test_funcx_magics", 26);
  }

  /**
   * Issue 18, item 3: Arrow results, lists and rows drawn as SVG charts by plot / scatter /
   * histogram and --plot, and a clear message for each bad input.
   */
  @Test
  @Order(2)
  void charts_draw_results_as_svg_and_explain_bad_input() throws Exception {
    assertPythonSuitePasses("test_charts", 4);
  }

  @Test
  @Order(3)
  void a_notebook_executed_headless_registers_runs_and_maps_with_saved_outputs() throws Exception {
    // A second endpoint online, as after the HPC notebook: connect must still pick the endpoint
    // ./funcx up starts ("local") and say so, not stop every later cell (issue 18, item 9).
    cluster.startEndpoint("hpc", 1);
    String inputs =
        IntStream.rangeClosed(1, 1000).mapToObj(String::valueOf).collect(Collectors.joining("\n"));
    Path notebook =
        Notebooks.write(
            dir.resolve("quick.ipynb"),
            List.of(
                "%funcx connect",
                "long sq(long x) { return x * x; }",
                "%funcx register sq",
                "%funcx run sq(12)",
                "%%funcx map sq\n" + inputs,
                "_fx.stream().mapToLong(v -> (Long) v).sum()"));
    Path saved = dir.resolve("quick-out.ipynb");
    Jupyter.Result result =
        jupyter.run(
            List.of(
                "/usr/bin/jupyter",
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.kernel_name=funcx-java",
                "--ExecutePreprocessor.timeout=180",
                "--output",
                saved.toString(),
                notebook.toString()),
            Duration.ofMinutes(4));
    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonArray cells =
        JsonParser.parseString(Files.readString(saved)).getAsJsonObject().getAsJsonArray("cells");
    assertThat(String.join("", Notebooks.texts(cells.get(0), "text/plain")))
        .contains("using endpoint local (" + cluster.endpointId + "), the default among 2 online");
    assertThat(Notebooks.texts(cells.get(3), "text/plain")).containsExactly("144");
    List<String> mapOutputs = Notebooks.texts(cells.get(4), "text/html");
    assertThat(mapOutputs).hasSize(2);
    assertThat(mapOutputs.get(0)).contains("sq: 1000/1000 done, 0 failed");
    assertThat(mapOutputs.get(1))
        .contains("<table", "1000 succeeded, 0 failed", "<td>1000000</td>");
    assertThat(Notebooks.texts(cells.get(5), "text/plain")).containsExactly("333833500");
  }

  /**
   * Issue 15, item 1 in the notebook: a library added with %maven is used in a cell, then by the
   * same method run remotely; %%funcx function with //DEPS; a warning for %jars; a missing
   * //DEPS coordinate as a RemoteDependencyError.
   */
  @Test
  @Order(4)
  void notebook_libraries_are_sent_with_registered_functions() throws Exception {
    assertPythonSuitePasses("test_notebook_libraries", 4);
  }

  @Test
  @Order(5)
  void maps_reattach_to_their_group_after_a_kernel_restart() throws Exception {
    assertPythonSuitePasses("test_map_groups", 4);
  }

  @Test
  @Order(6)
  void a_lost_service_gives_a_clear_error_quickly() throws Exception {
    assertPythonSuitePasses("test_lost_service", 1);
  }

  private static void assertPythonSuitePasses(String module, int tests) throws Exception {
    jupyter.assertSuitePasses(module, tests, "OK", Duration.ofMinutes(4), false);
  }

  /** Writes and reads nbformat 4 notebooks. */
  static final class Notebooks {
    private Notebooks() {}

    static Path write(Path file, List<String> sources) throws Exception {
      JsonArray cells = new JsonArray();
      for (String source : sources) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("execution_count", null);
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.addProperty("source", source);
        cells.add(cell);
      }
      JsonObject kernelspec = new JsonObject();
      kernelspec.addProperty("name", "funcx-java");
      kernelspec.addProperty("display_name", "Java (funcX)");
      kernelspec.addProperty("language", "java");
      JsonObject metadata = new JsonObject();
      metadata.add("kernelspec", kernelspec);
      JsonObject notebook = new JsonObject();
      notebook.add("cells", cells);
      notebook.add("metadata", metadata);
      notebook.addProperty("nbformat", 4);
      notebook.addProperty("nbformat_minor", 5);
      Files.writeString(file, notebook.toString());
      return file;
    }

    /** The {@code mime} data of each of a cell's outputs that has it. */
    static List<String> texts(JsonElement cell, String mime) {
      List<String> out = new ArrayList<>();
      for (JsonElement output : cell.getAsJsonObject().getAsJsonArray("outputs")) {
        JsonObject data = output.getAsJsonObject().getAsJsonObject("data");
        if (data == null || !data.has(mime)) continue;
        JsonElement e = data.get(mime);
        if (!e.isJsonArray()) {
          out.add(e.getAsString());
        } else {
          StringBuilder text = new StringBuilder();
          e.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
          out.add(text.toString());
        }
      }
      return out;
    }
  }
}
