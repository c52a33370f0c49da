package org.funcx.cli;

import java.util.concurrent.Callable;
import org.funcx.service.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the service and the local endpoint (and later Jupyter) on the embedded defaults. */
@Command(name = "up", description = "Start the service and a local endpoint.")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--no-notebook", description = "Headless: do not start Jupyter.")
  boolean noNotebook;

  @Option(names = "--port", description = "Service HTTP port (default 8765, or the last one used).")
  Integer port;

  @Option(names = "--forwarder-port", description = "Port endpoints connect to (default 8766).")
  Integer forwarderPort;

  @Option(names = "--endpoint", defaultValue = "local", description = "Local endpoint name.")
  String endpoint;

  @Option(names = "--notebook-port", defaultValue = "8888", description = "Jupyter's port.")
  int notebookPort;

  @Option(
      names = org.funcx.service.tls.TlsSettings.SELF_SIGNED_OPTION,
      description =
          "Serve"
              + " HTTPS with a self-signed certificate this home's clients pin (default: plain HTTP on"
              + " loopback; kept once chosen).")
  boolean tlsSelfSigned;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    FuncxHome home = FuncxCli.HOME;
    ServiceControl services =
        new ServiceControl(
            home,
            ProcessLauncher.splitOptions(System.getenv("FUNCX_SERVICE_JAVA_OPTS")),
            ServiceCommand.serviceArgs(tlsSelfSigned, store));
    boolean serviceWasUp = services.running().isPresent();
    var service = step("start the service", () -> services.start(port, forwarderPort), () -> {});
    String id =
        step(
            "start endpoint " + endpoint,
            () -> new EndpointControl(home).start(endpoint, service.url()),
            () -> {
              if (!serviceWasUp) services.stop(); // stop what this command started, nothing else
            });
    System.out.println("funcX is up");
    System.out.println(
        "  service:   "
            + service.url()
            + "  (pid "
            + services.servicePid().map(String::valueOf).orElse("?")
            + ", supervised)");
    System.out.println("  dashboard: " + service.url() + "/dashboard  (sign in as admin)");
    System.out.println("  endpoint:  " + endpoint + "  " + id);
    System.out.println("  state:     " + home.root());
    System.out.println(
        "  signed in: as admin (credentials in "
            + home.root().resolve("clients.json")
            + "; the admin password for the login page is in "
            + home.serviceData().resolve(org.funcx.service.auth.ServiceAuth.ADMIN_PASSWORD_FILE)
            + ")");
    System.out.println(
        "  logs:      " + home.logs() + ", " + home.endpointDir(endpoint).resolve("logs"));
    System.out.print("  kernel:    ");
    System.out.flush();
    NotebookControl.installKernel(null, null);
    if (!noNotebook) {
      java.nio.file.Path notebooks =
          java.nio.file.Path.of(System.getProperty("funcx.root", ".")).resolve("notebooks");
      // kernels started by this Jupyter reach this service, whatever its port
      var kernelEnv =
          java.util.Map.of("FUNCX_URL", service.url(), "FUNCX_HOME", home.root().toString());
      System.out.println(
          "  notebook:  " + new NotebookControl(home).start(notebooks, notebookPort, kernelEnv));
    }
    System.out.println("Stop everything with: ./funcx down");
    return 0;
  }

  interface Step<T> {
    T run() throws Exception;
  }

  interface Undo {
    void run() throws Exception;
  }

  /** Runs one step of {@code up}; when it fails, undoes what was started and says which step. */
  private static <T> T step(String what, Step<T> step, Undo undo) throws Exception {
    try {
      return step.run();
    } catch (Exception e) {
      try {
        undo.run();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new UpFailed("funcx up: could not " + what + ": " + e.getMessage(), e);
    }
  }

  /** {@code up} failed at a step; the message names it and why (printed as the first line). */
  static final class UpFailed extends Exception {
    private static final long serialVersionUID = 1L;

    UpFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
