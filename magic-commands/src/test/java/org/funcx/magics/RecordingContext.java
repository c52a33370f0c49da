package org.funcx.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.funcx.deps.RepositorySettings;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.SnippetInfo;

/** A KernelContext without a kernel: records variables and displays, has fixed snippets. */
final class RecordingContext implements KernelContext {
  final List<SnippetInfo> snippets = new ArrayList<>();
  final Map<String, Object> variables = new LinkedHashMap<>();
  final List<Object> displayed = new ArrayList<>();

  /** Jars "added" here reach no class path: there is no JShell. */
  final NotebookLibraries libraries =
      new NotebookLibraries(jar -> {}, () -> RepositorySettings.offline(Path.of("no-repository")));

  @Override
  public NotebookLibraries libraries() {
    return libraries;
  }

  @Override
  public List<SnippetInfo> snippets() {
    return snippets;
  }

  @Override
  public Object eval(String code) {
    throw new UnsupportedOperationException("no JShell in this test: " + code);
  }

  @Override
  public void setVariable(String name, Object value) {
    variables.put(name, value);
  }

  @Override
  public <T> void setVariable(String name, Class<T> type, T value) {
    variables.put(name, value);
  }

  @Override
  public String display(Object value) {
    displayed.add(value);
    return "display-" + displayed.size();
  }

  @Override
  public void display(Object value, String displayId) {
    displayed.add(value);
  }

  @Override
  public void updateDisplay(String displayId, Object value) {
    displayed.add(value);
  }
}
