package org.funcx.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's declared libraries: {@code //DEPS group:artifact:version} lines in its source (the
 * JBang convention; several per line, comma or space separated) and explicit lists, in the one
 * normal form that hashes and cache keys use (stripped, sorted, de-duplicated). Only the form is
 * handled here; whether a coordinate is well formed is the resolver's (funcx-deps) question.
 */
public final class DependencyList {
  private static final Pattern DEPS_LINE =
      Pattern.compile("^\\s*//DEPS\\s+(.*)$", Pattern.MULTILINE);
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

  private DependencyList() {}

  /** Every coordinate named on a {@code //DEPS} line of {@code source}, in order of appearance. */
  public static List<String> declaredIn(String source) {
    List<String> out = new ArrayList<>();
    if (source == null) return out;
    Matcher m = DEPS_LINE.matcher(source);
    while (m.find()) out.addAll(split(m.group(1)));
    return out;
  }

  /** Splits {@code "a:b:1, c:d:2 e:f:3"} (commas and/or blanks) into coordinates. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (String part : SEPARATORS.split(text.strip())) if (!part.isEmpty()) out.add(part);
    return out;
  }

  /** Stripped, sorted, without duplicates or blanks; empty for null. */
  public static List<String> normalize(Collection<String> coordinates) {
    if (coordinates == null || coordinates.isEmpty()) return List.of();
    TreeSet<String> sorted = new TreeSet<>();
    for (String c : coordinates) if (c != null && !c.isBlank()) sorted.add(c.strip());
    return List.copyOf(sorted);
  }

  /** The source's {@code //DEPS} together with an explicit list, normalized. */
  public static List<String> merge(String source, Collection<String> explicit) {
    List<String> all = new ArrayList<>(declaredIn(source));
    if (explicit != null) all.addAll(explicit);
    return normalize(all);
  }
}
