package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and CPU of funcX processes as Linux and the JVM see them: resident set size (VmRSS) and
 * CPU time summed over a process group (an endpoint counts with its managers), and, through
 * {@code jcmd}, the heap in use right after a full collection, which unlike RSS also shrinks.
 */
final class BenchProcesses {
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private BenchProcesses() {}

  /** KiB resident in every process of the group led by {@code pgid}. */
  static long groupRssKib(long pgid) throws IOException, InterruptedException {
    long total = 0;
    for (long pid : group(pgid)) total += rssKib(pid);
    return total;
  }

  /** CPU seconds (user + system) used so far by the processes of the group led by {@code pgid}. */
  static double groupCpuSeconds(long pgid) throws IOException, InterruptedException {
    double total = 0;
    for (long pid : group(pgid)) total += cpuSeconds(pid);
    return total;
  }

  /** CPU seconds (user + system) used so far by one process, 0 when it is gone. */
  static double cpuSeconds(long pid) throws IOException {
    Path stat = Path.of("/proc", String.valueOf(pid), "stat");
    if (!Files.exists(stat)) return 0;
    String s = Files.readString(stat);
    // Fields after the command name, which may hold spaces: utime and stime are 14th and 15th.
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ is 100 on Linux
  }

  private static List<Long> group(long pgid) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("pgrep", "-g", String.valueOf(pgid)).start();
    List<Long> pids =
        new String(p.getInputStream().readAllBytes())
            .lines()
            .map(l -> Long.parseLong(l.trim()))
            .toList();
    p.waitFor();
    return pids;
  }

  /** KiB resident in one process, 0 when it is gone. */
  static long rssKib(long pid) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) return 0;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return 0;
  }

  /** KiB of heap in use after a full GC of {@code pid}, or -1 when jcmd cannot tell. */
  static long heapAfterGcKib(long pid) {
    try {
      jcmd(pid, "GC.run");
      Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
    return out;
  }
}
