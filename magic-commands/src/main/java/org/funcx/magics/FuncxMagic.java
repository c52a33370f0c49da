package org.funcx.magics;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.client.FuncXException;
import org.funcx.kernel.spi.CellMagic;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.magics.args.Usage;
import org.funcx.magics.commands.Subcommand;
import org.funcx.magics.remote.Failures;

/**
 * {@code %funcx SUBCOMMAND ...} and {@code %%funcx SUBCOMMAND ...}: dispatches to the subcommand
 * named by the first word, passing the rest of the line verbatim. No subcommand, {@code help}, or
 * an unknown one prints the usage of all of them.
 */
public final class FuncxMagic implements LineMagic, CellMagic {
  private final FuncxSession session;
  private final Map<String, Subcommand> lineForms = new LinkedHashMap<>();
  private final Map<String, Subcommand> cellForms = new LinkedHashMap<>();

  public FuncxMagic(FuncxSession session, List<Subcommand> subcommands) {
    this.session = session;
    for (Subcommand s : subcommands) {
      if (s.lineForm()) lineForms.put(s.name(), s);
      if (s.cellForm()) cellForms.put(s.name(), s);
    }
  }

  @Override
  public Object eval(String args) throws Exception {
    return dispatch(args, null, lineForms, "%funcx");
  }

  @Override
  public Object eval(String args, String body) throws Exception {
    return dispatch(args, body, cellForms, "%%funcx");
  }

  private Object dispatch(String args, String body, Map<String, Subcommand> forms, String typed)
      throws Exception {
    String line = args.strip();
    int space = indexOfBlank(line);
    String name = space < 0 ? line : line.substring(0, space);
    String rest = space < 0 ? "" : line.substring(space + 1).strip();
    if ((name.isEmpty() || name.equals("help")) && body == null) return usage();
    Subcommand subcommand = forms.get(name);
    if (subcommand == null) {
      String problem =
          name.isEmpty()
              ? typed + " needs a subcommand"
              : (lineForms.containsKey(name) || cellForms.containsKey(name))
                  ? typed + " " + name + " is not available in this form"
                  : "unknown subcommand " + typed + " " + name;
      throw Usage.error(problem, usage());
    }
    try {
      return subcommand.run(rest, body);
    } catch (FuncXException e) {
      throw Failures.of(e, session.url());
    }
  }

  private static int indexOfBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) return i;
    }
    return -1;
  }

  /** Every subcommand's usage line and summary. */
  public String usage() {
    StringBuilder out = new StringBuilder("usage:\n");
    Set<Subcommand> each = new LinkedHashSet<>(lineForms.values());
    each.addAll(cellForms.values());
    for (Subcommand s : each) append(out, s);
    return out.append("\n%funcx and %funcx help print this text.").toString();
  }

  private static void append(StringBuilder out, Subcommand s) {
    out.append("  ").append(s.usage()).append("\n      ").append(s.summary()).append('\n');
  }
}
