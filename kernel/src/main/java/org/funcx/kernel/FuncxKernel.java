package org.funcx.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.funcx.kernel.display.Rendering;
import org.funcx.kernel.history.SessionHistory;
import org.funcx.kernel.jshell.JShellSession;
import org.funcx.kernel.jshell.SnippetValue;
import org.funcx.kernel.jshell.SourceOrigin;
import org.funcx.kernel.jshell.UserThreads;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.magic.CellRunner;
import org.funcx.kernel.protocol.ConformingKernel;
import org.funcx.kernel.spi.CellError;
import org.funcx.kernel.spi.MagicsRegistry;

/**
 * The funcX Java kernel: Jupyter's protocol from jjava, cells evaluated by our own JShell in this
 * JVM, magics from {@link org.funcx.kernel.spi.MagicsProvider}s, rich output from
 * {@link org.funcx.kernel.spi.DisplayRenderer}s. {@link #main} is what kernel.json runs.
 */
public final class FuncxKernel extends ConformingKernel implements AutoCloseable {
  private final UserThreads threads;
  private final JShellSession session;
  private final CellRunner cells;
  private final Rendering rendering;
  private final SessionHistory history;
  private final CodeAssist assist;
  private final NotebookContext context;
  private final NotebookLibraries libraries;
  private volatile String lastResultText = "";

  private FuncxKernel(KernelParts parts, JupyterIO io, SessionHistory history) {
    super(
        "funcx-java",
        KernelParts.version(),
        language(),
        List.of(),
        history,
        io,
        new StringStyler.Builder().build());
    this.threads = parts.threads();
    this.session = parts.session();
    this.rendering = parts.rendering();
    this.history = history;
    this.libraries = parts.libraries();
    this.context = new NotebookContext(session, rendering, io.display, libraries);
    MagicsRegistry magics = parts.discoverMagics(context);
    this.cells = new CellRunner(session, magics, threads);
    this.assist = new CodeAssist(session, magics::names);
  }

  /** A kernel whose cells can use the classes on {@code classpath} (normally this JVM's). */
  public static FuncxKernel create(String classpath) {
    return new FuncxKernel(
        KernelParts.start(classpath), new JupyterIO(StandardCharsets.UTF_8), new SessionHistory());
  }

  private static LanguageInfo language() {
    return new LanguageInfo(
        "java",
        Runtime.version().toString(),
        "text/x-java-source",
        ".jshell",
        "java",
        "java",
        "script");
  }

  @Override
  public void onStartup() {
    super.onStartup();
    Notebook.install(context);
  }

  @Override
  protected synchronized void handleExecuteRequest(
      ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    ExecuteRequest request = message.getContent();
    int count = executionCount.get();
    lastResultText = "";
    super.handleExecuteRequest(env, message);
    if (request.shouldStoreHistory() && !request.isSilent()) {
      history.add(count, request.getCode(), lastResultText);
    }
  }

  /** Runs a cell; jjava calls this with the execution count already advanced. */
  @Override
  public DisplayData eval(String code) {
    threads.beginCell();
    Optional<SnippetValue> value;
    try {
      value = cells.run(code, SourceOrigin.cell(executionCount.get() - 1));
    } finally {
      session.cellEnded();
    }
    if (value.isEmpty()) return null;
    DisplayData data = rendering.render(value.get().value());
    Object text = data.getData(MIMEType.TEXT_PLAIN);
    lastResultText = text == null ? "" : text.toString();
    return data;
  }

  /** Code evaluated from a running cell (jjava's notebook statics): no new cell begins. */
  @Override
  public Object evalRaw(String code) {
    return context.eval(code);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return assist.inspect(code, at);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    return assist.complete(code, at);
  }

  @Override
  public String isComplete(String code) {
    return assist.isComplete(code);
  }

  @Override
  public void interrupt() {
    threads.interrupt();
  }

  @Override
  public List<String> formatError(Throwable e) {
    return e instanceof CellError error ? error.traceback() : super.formatError(e);
  }

  @Override
  public void onShutdown(boolean restarting) {
    super.onShutdown(restarting);
    close();
  }

  @Override
  public void close() {
    threads.close();
    session.close();
    libraries.close();
  }

  /** {@code FuncxKernel CONNECTION_FILE}: serves one Jupyter connection until shutdown. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: java org.funcx.kernel.FuncxKernel CONNECTION_FILE");
      System.exit(2);
    }
    KernelParts.configureLogging();
    // cells draw images (ImageRenderer) on a server without a display; no window can open
    System.setProperty("java.awt.headless", "true");
    KernelConnectionProperties connection =
        KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection jupyter = new JupyterConnection(connection);
    FuncxKernel kernel = create(System.getProperty("java.class.path"));
    kernel.onStartup();
    kernel.becomeHandlerForConnection(jupyter);
    jupyter.connect();
    jupyter.waitUntilClose();
    kernel.close();
    System.exit(0);
  }
}
