package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.funcx.core.io.PrivateFiles;
import org.funcx.kernel.KernelspecInstaller;

/**
 * The notebook side of {@code funcx up}: installs the {@code funcx-java} kernelspec for this
 * distribution's classpath and runs Debian's Jupyter Notebook on {@code notebooks/}, with a random
 * token, as a detached process group that {@code funcx down} stops.
 */
final class NotebookControl {
  static final Path JUPYTER = Path.of("/usr/bin/jupyter");
  private final FuncxHome home;

  NotebookControl(FuncxHome home) {
    this.home = home;
  }

  /** Writes the kernelspec into Jupyter's per-user kernels directory; returns its directory. */
  static void installKernel(String location, String value) {
    List<String> args =
        new ArrayList<>(List.of("--classpath", System.getProperty("java.class.path")));
    if (value == null) args.add("--user");
    else args.addAll(List.of(location, value));
    KernelspecInstaller.main(args.toArray(String[]::new));
  }

  Path pidFile() {
    return home.root().resolve("notebook.pid");
  }

  Path urlFile() {
    return home.root().resolve("notebook.url");
  }

  /**
   * Starts Jupyter Notebook unless it runs; returns its URL with the token. {@code env} is added to
   * Jupyter's environment and so reaches the kernels it starts (e.g. FUNCX_URL, FUNCX_HOME).
   */
  String start(Path notebooks, int port, java.util.Map<String, String> env) throws Exception {
    if (ProcessIdentity.liveOrRemove(pidFile()).isPresent() && Files.exists(urlFile()))
      return Files.readString(urlFile()).trim();
    if (!Files.isExecutable(JUPYTER)) {
      throw new IllegalStateException(
          "Jupyter is not installed ("
              + JUPYTER
              + "); run"
              + " scripts/install-jupyter.sh, or use './funcx up --no-notebook'");
    }
    Files.createDirectories(notebooks);
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    List<String> command =
        new ArrayList<>(
            ProcessLauncher.privately(
                "setsid",
                JUPYTER.toString(),
                "notebook",
                "--no-browser",
                "--ip=127.0.0.1",
                "--port=" + port,
                "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks.toAbsolutePath()));
    if ("root".equals(System.getProperty("user.name"))) command.add("--allow-root");
    Path log = PrivateFiles.create(home.logs().resolve("notebook.log"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process p = builder.start();
    String url = "http://127.0.0.1:" + port + "/?token=" + token;
    ProcessIdentity.of(p.pid(), "jupyter").write(pidFile());
    PrivateFiles.write(urlFile(), url + "\n"); // the URL holds the notebook's token
    Waits.until("Jupyter Notebook on port " + port, 60, () -> answers(port), p::isAlive, log);
    return url;
  }

  private static boolean answers(int port) {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops Jupyter if the pid file still names the Jupyter this home started. */
  boolean stop() throws Exception {
    Optional<ProcessIdentity> jupyter = ProcessIdentity.liveOrRemove(pidFile());
    if (jupyter.isPresent()) ProcessLauncher.stopGroup(jupyter.get().pid(), 10);
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(urlFile());
    return jupyter.isPresent();
  }
}
