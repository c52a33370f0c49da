package org.funcx.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line must be
 * a HELP, a TYPE or a sample; every sample must belong to a family whose TYPE came before it
 * (histograms' {@code _bucket}, {@code _sum}, {@code _count} included); a malformed line fails.
 */
final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "("
              + NAME
              + ")(\\{(.*)\\})? "
              + "([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

  record Sample(String name, Map<String, String> labels, double value) {}

  final List<Sample> samples = new ArrayList<>();
  final Map<String, String> types = new HashMap<>();

  private PrometheusText() {}

  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (line.isEmpty()) continue;
      Matcher m;
      if ((m = TYPE.matcher(line)).matches()) {
        if (parsed.types.put(m.group(1), m.group(2)) != null) {
          throw new IllegalArgumentException(
              "line " + lineNumber + ": second TYPE of " + m.group(1));
        }
      } else if (HELP.matcher(line).matches()) {
        continue;
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String name = m.group(1);
        if (parsed.family(name) == null) {
          throw new IllegalArgumentException(
              "line " + lineNumber + ": sample before its TYPE: " + line);
        }
        parsed.samples.add(new Sample(name, labels(m.group(3), lineNumber), value(m.group(4))));
      } else {
        throw new IllegalArgumentException(
            "line " + lineNumber + " is not Prometheus text: " + line);
      }
    }
    return parsed;
  }

  private String family(String sample) {
    if (types.containsKey(sample)) return sample;
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        if (Set.of("histogram", "summary").contains(types.get(base))) return base;
      }
    }
    return null;
  }

  private static Map<String, String> labels(String text, int lineNumber) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) return labels;
    Matcher m = LABEL.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("line " + lineNumber + ": bad labels " + text);
      }
      labels.put(m.group(1), m.group(2));
      at = m.end();
    }
    return labels;
  }

  private static double value(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** The sum of the samples named {@code name} whose labels include {@code labels}. */
  double sum(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }
}
