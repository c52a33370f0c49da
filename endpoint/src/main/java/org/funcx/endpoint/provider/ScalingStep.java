package org.funcx.endpoint.provider;

import java.util.List;
import java.util.Map;
import org.funcx.endpoint.interchange.LoadSnapshot;

/**
 * What one scaling step does, from figures alone: the rules of {@link BlockScaler} without its
 * thread, provider or clock, so they can be checked case by case.
 *
 * @param minBlocks blocks always kept
 * @param maxBlocks blocks never exceeded
 * @param idleTimeoutMillis how long a block stays idle before one is cancelled
 * @param workersPerBlock task slots a block brings when its manager connects
 */
record ScalingStep(int minBlocks, int maxBlocks, long idleTimeoutMillis, int workersPerBlock) {

  /** The step's outcome. */
  sealed interface Action {}

  /** Ask for one more block; {@code why} goes to the log. */
  record Submit(String why) implements Action {}

  /** Cancel this idle block. */
  record Cancel(String blockId) implements Action {}

  /** Nothing to do. */
  record Hold() implements Action {}

  static final Action HOLD = new Hold();

  /**
   * At least {@code minBlocks}; one more while tasks wait and the blocks already asked for (those
   * whose managers have not connected, each bringing {@link #workersPerBlock}) and the idle slots
   * cannot take them, up to {@code maxBlocks}; one fewer when a block has been idle past the
   * timeout and nothing waits. Nothing at all before {@code holdUntilMillis} (start failures'
   * back-off); no scale-out before {@code scaleOutAfterMillis} (a failed submission's back-off).
   *
   * @param active blocks not ended
   */
  Action decide(
      LoadSnapshot load,
      List<BlockStatus> active,
      long nowMillis,
      long holdUntilMillis,
      long scaleOutAfterMillis) {
    if (nowMillis < holdUntilMillis) return HOLD;
    if (active.size() < minBlocks) {
      return new Submit("below min_blocks (" + active.size() + " < " + minBlocks + ")");
    }
    Map<String, Long> lastBusy = load.blockLastBusyMillis();
    long connecting = active.stream().filter(b -> !lastBusy.containsKey(b.blockId())).count();
    long coming = connecting * workersPerBlock;
    if (load.queuedTasks() > coming + load.idleSlots()
        && active.size() < maxBlocks
        && nowMillis >= scaleOutAfterMillis) {
      return new Submit(load.queuedTasks() + " tasks waiting");
    }
    if (load.queuedTasks() > 0 || active.size() <= minBlocks) return HOLD;
    long idleCutoff = nowMillis - idleTimeoutMillis;
    return lastBusy.entrySet().stream()
        .filter(e -> e.getValue() < idleCutoff)
        .findFirst()
        .<Action>map(e -> new Cancel(e.getKey()))
        .orElse(HOLD);
  }
}
