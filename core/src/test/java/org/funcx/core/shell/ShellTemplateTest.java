package org.funcx.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.funcx.core.model.FunctionKind;
import org.funcx.core.model.FunctionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellTemplateTest {

  @Test
  void placeholders_become_quoted_positional_parameters_in_order_of_first_use() throws Exception {
    ShellTemplate t = ShellTemplate.parse("cp {src} {dst} && ls {src}");
    assertThat(t.placeholders()).containsExactly("src", "dst");
    assertThat(t.script()).isEqualTo("cp \"${1}\" \"${2}\" && ls \"${1}\"");
  }

  @Test
  void doubled_braces_are_literal_braces() throws Exception {
    ShellTemplate t = ShellTemplate.parse("awk '{{print $1}}' {file}; echo {{x}}");
    assertThat(t.placeholders()).containsExactly("file");
    assertThat(t.script()).isEqualTo("awk '{print $1}' \"${1}\"; echo {x}");
  }

  @Test
  void values_travel_as_separate_words_after_the_script() throws Exception {
    ShellTemplate t = ShellTemplate.parse("echo {word} {n} {flag}");
    List<String> values = t.values("[{\"flag\": true, \"word\": \"a b; rm -rf ~\", \"n\": 3}]");
    assertThat(values).containsExactly("a b; rm -rf ~", "3", "true");
    assertThat(t.command(values))
        .containsExactly(
            "/bin/sh", "-c", "echo \"${1}\" \"${2}\" \"${3}\"", "sh", "a b; rm -rf ~", "3", "true");
  }

  @Test
  void a_template_without_placeholders_takes_no_arguments_or_an_empty_object() throws Exception {
    ShellTemplate t = ShellTemplate.parse("hostname");
    assertThat(t.values("[]")).isEmpty();
    assertThat(t.values("[{}]")).isEmpty();
    assertThat(t.values("{}")).isEmpty();
  }

  @ParameterizedTest(name = "{index}: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"other\": \"x\"}]|unknown placeholder(s) [other]",
        "[{}]|missing value(s) for [word]",
        "[]|missing value(s) for [word]",
        "[{\"word\": null}]|must be a string, number or boolean, not null",
        "[{\"word\": [1]}]|must be a string, number or boolean, not an array",
        "[{\"word\": {\"a\": 1}}]|must be a string, number or boolean, not an object",
        "[{\"word\": \"a\\u0000b\"}]|holds a NUL character",
        "[\"x\"]|one JSON object naming its placeholders",
        "[{\"word\": \"x\"}, {\"word\": \"y\"}]|one JSON object naming its placeholders",
        "not json|are not JSON"
      })
  void arguments_that_do_not_fill_the_template_are_refused(String args, String message) {
    assertThatThrownBy(() -> ShellTemplate.parse("echo {word}").values(args))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @ValueSource(
      strings = {
        "echo {",
        "echo }",
        "echo {word",
        "echo {1x}",
        "echo {a-b}",
        "echo {}",
        "echo { word }",
        "   ",
        "",
        "echo \u0000"
      })
  void malformed_templates_are_refused(String template) {
    assertThatThrownBy(() -> ShellTemplate.parse(template))
        .isInstanceOf(InvalidTemplateException.class);
  }

  @Test
  void the_length_bound_counts_characters() throws Exception {
    ShellTemplate.parse("#".repeat(ShellTemplate.MAX_CHARS));
    assertThatThrownBy(() -> ShellTemplate.parse("#".repeat(ShellTemplate.MAX_CHARS + 1)))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessageContaining("at most 16384");
  }

  @Test
  void errors_say_where() {
    assertThatThrownBy(() -> ShellTemplate.parse("echo {a-b}"))
        .hasMessageContaining("offset 5")
        .hasMessageContaining("[A-Za-z_][A-Za-z0-9_]*");
  }

  @Test
  void the_hash_covers_kind_and_template_and_java_hashes_are_unchanged() {
    FunctionSpec shell = FunctionSpec.shell("echo {x}");
    assertThat(shell.kind()).isEqualTo(FunctionKind.SHELL);
    assertThat(shell.hash())
        .isEqualTo(FunctionSpec.shell("echo {x}").hash())
        .isNotEqualTo(FunctionSpec.shell("echo {y}").hash())
        .isNotEqualTo(FunctionSpec.of("", "echo {x}").hash())
        .isNotEqualTo(FunctionSpec.of("shell", "echo {x}").hash());
    // A Java function's hash is what it was before kinds: entry point, NUL, source.
    assertThat(FunctionSpec.of("f", "int f() { return 1; }").hash())
        .isEqualTo(FunctionSpec.contentHash("f", "int f() { return 1; }"));
    assertThat(new FunctionSpec("h", "f", "src", (FunctionKind) null).kind())
        .isEqualTo(FunctionKind.JAVA);
  }

  @Test
  void a_spec_from_a_peer_without_kinds_reads_as_java() {
    FunctionSpec old =
        org.funcx.core.json.Json.GSON.fromJson(
            "{\"hash\":\"h\",\"entryPoint\":\"f\",\"source\":\"int f() { return 1; }\"}",
            FunctionSpec.class);
    assertThat(old.kind()).isEqualTo(FunctionKind.JAVA);
    FunctionSpec shell =
        org.funcx.core.json.Json.GSON.fromJson(
            org.funcx.core.json.Json.GSON.toJson(FunctionSpec.shell("ls")), FunctionSpec.class);
    assertThat(shell).isEqualTo(FunctionSpec.shell("ls"));
    assertThat(org.funcx.core.json.Json.GSON.toJson(shell)).contains("\"kind\":\"shell\"");
  }
}
