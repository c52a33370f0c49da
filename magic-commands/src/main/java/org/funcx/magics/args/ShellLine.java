package org.funcx.magics.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.funcx.core.shell.InvalidTemplateException;
import org.funcx.core.shell.ShellTemplate;

/**
 * The line of {@code %funcx sh [--endpoint E] [--timeout S] CMD [name=value…]}: leading options,
 * the command as typed (one level of surrounding quotes removed), and the trailing
 * {@code name=value} words that name placeholders of the command (so {@code echo a=b} stays a
 * command when the command has no {@code {a}}). A value may be quoted: {@code w='a b'}.
 *
 * @param options the options, e.g. {@code --endpoint}
 * @param command the template; empty when the line has none (the cell form's body is the script)
 * @param arguments placeholder values, in the order written
 */
public record ShellLine(ParsedArgs options, String command, Map<String, String> arguments) {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

  /** A word of the line and where it is, so the command keeps its text as typed. */
  private record Word(String text, int start, int end) {}

  /**
   * @param valued the options that take a value
   * @param commandAllowed false for the cell form: every word after the options is an argument
   */
  public static ShellLine parse(
      String raw, List<String> valued, boolean commandAllowed, String usage) {
    List<Word> words = words(raw, usage);
    Map<String, String> values = new LinkedHashMap<>();
    int first = 0;
    while (first < words.size() && words.get(first).text().startsWith("--")) {
      String name = words.get(first).text();
      if (!valued.contains(name)) throw Usage.error("unknown option " + name, usage);
      if (first + 1 >= words.size()) throw Usage.error(name + " needs a value", usage);
      values.put(name, MagicArgs.unquote(words.get(first + 1).text()));
      first += 2;
    }
    ParsedArgs options = new ParsedArgs(List.of(), Set.of(), Map.copyOf(values));
    if (!commandAllowed) {
      return new ShellLine(options, "", assignments(words.subList(first, words.size()), usage));
    }
    // The fewest command words whose placeholders name every trailing assignment.
    for (int end = first + 1; end <= words.size(); end++) {
      List<Word> rest = words.subList(end, words.size());
      if (!rest.stream().allMatch(w -> ASSIGNMENT.matcher(w.text()).matches())) continue;
      String command = unwrap(raw.substring(words.get(first).start(), words.get(end - 1).end()));
      Map<String, String> arguments = assignments(rest, usage);
      if (arguments.isEmpty() || placeholders(command).containsAll(arguments.keySet())) {
        return new ShellLine(options, command, arguments);
      }
    }
    throw Usage.error("no command to run", usage);
  }

  private static List<String> placeholders(String command) {
    try {
      return ShellTemplate.parse(command).placeholders();
    } catch (InvalidTemplateException e) {
      return List.of();
    }
  }

  private static Map<String, String> assignments(List<Word> words, String usage) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Word w : words) {
      if (!ASSIGNMENT.matcher(w.text()).matches()) {
        throw Usage.error("expected name=value, got " + w.text(), usage);
      }
      int eq = w.text().indexOf('=');
      out.put(w.text().substring(0, eq), MagicArgs.unquote(w.text().substring(eq + 1)));
    }
    return out;
  }

  /** A command typed whole in quotes ('hostname; echo $X') loses those quotes. */
  private static String unwrap(String command) {
    if (command.length() >= 2) {
      char q = command.charAt(0);
      if ((q == '\'' || q == '"')
          && command.charAt(command.length() - 1) == q
          && command.indexOf(q, 1) == command.length() - 1) {
        return command.substring(1, command.length() - 1);
      }
    }
    return command;
  }

  /** Splits on blanks outside quotes; quotes stay in the words. */
  private static List<Word> words(String raw, String usage) {
    List<Word> words = new ArrayList<>();
    int start = -1;
    char quote = 0;
    for (int i = 0; i <= raw.length(); i++) {
      char c = i < raw.length() ? raw.charAt(i) : ' ';
      if (quote != 0) {
        if (i == raw.length()) throw Usage.error("unbalanced " + quote + " in: " + raw, usage);
        if (c == '\\' && quote == '"' && i + 1 < raw.length()) i++;
        else if (c == quote) quote = 0;
      } else if (Character.isWhitespace(c)) {
        if (start >= 0) words.add(new Word(raw.substring(start, i), start, i));
        start = -1;
      } else {
        if (start < 0) start = i;
        if (c == '\'' || c == '"') quote = c;
      }
    }
    return words;
  }
}
