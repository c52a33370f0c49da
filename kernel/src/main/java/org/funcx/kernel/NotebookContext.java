package org.funcx.kernel;

import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.funcx.kernel.display.Rendering;
import org.funcx.kernel.jshell.JShellSession;
import org.funcx.kernel.jshell.SnippetValue;
import org.funcx.kernel.jshell.SourceOrigin;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.SnippetInfo;

/** The {@link KernelContext} magics and the cells' {@link Notebook} functions work through. */
final class NotebookContext implements KernelContext {
  private static final SourceOrigin MAGIC_CODE = new SourceOrigin("code run by a magic", 1);
  private final JShellSession session;
  private final Rendering rendering;
  private final DisplayStream display;
  private final NotebookLibraries libraries;

  NotebookContext(
      JShellSession session,
      Rendering rendering,
      DisplayStream display,
      NotebookLibraries libraries) {
    this.session = session;
    this.rendering = rendering;
    this.display = display;
    this.libraries = libraries;
  }

  @Override
  public NotebookLibraries libraries() {
    return libraries;
  }

  @Override
  public List<SnippetInfo> snippets() {
    return session.declarations();
  }

  @Override
  public Object eval(String code) {
    return session.eval(code, MAGIC_CODE).map(SnippetValue::value).orElse(null);
  }

  @Override
  public void setVariable(String name, Object value) {
    session.declareVariable(name, null, value);
  }

  @Override
  public <T> void setVariable(String name, Class<T> type, T value) {
    session.declareVariable(name, type, value);
  }

  @Override
  public String display(Object value) {
    String id = "funcx-" + UUID.randomUUID();
    display(value, id);
    return id;
  }

  @Override
  public void display(Object value, String displayId) {
    DisplayData data = rendering.render(value);
    data.setDisplayId(displayId);
    display.display(data);
  }

  @Override
  public void updateDisplay(String displayId, Object value) {
    display.updateDisplay(displayId, rendering.render(value));
  }
}
