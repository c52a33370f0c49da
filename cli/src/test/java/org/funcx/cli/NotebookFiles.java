package org.funcx.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an executed notebook: the text of each code cell's outputs, errors with tracebacks. */
final class NotebookFiles {
  private NotebookFiles() {}

  static List<String> codeOutputs(Path notebook) throws IOException {
    JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    List<String> outputs = new ArrayList<>();
    for (JsonElement cell : nb.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (!"code".equals(c.get("cell_type").getAsString())) continue;
      StringBuilder text = new StringBuilder();
      for (JsonElement o : c.getAsJsonArray("outputs")) {
        JsonObject output = o.getAsJsonObject();
        if (output.has("text")) text.append(join(output.get("text")));
        if (output.has("ename")) {
          text.append(output.get("ename").getAsString())
              .append(": ")
              .append(output.get("evalue").getAsString())
              .append('\n')
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
}
