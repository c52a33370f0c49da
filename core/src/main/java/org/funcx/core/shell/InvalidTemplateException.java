package org.funcx.core.shell;

/** A shell command template that cannot be registered: why, and where in the template. */
public final class InvalidTemplateException extends Exception {
  /** Offset in the template of the fault; -1 for the template as a whole. */
  private final int offset;

  InvalidTemplateException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
