package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link LogTail} on real files: ends of large files, and following appends and truncation. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogTailTest {
  @TempDir Path dir;

  @Test
  void the_last_lines_of_a_file_larger_than_its_blocks_are_those_of_the_whole_file()
      throws Exception {
    Path log = dir.resolve("big.log");
    List<String> lines =
        IntStream.range(0, 50_000)
            .mapToObj(i -> "line " + i + " é漢 " + "x".repeat(i % 97))
            .toList();
    Files.writeString(log, String.join("\n", lines)); // no final newline: the last line counts
    LogTail tail = new LogTail(System.out, line -> true);
    assertThat(tail.lastLines(log, 3_000)).isEqualTo(lines.subList(47_000, 50_000));
    assertThat(tail.lastLines(log, 100_000)).isEqualTo(lines);
    assertThat(new LogTail(System.out, l -> l.startsWith("line 4999")).lastLines(log, 5))
        .containsExactly(
            "line 49995 é漢 " + "x".repeat(49995 % 97),
            "line 49996 é漢 " + "x".repeat(49996 % 97),
            "line 49997 é漢 " + "x".repeat(49997 % 97),
            "line 49998 é漢 " + "x".repeat(49998 % 97),
            "line 49999 é漢 " + "x".repeat(49999 % 97));
    Files.writeString(dir.resolve("empty.log"), "");
    assertThat(tail.lastLines(dir.resolve("empty.log"), 10)).isEmpty();
  }

  @Test
  void following_prints_whole_appended_lines_and_starts_again_after_a_truncation()
      throws Exception {
    Path agent = dir.resolve("agent.log");
    Path manager = dir.resolve("manager-local-0.log");
    Files.writeString(agent, "old line, not followed\n");
    Files.writeString(manager, "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    LogTail tail = new LogTail(out, line -> !line.contains("noise"));
    // Following starts at each file's end, as tail -F: nothing may be written before it has
    // taken those sizes (it asks keepGoing first once it has), or the first write is skipped.
    CountDownLatch following = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              try {
                following.await();
                append(agent, "first ");
                Thread.sleep(600); // the follower sees half a line first: it must wait for the rest
                append(agent, "half\nnoise\n");
                append(manager, "from the manager\n");
                while (!printed(bytes).contains("from the manager")
                    || !printed(bytes).contains("half")) {
                  Thread.sleep(50); // truncated only once the follower has read past the new size
                }
                Files.writeString(agent, "after truncation\n"); // shorter than what was read
              } catch (InterruptedException e) {
                // the follower gave up (its deadline): the assertion below says what was missing
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "funcx-test-log-writer");
    writer.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // against a hang only
    tail.follow(
        List.of(agent, manager),
        () -> {
          following.countDown();
          return !printed(bytes).contains("after truncation") && System.nanoTime() < deadline;
        });
    writer.interrupt();
    writer.join();
    assertThat(printed(bytes).lines().toList())
        .containsExactly(
            "[agent] first half", "[manager-local-0] from the manager", "[agent] after truncation");
  }

  private static String printed(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }
}
