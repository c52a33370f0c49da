package org.funcx.kernel.jshell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell our {@link InProcessExecution} instead of a remote JVM agent. */
final class InProcessEngine implements ExecutionControlProvider {
  private final InProcessExecution execution;

  InProcessEngine(InProcessExecution execution) {
    this.execution = execution;
  }

  @Override
  public String name() {
    return "funcx-in-process";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return execution;
  }
}
