package org.funcx.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyListTest {
  @Test
  void depsLinesFollowTheJbangConvention() {
    String source =
        """
        //DEPS org.apache.commons:commons-lang3:3.12.0
          //DEPS com.google.code.gson:gson:2.10.1, org.b:b:1 org.c:c:2
        // DEPS not:a:directive
        String f() { return "//DEPS inside:a:string"; }
        """;
    assertThat(DependencyList.declaredIn(source))
        .containsExactly(
            "org.apache.commons:commons-lang3:3.12.0",
            "com.google.code.gson:gson:2.10.1",
            "org.b:b:1",
            "org.c:c:2");
  }

  @Test
  void theHashCoversTheSortedSetAndStaysAsBeforeWithoutOne() {
    FunctionSpec plain = FunctionSpec.of("f", "int f() { return 1; }");
    assertThat(plain.dependencies()).isEmpty();
    assertThat(plain.hash()).isEqualTo(FunctionSpec.contentHash("f", "int f() { return 1; }"));
    FunctionSpec ab =
        FunctionSpec.of("f", "int f() { return 1; }", List.of("b:b:1", "a:a:1", "b:b:1"));
    FunctionSpec ba = FunctionSpec.of("f", "int f() { return 1; }", List.of("a:a:1", " b:b:1"));
    assertThat(ab.dependencies()).containsExactly("a:a:1", "b:b:1");
    assertThat(ab.hash()).isEqualTo(ba.hash()).isNotEqualTo(plain.hash());
    assertThat(FunctionSpec.of("f", "int f() { return 1; }", List.of("a:a:2")).hash())
        .isNotEqualTo(ab.hash());
  }

  @Test
  void aRecordWithoutTheFieldReadsAsNoDependencies() {
    FunctionSpec old =
        org.funcx.core.json.Json.GSON.fromJson(
            "{\"hash\":\"h\",\"entryPoint\":\"f\",\"source\":\"int f() { return 1; }\"}",
            FunctionSpec.class);
    assertThat(old.dependencies()).isEmpty();
    assertThat(new FunctionSpec("h", "f", "int f() { return 1; }")).isEqualTo(old);
  }
}
