package org.funcx.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
  @Test
  void idsAreVersion7UuidsWhoseTextSortsInCreationOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) ids.add(TaskIds.next());
    Set<String> distinct = new HashSet<>(ids);
    assertEquals(ids.size(), distinct.size(), "ids repeat");
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, "out of order at " + i);
    }
    UUID parsed = UUID.fromString(ids.get(0));
    assertEquals(7, parsed.version());
    assertEquals(2, parsed.variant());
    assertEquals(ids.get(0), parsed.toString());
  }

  @Test
  void idsFromManyThreadsAreDistinct() throws InterruptedException {
    Set<String> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 50_000; i++) all.add(TaskIds.next());
              },
              "task-ids-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) t.join();
    assertEquals(200_000, all.size());
  }
}
