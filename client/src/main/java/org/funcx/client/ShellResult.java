package org.funcx.client;

import java.util.List;
import java.util.Map;

/**
 * What a shell function's task returns: the command's return code (non-zero is a result, not a
 * failure), the bounded tails of its standard output and error, the command line that ran and how
 * long it took.
 */
public record ShellResult(
    int returncode, String stdout, String stderr, List<String> cmd, double elapsedSeconds) {

  /** From a shell task's decoded result (the JSON object as a map). */
  public static ShellResult of(Object result) {
    if (!(result instanceof Map<?, ?> m) || !(m.get("returncode") instanceof Number code)) {
      throw new IllegalArgumentException("not the result of a shell function: " + result);
    }
    List<String> cmd =
        m.get("cmd") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    return new ShellResult(
        code.intValue(),
        String.valueOf(m.get("stdout")),
        String.valueOf(m.get("stderr")),
        cmd,
        m.get("elapsed_s") instanceof Number n ? n.doubleValue() : Double.NaN);
  }
}
