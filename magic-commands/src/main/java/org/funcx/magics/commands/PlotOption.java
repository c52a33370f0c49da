package org.funcx.magics.commands;

import java.util.Optional;
import org.funcx.kernel.charts.ChartLimits;
import org.funcx.kernel.charts.Charts;
import org.funcx.kernel.display.Svg;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.args.Usage;

/**
 * {@code --plot X,Y} (a line), {@code --plot scatter:X,Y} or {@code --plot hist:COLUMN[:BINS]}:
 * draws a result with the notebook's charts. A list of numbers has the columns {@code index} and
 * {@code value}; a map's values are its rows.
 */
record PlotOption(String kind, String first, String second, int bins) {
  static final String USAGE = "--plot X,Y | line:X,Y | scatter:X,Y | hist:COLUMN[:BINS]";

  /** The parsed {@code --plot} option, if given. */
  static Optional<PlotOption> of(ParsedArgs args, String usage) {
    return args.value("--plot").map(spec -> parse(spec, usage));
  }

  static PlotOption parse(String spec, String usage) {
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? "line" : spec.substring(0, colon);
    String rest = colon < 0 ? spec : spec.substring(colon + 1);
    if (kind.equals("hist")) {
      String[] parts = rest.split(":", -1);
      if (parts.length > 2 || parts[0].isBlank()) throw bad(spec, usage);
      return new PlotOption(
          kind,
          parts[0],
          null,
          parts.length == 2 ? bins(parts[1], usage) : ChartLimits.DEFAULT_BINS);
    }
    String[] xy = rest.split(",", -1);
    if (!(kind.equals("line") || kind.equals("scatter"))
        || xy.length != 2
        || xy[0].isBlank()
        || xy[1].isBlank()) {
      throw bad(spec, usage);
    }
    return new PlotOption(kind, xy[0].strip(), xy[1].strip(), 0);
  }

  /** The chart of {@code value}; a {@code ChartError} says what in the value does not fit. */
  Svg draw(Object value) {
    return switch (kind) {
      case "hist" -> Charts.histogram(value, first, bins);
      case "scatter" -> Charts.scatter(value, first, second);
      default -> Charts.plot(value, first, second);
    };
  }

  private static int bins(String text, String usage) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw Usage.error("--plot hist:COLUMN:BINS takes a whole number of bins, got " + text, usage);
    }
  }

  private static RuntimeException bad(String spec, String usage) {
    return Usage.error("--plot takes " + USAGE + ", got " + spec, usage);
  }
}
