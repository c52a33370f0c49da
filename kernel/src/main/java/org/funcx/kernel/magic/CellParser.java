package org.funcx.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magic calls, keeping every magic's arguments verbatim (jjava's
 * transpiler tokenizes them, losing quotes, and appends {@code ;{};}, which swallows the magic's
 * value; we do not use it). A cell whose first line is {@code %%name ...} is one cell magic. Any
 * other line whose first non-blank characters are {@code %name} is a line magic, except inside a
 * text block.
 */
public final class CellParser {
  private static final Pattern CELL_MAGIC = Pattern.compile("%%([A-Za-z_]\\w*)(.*)");
  private static final Pattern LINE_MAGIC = Pattern.compile("\\s*%([A-Za-z_]\\w*)(\\s.*)?");

  private CellParser() {}

  public static List<CellPart> parse(String cell) {
    String[] lines = cell.split("\r?\n", -1);
    Matcher first = CELL_MAGIC.matcher(lines[0]);
    if (first.matches()) {
      int bodyStart = cell.indexOf('\n');
      String body = bodyStart < 0 ? "" : cell.substring(bodyStart + 1);
      return List.of(new CellPart.CellMagicCall(first.group(1), first.group(2).strip(), body));
    }
    List<CellPart> parts = new ArrayList<>();
    StringBuilder code = new StringBuilder();
    int codeStart = 1;
    boolean inTextBlock = false;
    for (int i = 0; i < lines.length; i++) {
      Matcher magic = LINE_MAGIC.matcher(lines[i]);
      if (!inTextBlock && magic.matches()) {
        flush(parts, code, codeStart);
        String args = magic.group(2) == null ? "" : magic.group(2).strip();
        parts.add(new CellPart.LineMagicCall(magic.group(1), args, i + 1));
        codeStart = i + 2;
        continue;
      }
      if (countTextBlockQuotes(lines[i]) % 2 == 1) inTextBlock = !inTextBlock;
      code.append(lines[i]).append('\n');
    }
    flush(parts, code, codeStart);
    return parts;
  }

  private static void flush(List<CellPart> parts, StringBuilder code, int firstLine) {
    if (!code.toString().isBlank()) parts.add(new CellPart.JavaCode(code.toString(), firstLine));
    code.setLength(0);
  }

  private static int countTextBlockQuotes(String line) {
    int count = 0;
    for (int at = line.indexOf("\"\"\""); at >= 0; at = line.indexOf("\"\"\"", at + 3)) count++;
    return count;
  }
}
