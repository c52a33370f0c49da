package org.funcx.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.funcx.kernel.display.Html;
import org.funcx.kernel.spi.MagicException;
import org.funcx.kernel.spi.MagicUsageException;
import org.funcx.magics.commands.BlocksCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %funcx blocks} against the blocks.json a real endpoint agent writes (its local provider:
 * one block, a manager process); the Slurm side runs in cli's HpcNotebookIT.
 */
@Timeout(120)
class BlocksCommandTest {
  @TempDir static Path dir;
  static LocalCluster cluster;
  private final RecordingContext context = new RecordingContext();
  private final BlocksCommand blocks = new BlocksCommand(new FuncxSession(context), () -> dir);

  @BeforeAll
  static void start() throws Exception {
    cluster = new LocalCluster(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  @Test
  void waiting_for_a_running_block_shows_it_with_the_pid_of_a_live_manager() throws Exception {
    assertThat(blocks.run("local --wait running=1 --timeout 60", null)).isNull();
    String table = ((Html) context.displayed.get(context.displayed.size() - 1)).text();
    assertThat(table).contains("endpoint local: 1 active block(s), 0 ended");
    Matcher row = Pattern.compile("(?m)^\\S+\\s+(\\d+)\\s+running\\s").matcher(table);
    assertThat(row.find()).as("a running row in:%n%s", table).isTrue();
    long pid = Long.parseLong(row.group(1));
    // the test JVM's children are the service and the agent; the agent's child is the manager
    assertThat(
            ProcessHandle.current()
                .children()
                .flatMap(ProcessHandle::children)
                .map(ProcessHandle::pid))
        .contains(pid);
  }

  @Test
  void without_wait_it_returns_the_table_at_once() throws Exception {
    Html table = (Html) blocks.run("local", null);
    assertThat(table.html()).contains("<th>job / pid</th>").contains("<td>running</td>");
  }

  @Test
  void a_wait_that_is_not_met_in_time_fails_with_the_count_it_saw() throws Exception {
    long start = System.nanoTime();
    assertThatThrownBy(() -> blocks.run("local --wait running=3 --timeout 1.5", null))
        .isInstanceOf(MagicException.class)
        .hasMessageStartingWith(
            "endpoint local: 1 block(s) running after 1.5 s, waiting for" + " running=3");
    assertThat(System.nanoTime() - start).isBetween(1_500_000_000L, 10_000_000_000L);
    assertThat(context.displayed)
        .as("the table was shown and updated while waiting")
        .hasSizeGreaterThan(1);
  }

  @Test
  void an_endpoint_not_run_from_this_home_is_named_with_the_ones_that_are() throws Exception {
    Files.createDirectories(dir.resolve("endpoints").resolve("other"));
    assertThatThrownBy(() -> blocks.run("nosuch", null))
        .isInstanceOf(MagicException.class)
        .hasMessageContaining("no endpoint named nosuch in the funcX home " + dir)
        .hasMessageContaining("endpoints there: local, other");
  }

  @Test
  void a_malformed_wait_is_a_usage_error() {
    assertThatThrownBy(() -> blocks.run("local --wait running", null))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("--wait takes STATE=N (e.g. running=2, active=0), not running");
    assertThatThrownBy(() -> blocks.run("local --wait running=1 --timeout -2", null))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("--timeout must be positive");
  }
}
