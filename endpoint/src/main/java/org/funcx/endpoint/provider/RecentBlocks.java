package org.funcx.endpoint.provider;

import java.util.ArrayDeque;
import java.util.List;

/** The last few ended blocks, kept so status shows how blocks ended (failed, timeout...). */
final class RecentBlocks {
  private static final int KEEP = 20;
  private final ArrayDeque<BlockStatus> ended = new ArrayDeque<>();

  synchronized void add(BlockStatus block) {
    ended.addFirst(block);
    while (ended.size() > KEEP) ended.removeLast();
  }

  synchronized List<BlockStatus> list() {
    return List.copyOf(ended);
  }
}
