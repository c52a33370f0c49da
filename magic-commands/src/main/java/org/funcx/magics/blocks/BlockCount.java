package org.funcx.magics.blocks;

import java.util.List;
import java.util.Locale;
import org.funcx.magics.args.Usage;

/**
 * What {@code --wait STATE=N} waits for: exactly N blocks in STATE, where STATE is a block state
 * (running, pending, cancelled...) or {@code active} (every block that has not ended).
 */
public record BlockCount(String state, int count) {
  public static BlockCount parse(String text, String usage) {
    String[] parts = text.split("=", -1);
    if (parts.length != 2 || !parts[0].matches("[a-z-]+") || !parts[1].matches("\\d{1,4}")) {
      throw Usage.error("--wait takes STATE=N (e.g. running=2, active=0), not " + text, usage);
    }
    return new BlockCount(parts[0], Integer.parseInt(parts[1]));
  }

  public long countIn(List<BlockRow> blocks) {
    return blocks.stream()
        .filter(
            b ->
                "active".equals(state)
                    ? !b.ended()
                    : state.equals(b.state().toLowerCase(Locale.ROOT)))
        .count();
  }

  public boolean reachedIn(List<BlockRow> blocks) {
    return countIn(blocks) == count;
  }

  @Override
  public String toString() {
    return state + "=" + count;
  }
}
