package org.funcx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code funcx kernel install}: the Java (funcX) kernelspec for this build. */
@Command(
    name = "kernel",
    description = "Install the Java (funcX) Jupyter kernel.",
    subcommands = {KernelCommand.Install.class})
final class KernelCommand {
  @Command(name = "install", description = "Write the funcx-java kernelspec (per user by default).")
  static final class Install implements Callable<Integer> {
    @Option(names = "--prefix", description = "Install under PREFIX/share/jupyter/kernels.")
    String prefix;

    @Option(names = "--dir", description = "Write kernel.json into this directory.")
    String dir;

    @Override
    public Integer call() {
      if (prefix != null) NotebookControl.installKernel("--prefix", prefix);
      else if (dir != null) NotebookControl.installKernel("--dir", dir);
      else NotebookControl.installKernel(null, null);
      return 0;
    }
  }
}
