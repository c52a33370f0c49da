package org.funcx.core.exec;

import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/**
 * Turns javac's diagnostics on the wrapped source into a {@link TaskError} phrased in the user's
 * coordinates: user line and column, the user's source line with a caret, and the generated class
 * name replaced by a readable one.
 */
final class CompileDiagnostics {
  private CompileDiagnostics() {}

  static TaskError toTaskError(
      List<Diagnostic<? extends JavaFileObject>> errors,
      WrappedSource source,
      String readableName) {
    if (errors.isEmpty()) {
      return new TaskError(ErrorKind.COMPILE_ERROR, "compilation failed without diagnostics", "");
    }
    StringBuilder details = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      if (details.length() > 0) details.append('\n');
      details.append(describe(error, source, readableName, true));
    }
    String headline = describe(errors.get(0), source, readableName, false);
    return new TaskError(ErrorKind.COMPILE_ERROR, headline, details.toString());
  }

  /** {@code line L: first message line}, or with {@code full} the whole entry with source and caret. */
  private static String describe(
      Diagnostic<? extends JavaFileObject> error,
      WrappedSource source,
      String readableName,
      boolean full) {
    String message =
        error.getMessage(Locale.ROOT).replace(source.className(), readableName).stripTrailing();
    if (error.getPosition() == Diagnostic.NOPOS) {
      return full ? message : message.lines().findFirst().orElse(message);
    }
    String user = source.userSource();
    int offset = source.userOffset(error.getPosition());
    int lineStart = user.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = user.indexOf('\n', offset);
    String lineText = user.substring(lineStart, lineEnd < 0 ? user.length() : lineEnd);
    lineText = lineText.endsWith("\r") ? lineText.substring(0, lineText.length() - 1) : lineText;
    int line = (int) user.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    int column = offset - lineStart + 1;
    if (!full) return "line " + line + ": " + message.lines().findFirst().orElse(message);
    return "line "
        + line
        + ", column "
        + column
        + ": "
        + message
        + "\n    "
        + lineText
        + "\n    "
        + caretUnder(lineText, column);
  }

  /** Spaces (tabs where the line has tabs, so they stay aligned) up to the column, then a caret. */
  private static String caretUnder(String lineText, int column) {
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column - 1 && i < lineText.length(); i++) {
      caret.append(lineText.charAt(i) == '\t' ? '\t' : ' ');
    }
    return caret.append('^').toString();
  }
}
