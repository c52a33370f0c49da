package org.funcx.kernel.jshell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * An execution engine that runs nothing: JShell compiles snippets and keeps their declarations,
 * but no class is loaded and no initializer, statement or method body executes. It backs
 * {@link DeclarationMirror}, where code the user has not run yet is declared for completion.
 */
final class CompileOnlyEngine implements ExecutionControlProvider, ExecutionControl {
  @Override
  public String name() {
    return "funcx-compile-only";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return this;
  }

  @Override
  public void load(ClassBytecodes[] classes) {}

  @Override
  public void redefine(ClassBytecodes[] classes) {}

  /** A variable's initializer or an expression "ran": there is no value, and none is shown. */
  @Override
  public String invoke(String className, String methodName) {
    return "";
  }

  @Override
  public String varValue(String className, String varName) {
    return "";
  }

  /** JShell puts the path on its compiler's class path itself; nothing here loads classes. */
  @Override
  public void addToClasspath(String path) {}

  @Override
  public Object extensionCommand(String command, Object argument) throws NotImplementedException {
    throw new NotImplementedException("compile-only engine: " + command);
  }

  @Override
  public void stop() {}

  @Override
  public void close() {}
}
