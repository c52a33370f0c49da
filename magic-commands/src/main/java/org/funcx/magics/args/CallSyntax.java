package org.funcx.magics.args;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call as the user types it after {@code %funcx run}: {@code NAME(ARG, ...)}, where the arguments
 * are Java expressions kept as text for the notebook's JShell to evaluate.
 *
 * @param name a function name (or id) known to the session
 * @param arguments the text between the parentheses, possibly empty
 */
public record CallSyntax(String name, String arguments) {
  private static final Pattern CALL = Pattern.compile("([\\w.$-]+)\\s*\\((.*)\\)", Pattern.DOTALL);

  public static CallSyntax parse(String word, String usage) {
    Matcher m = CALL.matcher(word.strip());
    if (!m.matches()) {
      throw Usage.error("expected a call like sq(12), got: " + word, usage);
    }
    return new CallSyntax(m.group(1), m.group(2).strip());
  }
}
