package org.funcx.magics.commands;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.funcx.kernel.display.Html;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.FuncxSession;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;
import org.funcx.magics.blocks.BlockCount;
import org.funcx.magics.blocks.BlockRow;
import org.funcx.magics.blocks.BlocksFile;
import org.funcx.magics.html.HtmlTable;

/**
 * {@code %funcx blocks ENDPOINT [--wait STATE=N] [--timeout S]}: the endpoint's blocks (Slurm
 * jobs, or manager processes) with their states, as {@code ./funcx endpoint status} shows them.
 * With {@code --wait} the table updates in place every second until exactly N blocks are in STATE
 * ({@code active} counts every block not ended), so a notebook can watch blocks scale out and in.
 */
public final class BlocksCommand implements Subcommand {
  private static final ArgSpec SPEC = ArgSpec.positional(1, 1).withValues("--wait", "--timeout");
  private static final double DEFAULT_TIMEOUT_S = 300;
  private final FuncxSession session;
  private final Supplier<Path> home;

  /** @param home the funcX home whose endpoints are shown, read at each call */
  public BlocksCommand(FuncxSession session, Supplier<Path> home) {
    this.session = session;
    this.home = home;
  }

  @Override
  public String name() {
    return "blocks";
  }

  @Override
  public String usage() {
    return "%funcx blocks ENDPOINT [--wait STATE=N] [--timeout S]";
  }

  @Override
  public String summary() {
    return "an endpoint's blocks (Slurm job ids, states); --wait updates until N are in STATE";
  }

  @Override
  public Object run(String args, String body) throws InterruptedException {
    ParsedArgs parsed = MagicArgs.parse(args, SPEC, usage());
    BlocksFile file = new BlocksFile(home.get(), parsed.positional(0));
    file.checkConfigured();
    Optional<BlockCount> wait = parsed.value("--wait").map(w -> BlockCount.parse(w, usage()));
    double timeout =
        parsed
            .value("--timeout")
            .map(t -> CommonOptions.positiveSeconds("--timeout", t, usage()))
            .orElse(DEFAULT_TIMEOUT_S);
    if (wait.isEmpty()) return table(file, file.read());
    return waitFor(file, wait.get(), timeout);
  }

  private Object waitFor(BlocksFile file, BlockCount wanted, double timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + Math.round(timeoutSeconds * 1e9);
    Optional<List<BlockRow>> blocks = file.read();
    String display = session.context().display(table(file, blocks));
    while (blocks.isEmpty() || !wanted.reachedIn(blocks.get())) {
      if (System.nanoTime() > deadline) {
        long now = blocks.map(wanted::countIn).orElse(0L);
        throw new MagicException(
            "endpoint "
                + file.path().getParent().getFileName()
                + ": "
                + now
                + " block(s) "
                + wanted.state()
                + " after "
                + timeoutSeconds
                + " s, waiting for "
                + wanted
                + " ("
                + file.path()
                + ")");
      }
      Thread.sleep(500);
      blocks = file.read();
      session.context().updateDisplay(display, table(file, blocks));
    }
    return null;
  }

  private static Html table(BlocksFile file, Optional<List<BlockRow>> read) {
    String endpoint = file.path().getParent().getFileName().toString();
    if (read.isEmpty()) {
      return new HtmlTable("block", "job / pid", "state", "since", "detail")
          .caption(
              "endpoint "
                  + endpoint
                  + ": no blocks reported yet (is it running? ./funcx endpoint start "
                  + endpoint
                  + ")")
          .toHtml();
    }
    List<BlockRow> blocks = read.get();
    long active = blocks.stream().filter(b -> !b.ended()).count();
    HtmlTable table =
        new HtmlTable("block", "job / pid", "state", "since", "detail")
            .caption(
                "endpoint "
                    + endpoint
                    + ": "
                    + active
                    + " active block(s), "
                    + (blocks.size() - active)
                    + " ended");
    for (BlockRow b : blocks) {
      table.row(
          b.blockId(),
          b.resourceId(),
          b.state(),
          Instant.ofEpochMilli(b.sinceMillis()).truncatedTo(ChronoUnit.SECONDS),
          b.detail());
    }
    return table.toHtml();
  }
}
