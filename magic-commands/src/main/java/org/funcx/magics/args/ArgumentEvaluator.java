package org.funcx.magics.args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.funcx.kernel.spi.CompileError;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.MagicException;

/**
 * Evaluates call arguments written as Java expressions in the notebook's JShell, so they may use
 * the notebook's variables and methods; the values then travel as JSON. Many argument lists
 * (a map) are compiled {@link #CHUNK} at a time: one JShell compilation per line would take
 * seconds for a thousand lines.
 */
public final class ArgumentEvaluator {
  static final int CHUNK = 400;
  private final KernelContext context;

  public ArgumentEvaluator(KernelContext context) {
    this.context = context;
  }

  /** The values of {@code "1, \"a\""} style argument text, in order. */
  public List<Object> arguments(String text) {
    if (text.isBlank()) return List.of();
    try {
      return Arrays.asList((Object[]) context.eval("new Object[] {" + text + "}"));
    } catch (CompileError e) {
      throw new MagicException(
          "the arguments (" + text + ") are not valid Java", String.join("\n", e.traceback()), e);
    }
  }

  /**
   * One argument list per line.
   *
   * @param firstLine the cell line of {@code lines.get(0)}, for error messages
   */
  public List<List<Object>> argumentLists(List<String> lines, int firstLine) {
    List<List<Object>> out = new ArrayList<>(lines.size());
    for (int from = 0; from < lines.size(); from += CHUNK) {
      List<String> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
      StringBuilder code = new StringBuilder("new Object[][] {\n");
      for (String line : chunk) code.append("{").append(line).append("},\n");
      Object[][] values;
      try {
        values = (Object[][]) context.eval(code.append("}").toString());
      } catch (CompileError e) {
        throw badLine(chunk, firstLine + from, e);
      }
      for (Object[] args : values) out.add(Arrays.asList(args));
    }
    return out;
  }

  /** Finds the first line of a chunk that does not compile on its own, for a precise message. */
  private MagicException badLine(List<String> chunk, int firstLine, CompileError chunkError) {
    for (int i = 0; i < chunk.size(); i++) {
      try {
        context.eval("new Object[] {" + chunk.get(i) + "}");
      } catch (CompileError e) {
        return new MagicException(
            "cell line " + (firstLine + i) + " is not a valid argument list: " + chunk.get(i),
            String.join("\n", e.traceback()),
            e);
      }
    }
    return new MagicException(
        "the argument lines are not valid Java",
        String.join("\n", chunkError.traceback()),
        chunkError);
  }
}
