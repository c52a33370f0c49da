package org.funcx.magics.commands;

import java.time.Duration;
import org.funcx.client.TaskOptions;
import org.funcx.core.model.ResourceSpec;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.args.Usage;

/**
 * Options several subcommands share: {@code --timeout S}, {@code --cache}, {@code --out VAR} and
 * a resource specification, {@code --nodes N --ranks R --cpus-per-rank C} (R ranks per node).
 */
final class CommonOptions {
  /** The notebook variable results land in unless {@code --out} names another. */
  static final String RESULT_VARIABLE = "_fx";

  /** The options of a resource specification, each taking a whole number. */
  static final String[] RESOURCE_OPTIONS = {"--nodes", "--ranks", "--cpus-per-rank"};

  /** How usages show them. */
  static final String RESOURCE_USAGE = "[--nodes N] [--ranks R] [--cpus-per-rank C]";

  private CommonOptions() {}

  static TaskOptions taskOptions(ParsedArgs args, String usage) {
    TaskOptions options = TaskOptions.DEFAULT.withCache(args.flag("--cache"));
    if (args.value("--timeout").isPresent()) {
      double seconds = positiveSeconds("--timeout", args.value("--timeout").get(), usage);
      options = options.withTimeout(Duration.ofMillis(Math.round(seconds * 1000)));
    }
    return options.withResources(resources(args, usage));
  }

  /** The resource specification the options ask for; null when none of them is given. */
  private static ResourceSpec resources(ParsedArgs args, String usage) {
    Integer nodes = count(args, "--nodes", usage);
    Integer ranks = count(args, "--ranks", usage);
    Integer cpus = count(args, "--cpus-per-rank", usage);
    if (nodes == null && ranks == null && cpus == null) return null;
    try {
      return ResourceSpec.of(nodes, ranks, cpus);
    } catch (IllegalArgumentException e) {
      throw Usage.error(e.getMessage(), usage);
    }
  }

  private static Integer count(ParsedArgs args, String option, String usage) {
    if (args.value(option).isEmpty()) return null;
    String text = args.value(option).get();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw Usage.error(option + " takes a whole number, got " + text, usage);
    }
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
