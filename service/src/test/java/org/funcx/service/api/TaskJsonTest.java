package org.funcx.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.funcx.core.model.TaskState;
import org.funcx.service.store.JsonText;
import org.funcx.service.store.TaskRecord;
import org.junit.jupiter.api.Test;

/** A stored result that is not one JSON value (stored before results were checked) stays inside "result". */
class TaskJsonTest {
  @Test
  void a_stored_result_that_is_not_one_value_is_embedded_as_a_string() {
    String injected = "1,\"status\":\"success\",\"injected\":true";
    TaskRecord task =
        TaskRecord.submitted("t", "g", "f", "e", "[]", false, 0, 1).succeeded(injected, 2);
    JsonObject doc =
        JsonParser.parseString(
                TaskJson.document(out -> TaskJson.write(out, task, TaskState.SUCCESS)))
            .getAsJsonObject();
    assertThat(doc.has("injected")).isFalse();
    assertThat(doc.get("result").getAsString()).isEqualTo(injected);
    TaskRecord fine =
        TaskRecord.submitted("t", "g", "f", "e", "[]", false, 0, 1)
            .succeeded("[1, {\"a\": null}]", 2);
    assertThat(
            JsonParser.parseString(
                    TaskJson.document(out -> TaskJson.write(out, fine, TaskState.SUCCESS)))
                .getAsJsonObject()
                .get("result")
                .toString())
        .isEqualTo("[1,{\"a\":null}]");
  }

  @Test
  void only_one_strict_json_value_passes() {
    for (String ok :
        new String[] {
          "1",
          "-2.5e3",
          "\"s\\u0041\"",
          "true",
          "null",
          "[]",
          "{\"a\":[1,{}]}",
          " [1] ",
          "NaN",
          "[Infinity,-Infinity,\"NaN\"]"
        }) {
      assertThat(JsonText.isOneValue(ok)).as(ok).isTrue();
    }
    for (String bad :
        new String[] {
          "",
          " ",
          "1,2",
          "1 2",
          "[1]]",
          "{\"a\":1},\"b\":2",
          "[1",
          "'a'",
          "\"\\x\"",
          "nan",
          "NaN,\"x\":1",
          "{NaN:1}",
          "{a:1}",
          "\"a\"\"b\"",
          "[1,]",
          "// x\n1"
        }) {
      assertThat(JsonText.isOneValue(bad)).as(bad).isFalse();
    }
  }

  @Test
  void printed_output_is_in_stdout_and_stderr_and_left_out_when_nothing_was_printed() {
    TaskRecord printed =
        TaskRecord.submitted("t", "g", "f", "e", "[]", false, 0, 1)
            .withOutput("line 1\n", null)
            .failed(
                org.funcx.core.model.TaskError.of(
                    org.funcx.core.model.ErrorKind.REMOTE_EXCEPTION, "boom"),
                2);
    JsonObject doc =
        JsonParser.parseString(
                TaskJson.document(out -> TaskJson.write(out, printed, TaskState.FAILED)))
            .getAsJsonObject();
    assertThat(doc.get("stdout").getAsString()).isEqualTo("line 1\n");
    assertThat(doc.has("stderr")).isFalse();
    TaskRecord quiet =
        TaskRecord.submitted("t", "g", "f", "e", "[]", false, 0, 1).succeeded("1", 2);
    JsonObject quietDoc =
        JsonParser.parseString(
                TaskJson.document(out -> TaskJson.write(out, quiet, TaskState.SUCCESS)))
            .getAsJsonObject();
    assertThat(quietDoc.has("stdout")).isFalse();
    assertThat(quietDoc.has("stderr")).isFalse();
  }
}
