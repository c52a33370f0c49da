package org.funcx.magics.commands;

import java.time.Duration;
import org.funcx.client.TaskOptions;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.args.Usage;

/** Options several subcommands share: {@code --timeout S}, {@code --cache}, {@code --out VAR}. */
final class CommonOptions {
  /** The notebook variable results land in unless {@code --out} names another. */
  static final String RESULT_VARIABLE = "_fx";

  private CommonOptions() {}

  static TaskOptions taskOptions(ParsedArgs args, String usage) {
    TaskOptions options = TaskOptions.DEFAULT.withCache(args.flag("--cache"));
    if (args.value("--timeout").isPresent()) {
      double seconds = positiveSeconds("--timeout", args.value("--timeout").get(), usage);
      options = options.withTimeout(Duration.ofMillis(Math.round(seconds * 1000)));
    }
    return options;
  }

  /** The value of a seconds option such as {@code --timeout}; a usage error unless positive. */
  static double positiveSeconds(String option, String text, String usage) {
    double seconds;
    try {
      seconds = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw Usage.error(option + " takes seconds, got " + text, usage);
    }
    if (!(seconds > 0)) throw Usage.error(option + " must be positive", usage);
    return seconds;
  }

  /** Stores {@code value} in {@code _fx} or the {@code --out} variable. */
  static void storeResult(KernelContext context, ParsedArgs args, String usage, Object value) {
    String name = args.value("--out").orElse(RESULT_VARIABLE);
    try {
      context.setVariable(name, value);
    } catch (IllegalArgumentException e) {
      throw Usage.error("--out needs a Java variable name, got " + name, usage);
    }
  }
}
