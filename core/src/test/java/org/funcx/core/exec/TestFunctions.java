package org.funcx.core.exec;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;

/** Shortcuts for tests: compile a source, call it with arguments written as JSON. */
final class TestFunctions {
  private TestFunctions() {}

  static FunctionSpec spec(String entry, String source) {
    return new FunctionSpec(FunctionSpec.contentHash(String.valueOf(entry), source), entry, source);
  }

  static CompiledFunction compile(String entry, String source) throws FunctionCompileException {
    return new FunctionCompiler().compile(spec(entry, source));
  }

  static TaskError compileError(String entry, String source) {
    try {
      compile(entry, source);
    } catch (FunctionCompileException e) {
      return e.error();
    }
    throw new AssertionError("expected a compile error for " + source);
  }

  static InvocationOutcome call(CompiledFunction function, String jsonArgs)
      throws InterruptedException {
    return function.invoke(args(jsonArgs));
  }

  static JsonArray args(String jsonArgs) {
    return JsonParser.parseString(jsonArgs).getAsJsonArray();
  }

  /** The result JSON of a successful call; fails the test with the error otherwise. */
  static String result(CompiledFunction function, String jsonArgs) throws InterruptedException {
    InvocationOutcome outcome = call(function, jsonArgs);
    if (outcome instanceof InvocationOutcome.Success success) return success.resultJson();
    throw new AssertionError("call failed: " + ((InvocationOutcome.Failure) outcome).error());
  }

  /** The error of a failed call; fails the test when the call succeeded. */
  static TaskError error(CompiledFunction function, String jsonArgs) throws InterruptedException {
    InvocationOutcome outcome = call(function, jsonArgs);
    if (outcome instanceof InvocationOutcome.Failure failure) return failure.error();
    throw new AssertionError(
        "call succeeded: " + ((InvocationOutcome.Success) outcome).resultJson());
  }
}
