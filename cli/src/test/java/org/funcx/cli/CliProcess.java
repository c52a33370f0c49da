package org.funcx.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.funcx.jvm.JvmFlags;

/**
 * The CLI as a process of its own, as {@code ./funcx} runs it (same main class and JVM flags,
 * this build's class path), in a given funcX home: for tests of what a user sees and of commands
 * that must work from a fresh JVM ({@code down}, {@code status}).
 */
record CliProcess(int exitCode, String out, String err) {

  static CliProcess run(FuncxHome home, String... args) throws Exception {
    return run(home, java.util.Map.of(), args);
  }

  /** As {@link #run(FuncxHome, String...)} with {@code env} added to the process's environment. */
  static CliProcess run(FuncxHome home, java.util.Map<String, String> env, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JvmFlags.PRODUCT);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FuncxCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("FUNCX_HOME", home.root().toString());
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    if (!p.waitFor(4, TimeUnit.MINUTES)) { // a bound against a hung test, not a speed check
      p.destroyForcibly();
      throw new IllegalStateException("funcx " + String.join(" ", args) + " did not end");
    }
    return new CliProcess(p.exitValue(), out.get(), err.get());
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
