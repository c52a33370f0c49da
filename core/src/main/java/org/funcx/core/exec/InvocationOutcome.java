package org.funcx.core.exec;

import java.util.Objects;
import org.funcx.core.model.TaskError;

/**
 * What one call of a function produced: its result encoded as JSON, or a typed error. Interrupts are
 * not outcomes; {@link CompiledFunction#invoke} throws {@link InterruptedException} for them.
 */
public sealed interface InvocationOutcome {

  /** The call returned; {@code resultJson} is the JSON encoding ({@code null} for void). */
  record Success(String resultJson) implements InvocationOutcome {
    public Success {
      Objects.requireNonNull(resultJson, "resultJson");
    }
  }

  /** The call returned a value encoded in a binary format (see {@link BinaryResultEncoder}). */
  record BinarySuccess(String format, byte[] bytes) implements InvocationOutcome {
    public BinarySuccess {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** The call failed before, during or after running the user's code. */
  record Failure(TaskError error) implements InvocationOutcome {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }

  static InvocationOutcome success(String resultJson) {
    return new Success(resultJson);
  }

  static InvocationOutcome failure(TaskError error) {
    return new Failure(error);
  }

  default boolean isSuccess() {
    return this instanceof Success || this instanceof BinarySuccess;
  }
}
