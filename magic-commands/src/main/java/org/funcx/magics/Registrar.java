package org.funcx.magics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.funcx.client.RegisteredFunction;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.spi.MagicException;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;
import org.funcx.magics.source.SourceCollector;
import org.funcx.magics.source.SourceMap;

/** Registers functions from the notebook with the service and finds them again by name. */
public final class Registrar {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
  private static final Pattern MISSING_VARIABLE = Pattern.compile("symbol:\\s+variable (\\w+)");
  private final FuncxSession session;

  public Registrar(FuncxSession session) {
    this.session = session;
  }

  /** Registers a notebook method with what it needs (see {@link SourceCollector}). */
  public Registered registerMethod(String method, String name) {
    SourceCollector.Collected collected =
        SourceCollector.collect(method, session.context().snippets());
    List<String> libraries = session.context().libraries().mavenCoordinates();
    RegisteredFunction function;
    try {
      function = session.call(c -> c.register(collected.source(), method, name, libraries));
    } catch (RemoteCompileError e) {
      throw withVariableHint(e, collected);
    }
    session.remember(name, function, collected.map());
    return new Registered(
        name,
        function,
        collected.imports().size(),
        collected.helpers().stream().map(SnippetInfo::name).toList(),
        localJarsNote());
  }

  /**
   * Registers a cell's body as the function's source. Compile errors name cell lines: the body
   * starts on the cell's second line.
   */
  public Registered registerSource(String name, String source) {
    String entry =
        Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(source).find()
            ? name
            : null;
    // the cell's //DEPS lines travel in the source; the notebook's %maven libraries are added
    List<String> libraries = session.context().libraries().mavenCoordinates();
    RegisteredFunction function;
    try {
      function = session.call(c -> c.register(source, entry, name, libraries));
    } catch (RemoteCompileError e) {
      throw new RemoteCompileError(toCellLines(e.getMessage()), toCellLines(e.details()));
    }
    session.remember(name, function, SourceMap.cellBody(function.entryPoint(), source));
    return new Registered(name, function, 0, List.of(), localJarsNote());
  }

  /**
   * The function called {@code name}: registered from this notebook, a function id, or a notebook
   * method not registered yet (registered now, with a note).
   */
  public RegisteredFunction find(String name) {
    var known = session.function(name);
    if (known.isPresent()) return known.get();
    if (UUID.matcher(name).matches()) return session.call(c -> c.function(name));
    boolean isMethod =
        session.context().snippets().stream()
            .anyMatch(s -> s.kind() == SnippetKind.METHOD && s.name().equals(name));
    if (!isMethod) {
      throw new MagicException(
          "no function named "
              + name
              + "; register one with %funcx register"
              + " METHOD or %%funcx function NAME (registered here: "
              + String.join(", ", session.functions().keySet())
              + ")");
    }
    Registered registered = registerMethod(name, name);
    System.out.println("registered notebook method " + name + " as " + registered.function().id());
    return registered.function();
  }

  /**
   * Jars added with {@code %jars} have no coordinates an endpoint could resolve, so they are not
   * sent: say so, with the two ways to have them remotely.
   */
  private String localJarsNote() {
    List<java.nio.file.Path> jars = session.context().libraries().localJars();
    if (jars.isEmpty()) return "";
    return "warning: jars added with %jars are not sent ("
        + NotebookLibraries.fileNames(jars, 5)
        + "); if the function needs them, install them on the endpoint (./funcx endpoint"
        + " configure NAME --classpath DIR) or use %maven coordinates";
  }

  private static String toCellLines(String text) {
    Matcher m = Pattern.compile("\\bline (\\d+)").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "cell line " + (Integer.parseInt(m.group(1)) + 1));
    }
    return m.appendTail(out).toString();
  }

  private RemoteCompileError withVariableHint(
      RemoteCompileError e, SourceCollector.Collected collected) {
    Matcher m = MISSING_VARIABLE.matcher(e.details());
    String details = collected.map().annotateLines(e.details());
    if (m.find()
        && session.context().snippets().stream()
            .anyMatch(s -> s.kind() == SnippetKind.VARIABLE && s.name().equals(m.group(1)))) {
      details +=
          "\nnote: "
              + m.group(1)
              + " is a notebook variable; functions run elsewhere and"
              + " cannot see it: pass its value as an argument";
    }
    return new RemoteCompileError(
        collected.map().annotateLines(e.getMessage()),
        details + "\nsource sent:\n" + numbered(collected.source()));
  }

  private static String numbered(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%4d  %s", i + 1, lines[i])).append('\n');
    }
    return out.toString().stripTrailing();
  }

  /** What a registration produced, for the user. */
  public record Registered(
      String name, RegisteredFunction function, int imports, List<String> helpers, String warning) {
    @Override
    public String toString() {
      return "registered "
          + name
          + " as "
          + function.id()
          + (function.signature() == null ? "" : "\n  signature: " + function.signature())
          + (function.dependencies().isEmpty()
              ? ""
              : "\n  libraries: " + String.join(", ", function.dependencies()))
          + (imports == 0 ? "" : "\n  with " + imports + " import(s)")
          + (helpers.isEmpty() ? "" : "\n  and helpers: " + String.join(", ", helpers))
          + (warning.isEmpty() ? "" : "\n" + warning);
    }
  }
}
