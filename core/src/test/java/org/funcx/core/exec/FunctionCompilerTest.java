package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.funcx.core.exec.TestFunctions.compile;
import static org.funcx.core.exec.TestFunctions.compileError;
import static org.funcx.core.exec.TestFunctions.result;
import static org.funcx.core.exec.TestFunctions.spec;

import java.util.List;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.junit.jupiter.api.Test;

class FunctionCompilerTest {

  @Test
  void compileErrorNamesTheUsersLineColumnAndSourceLine() {
    String source = "import java.util.*;\nint f(int x) {\n  return x + y;\n}";

    TaskError error = compileError("f", source);

    assertThat(error.kind()).isEqualTo(ErrorKind.COMPILE_ERROR);
    assertThat(error.message()).isEqualTo("line 3: cannot find symbol");
    assertThat(error.details())
        .startsWith("line 3, column 14: cannot find symbol")
        .contains("symbol:   variable y", "location: class f")
        .contains("\n      return x + y;\n                 ^")
        .doesNotContain("Fn_");
  }

  @Test
  void errorOnTheLineCarryingTheClassHeaderGetsTheUsersColumn() {
    TaskError error = compileError("f", "int f() { return nope; }");

    assertThat(error.message()).isEqualTo("line 1: cannot find symbol");
    assertThat(error.details())
        .startsWith("line 1, column 18: cannot find symbol")
        .contains("\n    int f() { return nope; }\n                     ^");
  }

  @Test
  void everyDiagnosticIsListed() {
    TaskError error = compileError("f", "int f() {\n  int a = \"s\";\n  return b;\n}");

    assertThat(error.message())
        .isEqualTo("line 2: incompatible types: java.lang.String cannot be converted to int");
    assertThat(error.details())
        .contains("line 2, column 11: incompatible types")
        .contains("line 3, column 10: cannot find symbol");
  }

  @Test
  void unbalancedBracesAreReportedInsideTheUsersSource() {
    TaskError error = compileError("f", "int f() {\n  return 1;\n");

    assertThat(error.message()).isEqualTo("line 3: reached end of file while parsing");
  }

  @Test
  void missingEntryPointListsWhatTheSourceDeclares() {
    TaskError error = compileError("sqr", "long sq(long x) { return x * x; }\nvoid log() {}");

    assertThat(error.kind()).isEqualTo(ErrorKind.COMPILE_ERROR);
    assertThat(error.message())
        .isEqualTo("no method named sqr in the source; it declares: log, sq");
  }

  @Test
  void entryPointIsInferredWhenTheSourceDeclaresOneMethod() throws Exception {
    CompiledFunction function = compile(null, "long sq(long x) { return x * x; }");

    assertThat(function.entryName()).isEqualTo("sq");
    assertThat(result(function, "[9]")).isEqualTo("81");
    assertThat(compile("  ", "int one() { return 1; }").entryName()).isEqualTo("one");
  }

  @Test
  void inferenceRefusesToGuessAmongSeveralMethods() {
    TaskError error = compileError(null, "int a() { return 1; }\nint b() { return 2; }");

    assertThat(error.message()).contains("several methods: a, b").contains("name the one to call");
  }

  @Test
  void compileExceptionCarriesHashAndEntry() {
    FunctionSpec broken = spec("f", "int f() { return }");

    assertThatThrownBy(() -> new FunctionCompiler().compile(broken))
        .isInstanceOfSatisfying(
            FunctionCompileException.class,
            e -> {
              assertThat(e.functionHash()).isEqualTo(broken.hash());
              assertThat(e.entryPoint()).isEqualTo("f");
              assertThat(e.getMessage())
                  .startsWith("function f [" + broken.hash().substring(0, 12));
            });
  }

  @Test
  void signatureShowsGenericTypesAndParameterNames() throws Exception {
    CompiledFunction function =
        compile(
            "pairs",
            """
        import java.util.*;
        record Pair(String key, int count) {}
        List<Pair> pairs(Map<String, Integer> counts, boolean sorted) { return List.of(); }
        """);

    FunctionSignature signature = function.signatures().get(0);
    assertThat(signature.parameterTypes())
        .containsExactly("java.util.Map<java.lang.String, java.lang.Integer>", "boolean");
    assertThat(signature.parameterNames()).containsExactly("counts", "sorted");
    assertThat(signature.returnType()).isEqualTo("java.util.List<Pair>");
    assertThat(signature)
        .hasToString(
            "java.util.List<Pair> pairs(java.util.Map<java.lang.String, java.lang.Integer> counts,"
                + " boolean sorted)");
  }

  @Test
  void userCodeSeesTheWorkersClasspath() throws Exception {
    CompiledFunction function =
        compile(
            "keys",
            """
        import com.google.gson.JsonParser;
        import java.util.*;
        List<String> keys(String json) {
          return new ArrayList<>(JsonParser.parseString(json).getAsJsonObject().keySet());
        }
        """);

    assertThat(result(function, "[\"{\\\"a\\\":1,\\\"b\\\":2}\"]")).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void sameHelperNameInTwoFunctionsDoesNotClash() throws Exception {
    CompiledFunction first =
        compile("f", "record Helper(int v) {}\nint f() { return new Helper(1).v(); }");
    CompiledFunction second =
        compile(
            "g",
            "static class Helper { String s = \"two\"; }\nString g() { return new Helper().s; }");

    assertThat(result(first, "[]")).isEqualTo("1");
    assertThat(result(second, "[]")).isEqualTo("\"two\"");
  }

  @Test
  void eachCompileOfTheSameSourceHasItsOwnClassesAndStaticState() throws Exception {
    FunctionSpec counter = spec("count", "static int calls;\nint count() { return ++calls; }");
    FunctionCompiler compiler = new FunctionCompiler();
    CompiledFunction first = compiler.compile(counter);
    CompiledFunction second = compiler.compile(counter);

    assertThat(List.of(result(first, "[]"), result(first, "[]"))).containsExactly("1", "2");
    assertThat(result(second, "[]")).isEqualTo("1");
  }
}
