package org.funcx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.funcx.service.StoreOptions;
import org.funcx.service.tls.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The service alone: start in the background, stop. */
@Command(
    name = "service",
    description = "Start or stop the service alone.",
    subcommands = {ServiceCommand.Start.class, ServiceCommand.Stop.class})
final class ServiceCommand {
  /** ServiceMain's options that `service start` and `up` share: HTTPS and the store. */
  static List<String> serviceArgs(boolean tlsSelfSigned, StoreOptions store) {
    List<String> args = new ArrayList<>(store.serviceArgs());
    if (tlsSelfSigned) args.add(TlsSettings.SELF_SIGNED_OPTION);
    return args;
  }

  @Command(name = "start", description = "Start the service in the background.")
  static final class Start implements Callable<Integer> {
    @Option(names = "--port")
    Integer port;

    @Option(names = "--forwarder-port")
    Integer forwarderPort;

    @Option(
        names = TlsSettings.SELF_SIGNED_OPTION,
        description =
            "Serve HTTPS with a"
                + " self-signed certificate (made once, pinned by this home's clients and endpoints).")
    boolean tlsSelfSigned;

    @Mixin StoreOptions store;

    @Override
    public Integer call() throws Exception {
      var control =
          new ServiceControl(
              FuncxCli.HOME,
              ProcessLauncher.splitOptions(System.getenv("FUNCX_SERVICE_JAVA_OPTS")),
              serviceArgs(tlsSelfSigned, store));
      var s = control.start(port, forwarderPort);
      System.out.println(
          "service: "
              + s.url()
              + " (pid "
              + control.servicePid().map(String::valueOf).orElse("?")
              + ", supervised)");
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop the service.")
  static final class Stop implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      System.out.println(new ServiceControl(FuncxCli.HOME).stop() ? "stopped" : "not running");
      return 0;
    }
  }
}
