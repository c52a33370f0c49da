package org.funcx.magics.args;

import java.util.Set;

/**
 * What one subcommand accepts: a number of positional words and named options, each either a
 * flag ({@code --cache}) or taking a value ({@code --endpoint local}).
 */
public record ArgSpec(int minPositional, int maxPositional, Set<String> flags, Set<String> valued) {
  public static ArgSpec positional(int min, int max) {
    return new ArgSpec(min, max, Set.of(), Set.of());
  }

  public ArgSpec withFlags(String... names) {
    return new ArgSpec(minPositional, maxPositional, Set.of(names), valued);
  }

  public ArgSpec withValues(String... names) {
    return new ArgSpec(minPositional, maxPositional, flags, Set.of(names));
  }
}
