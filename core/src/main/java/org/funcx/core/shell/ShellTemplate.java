package org.funcx.core.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A shell function's command template: text with {@code {name}} placeholders ({@code {{} and
 * {@code }}} for literal braces). Argument values never become shell code: {@link #script()}
 * puts a quoted positional parameter ({@code "${1}"}) where each placeholder was, and the values
 * travel as separate words of {@code /bin/sh -c SCRIPT sh V1 V2…} ({@link #command}).
 */
public final class ShellTemplate {
  /** The longest template accepted at registration, in characters. */
  public static final int MAX_CHARS = 16_384;

  private static final String NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

  private final String template;
  private final String script;

  /** Placeholder names in order of first use; position i is {@code ${i+1}}. */
  private final List<String> names;

  private ShellTemplate(String template, String script, List<String> names) {
    this.template = template;
    this.script = script;
    this.names = names;
  }

  /** Checks and parses a template: non-blank, bounded, balanced braces, valid names, no NUL. */
  public static ShellTemplate parse(String template) throws InvalidTemplateException {
    if (template == null || template.isBlank()) {
      throw new InvalidTemplateException("the shell command is empty", -1);
    }
    if (template.length() > MAX_CHARS) {
      throw new InvalidTemplateException(
          "the shell command has "
              + template.length()
              + " characters; at most "
              + MAX_CHARS
              + " are allowed",
          -1);
    }
    StringBuilder script = new StringBuilder(template.length() + 16);
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\0') throw new InvalidTemplateException("NUL character at offset " + i, i);
      if (c == '{' && next(template, i) == '{' || c == '}' && next(template, i) == '}') {
        script.append(c);
        i++;
      } else if (c == '}') {
        throw new InvalidTemplateException(
            "unmatched '}' at offset " + i + " (write '}}' for a literal brace)", i);
      } else if (c == '{') {
        int close = template.indexOf('}', i + 1);
        if (close < 0) {
          throw new InvalidTemplateException(
              "unclosed '{' at offset " + i + " (write '{{' for a literal brace)", i);
        }
        String name = template.substring(i + 1, close);
        if (!name.matches(NAME_PATTERN)) {
          throw new InvalidTemplateException(
              "placeholder '{"
                  + name
                  + "}' at offset "
                  + i
                  + ": a name must match "
                  + NAME_PATTERN
                  + " (write '{{' for a literal brace)",
              i);
        }
        int position = positions.computeIfAbsent(name, n -> positions.size() + 1);
        script.append("\"${").append(position).append("}\"");
        i = close;
      } else {
        script.append(c);
      }
    }
    return new ShellTemplate(template, script.toString(), List.copyOf(positions.keySet()));
  }

  private static char next(String s, int i) {
    return i + 1 < s.length() ? s.charAt(i + 1) : 0;
  }

  public String template() {
    return template;
  }

  /** The script for {@code sh -c}: each placeholder replaced by its quoted positional parameter. */
  public String script() {
    return script;
  }

  /** Placeholder names, each once, in order of first use. */
  public List<String> placeholders() {
    return names;
  }

  /**
   * The values for the placeholders, in positional order, from the task's arguments: a JSON array
   * holding one object that names every placeholder (an empty array for a template without any).
   * A missing or extra name, or a value that is not a string, number or boolean, is refused.
   */
  public List<String> values(String argsJson) throws InvalidArgumentsException {
    JsonObject named = namedArguments(argsJson);
    TreeSet<String> extra = new TreeSet<>(named.keySet());
    names.forEach(extra::remove);
    if (!extra.isEmpty()) {
      throw new InvalidArgumentsException(
          "unknown placeholder(s) " + extra + "; the command has " + describe(names));
    }
    List<String> missing = names.stream().filter(n -> !named.has(n)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidArgumentsException(
          "missing value(s) for " + missing + "; the command has " + describe(names));
    }
    List<String> values = new ArrayList<>(names.size());
    for (String name : names) values.add(text(name, named.get(name)));
    return values;
  }

  /** The whole command line: {@code /bin/sh -c SCRIPT sh V1 V2…}. */
  public List<String> command(List<String> values) {
    List<String> command = new ArrayList<>(4 + values.size());
    command.addAll(List.of("/bin/sh", "-c", script, "sh"));
    command.addAll(values);
    return command;
  }

  private static JsonObject namedArguments(String argsJson) throws InvalidArgumentsException {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(argsJson == null ? "[]" : argsJson);
    } catch (JsonParseException e) {
      throw new InvalidArgumentsException("the arguments are not JSON");
    }
    if (parsed.isJsonObject()) return parsed.getAsJsonObject();
    if (parsed.isJsonArray()) {
      JsonArray array = parsed.getAsJsonArray();
      if (array.isEmpty()) return new JsonObject();
      if (array.size() == 1 && array.get(0).isJsonObject()) return array.get(0).getAsJsonObject();
    }
    throw new InvalidArgumentsException(
        "a shell function takes one JSON object naming its"
            + " placeholders, e.g. {\"word\": \"x\"}");
  }

  private static String text(String name, JsonElement value) throws InvalidArgumentsException {
    if (value != null && value.isJsonPrimitive()) {
      JsonPrimitive p = value.getAsJsonPrimitive();
      String text = p.getAsString();
      if (text.indexOf('\0') >= 0) {
        throw new InvalidArgumentsException("the value of '" + name + "' holds a NUL character");
      }
      return text;
    }
    throw new InvalidArgumentsException(
        "the value of '"
            + name
            + "' must be a string, number or boolean, not "
            + (value == null || value.isJsonNull()
                ? "null"
                : value.isJsonArray() ? "an array" : "an object"));
  }

  private static String describe(List<String> names) {
    return names.isEmpty() ? "no placeholders" : "placeholders " + names;
  }

  @Override
  public String toString() {
    return template;
  }
}
