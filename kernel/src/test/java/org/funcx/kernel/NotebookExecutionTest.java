package org.funcx.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notebooks executed headless by Jupyter's own tools against the funcx-java kernel. */
class NotebookExecutionTest {
  @TempDir static Path home;
  private static Jupyter jupyter;

  @BeforeAll
  static void kernelspec() throws Exception {
    jupyter = Jupyter.withKernel(home);
  }

  @Test
  void jupyter_execute_runs_a_small_notebook_and_nbconvert_saves_its_outputs() throws Exception {
    Path notebook =
        writeNotebook(
            "small.ipynb",
            List.of(
                "System.out.println(\"hello from funcx-java\");",
                "long sq(long x) { return x * x; }",
                "sq(12)",
                "display(html(\"<table><tr><td>144</td></tr></table>\"));",
                "%time sq(3)"));
    Jupyter.Result execute =
        jupyter.run(
            List.of("/usr/bin/jupyter", "execute", "--kernel_name=funcx-java", notebook.toString()),
            Duration.ofSeconds(90));
    assertThat(execute.exitCode()).as(execute.output()).isZero();

    Path saved = home.resolve("small-out.ipynb");
    Jupyter.Result convert =
        jupyter.run(
            List.of(
                "/usr/bin/jupyter",
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.kernel_name=funcx-java",
                "--output",
                saved.toString(),
                notebook.toString()),
            Duration.ofSeconds(90));
    assertThat(convert.exitCode()).as(convert.output()).isZero();
    JsonArray cells =
        JsonParser.parseString(Files.readString(saved)).getAsJsonObject().getAsJsonArray("cells");
    assertThat(text(output(cells, 0), "text")).isEqualTo("hello from funcx-java\n");
    assertThat(text(output(cells, 2).getAsJsonObject("data"), "text/plain")).isEqualTo("144");
    assertThat(output(cells, 3).get("output_type").getAsString()).isEqualTo("display_data");
    assertThat(text(output(cells, 3).getAsJsonObject("data"), "text/html"))
        .isEqualTo("<table><tr><td>144</td></tr></table>");
    assertThat(text(output(cells, 4), "text")).startsWith("Wall time:");
  }

  @Test
  void a_failing_cell_fails_jupyter_execute_with_the_compile_error() throws Exception {
    Path notebook = writeNotebook("broken.ipynb", List.of("int ok = 1;", "int bad = ok + nope;"));
    Jupyter.Result execute =
        jupyter.run(
            List.of("/usr/bin/jupyter", "execute", "--kernel_name=funcx-java", notebook.toString()),
            Duration.ofSeconds(90));
    assertThat(execute.exitCode()).isNotZero();
    assertThat(execute.output()).contains("CompileError", "line 1: cannot find symbol");
  }

  private static JsonObject output(JsonArray cells, int cell) {
    return cells.get(cell).getAsJsonObject().getAsJsonArray("outputs").get(0).getAsJsonObject();
  }

  /** nbformat stores multi-line text as a string or a list of lines. */
  private static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (!e.isJsonArray()) return e.getAsString();
    StringBuilder out = new StringBuilder();
    e.getAsJsonArray().forEach(line -> out.append(line.getAsString()));
    return out.toString();
  }

  private static Path writeNotebook(String name, List<String> sources) throws Exception {
    JsonArray cells = new JsonArray();
    for (String source : sources) {
      JsonObject cell = new JsonObject();
      cell.addProperty("cell_type", "code");
      cell.addProperty("execution_count", (Number) null);
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
    Path file = home.resolve(name);
    Files.writeString(file, notebook.toString());
    return file;
  }
}
