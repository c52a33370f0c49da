package org.funcx.core.model;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** What a registered function is: Java source run on worker threads, or a shell command template. */
public enum FunctionKind {
  /** Java source compiled and invoked on a manager's worker threads (the default). */
  @SerializedName("java")
  JAVA,
  /** A command template with {@code {name}} placeholders, run by {@code /bin/sh} in a sandbox. */
  @SerializedName("shell")
  SHELL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code wire}; null or empty is {@link #JAVA} (records from before kinds). */
  public static FunctionKind fromWireName(String wire) {
    if (wire == null || wire.isEmpty()) return JAVA;
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
