package org.funcx.magics.args;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A magic line after parsing: positional words in order, flags present, option values. */
public record ParsedArgs(List<String> positional, Set<String> flags, Map<String, String> values) {
  public String positional(int index) {
    return positional.get(index);
  }

  public Optional<String> optionalPositional(int index) {
    return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
