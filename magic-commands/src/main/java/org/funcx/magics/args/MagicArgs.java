package org.funcx.magics.args;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a magic's raw argument text. Words are separated by blanks, except inside quotes or
 * brackets, so {@code run f("a b", g(1, 2)) --cache} is three words and the quotes stay: the kernel
 * hands magics the line verbatim and Java arguments need their quotes.
 */
public final class MagicArgs {
  private MagicArgs() {}

  /**
   * @throws org.funcx.kernel.spi.MagicUsageException for unknown options, missing values, the
   *     wrong number of words, or unbalanced quotes and brackets; the error ends with
   *     {@code usage}
   */
  public static ParsedArgs parse(String raw, ArgSpec spec, String usage) {
    List<String> positional = new ArrayList<>();
    Set<String> flags = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    List<String> words = words(raw, usage);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("--")) {
        positional.add(word);
      } else if (spec.flags().contains(word)) {
        flags.add(word);
      } else if (spec.valued().contains(word)) {
        if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
          throw Usage.error(word + " needs a value", usage);
        }
        values.put(word, unquote(words.get(++i)));
      } else {
        throw Usage.error("unknown option " + word, usage);
      }
    }
    if (positional.size() < spec.minPositional() || positional.size() > spec.maxPositional()) {
      String expected =
          spec.minPositional() == spec.maxPositional()
              ? String.valueOf(spec.minPositional())
              : spec.minPositional() + " to " + spec.maxPositional();
      throw Usage.error(
          "expected "
              + expected
              + " argument"
              + (spec.maxPositional() == 1 ? "" : "s")
              + ", got "
              + positional.size(),
          usage);
    }
    return new ParsedArgs(List.copyOf(positional), Set.copyOf(flags), Map.copyOf(values));
  }

  /** Splits on blanks outside quotes and brackets; quotes and brackets stay in the words. */
  public static List<String> words(String raw, String usage) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    ArrayList<Character> open = new ArrayList<>();
    char quote = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (quote != 0) {
        word.append(c);
        if (c == '\\' && i + 1 < raw.length()) {
          word.append(raw.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word.append(c);
      } else if ("([{".indexOf(c) >= 0) {
        open.add(c);
        word.append(c);
      } else if (")]}".indexOf(c) >= 0) {
        if (open.isEmpty() || "([{".indexOf(open.remove(open.size() - 1)) != ")]}".indexOf(c)) {
          throw Usage.error("unbalanced '" + c + "' in: " + raw, usage);
        }
        word.append(c);
      } else if (Character.isWhitespace(c) && open.isEmpty()) {
        if (word.length() > 0) words.add(word.toString());
        word.setLength(0);
      } else {
        word.append(c);
      }
    }
    if (quote != 0 || !open.isEmpty()) {
      throw Usage.error("unclosed " + (quote != 0 ? "quote" : "bracket") + " in: " + raw, usage);
    }
    if (word.length() > 0) words.add(word.toString());
    return words;
  }

  /** An option value may be quoted to hold blanks: {@code --name "my function"}. */
  static String unquote(String word) {
    if (word.length() >= 2
        && (word.startsWith("\"") && word.endsWith("\"")
            || word.startsWith("'") && word.endsWith("'"))) {
      return word.substring(1, word.length() - 1);
    }
    return word;
  }
}
