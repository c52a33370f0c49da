package org.funcx.service;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.funcx.jvm.CriticalThreads;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.tls.TlsSetupException;
import picocli.CommandLine;

/**
 * Runs the service in the foreground until SIGTERM/SIGINT; its options are {@link
 * ServiceOptions} ({@code --help} lists them). A bad argument prints why and the usage and exits
 * 64 (EX_USAGE), as does TLS material that cannot be used. Prints one line {@code funcx-service
 * http=URL forwarder=ADDRESS} when ready, which launchers wait for; with HTTPS it ends with
 * {@code tls-sha256=FINGERPRINT} (the certificate users compare or pin).
 */
public final class ServiceMain {
  /** sysexits.h's EX_USAGE: the command line was wrong; a supervisor should not restart it. */
  static final int USAGE_ERROR = 64;

  private ServiceMain() {}

  public static void main(String[] args) throws Exception {
    CommandLine commandLine = new CommandLine(new ServiceOptions());
    ServiceConfig config;
    try {
      CommandLine.ParseResult parsed = commandLine.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) return;
      config = ((ServiceOptions) commandLine.getCommand()).toConfig();
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      System.err.println("funcx-service: " + e.getMessage());
      commandLine.usage(System.err);
      System.exit(USAGE_ERROR);
      return;
    }
    CriticalThreads.install(Set.of(Forwarder.THREAD));
    FuncxService service;
    try {
      service = FuncxService.start(config);
    } catch (TlsSetupException e) {
      System.err.println("funcx-service: " + e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    service.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                  }
                },
                "funcx-service-shutdown"));
    System.out.println(
        "funcx-service http="
            + service.url()
            + " forwarder=tcp://"
            + config.host()
            + ":"
            + service.forwarderPort()
            + (service.tlsFingerprint() == null ? "" : " tls-sha256=" + service.tlsFingerprint()));
    System.out.flush();
    stopped.await();
  }

  /**
   * The configuration the arguments ask for. A bad argument (unknown option, a value that is not
   * a number) is an IllegalArgumentException whose message says which, as picocli words it.
   */
  static ServiceConfig parse(String[] args) {
    ServiceOptions options = new ServiceOptions();
    try {
      new CommandLine(options).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return options.toConfig();
  }
}
