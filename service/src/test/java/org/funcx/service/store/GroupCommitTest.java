package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GroupCommitTest {
  @Test
  void no_caller_returns_before_a_sync_that_saw_its_write_and_concurrent_callers_share_syncs()
      throws Exception {
    Set<Integer> written = ConcurrentHashMap.newKeySet();
    Set<Integer> durable = ConcurrentHashMap.newKeySet();
    GroupCommit group =
        new GroupCommit(
            () -> {
              Set<Integer> snapshot = Set.copyOf(written); // what this round's commit contains
              sleep(2); // an fsync
              durable.addAll(snapshot);
            });
    int callers = 32;
    int commitsEach = 20;
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < callers; t++) {
      int base = t * commitsEach;
      threads.add(
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int i = 0; i < commitsEach; i++) {
                    written.add(base + i);
                    group.commit();
                    if (!durable.contains(base + i))
                      throw new AssertionError("returned before durable");
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread t : threads) t.join();
    assertThat(failures).isEmpty();
    assertThat(durable).hasSize(callers * commitsEach);
    assertThat(group.rounds())
        .as("syncs shared by concurrent commits")
        .isLessThan(callers * commitsEach / 2);
  }

  @Test
  void a_failed_sync_fails_its_callers_and_the_next_commit_syncs_again() {
    AtomicBoolean broken = new AtomicBoolean(true);
    GroupCommit group =
        new GroupCommit(
            () -> {
              if (broken.get()) throw new StoreUnavailableException("disk gone", null);
            });
    assertThatThrownBy(group::commit).isInstanceOf(StoreUnavailableException.class);
    assertThat(group.rounds()).isZero();
    broken.set(false);
    group.commit();
    assertThat(group.rounds()).isOne();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
