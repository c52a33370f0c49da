package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class MailboxTest {

  @Test
  @Timeout(60)
  void every_posted_item_is_drained_when_producers_race_the_owner() throws Exception {
    try (ZContext context = new ZContext()) {
      Mailbox<Integer> mailbox = new Mailbox<>(context, "test");
      int producers = 4;
      int perProducer = 50_000;
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int i = 0; i < perProducer; i++) mailbox.post(i);
                });
        t.start();
        threads.add(t);
      }
      ZMQ.Poller poller = context.createPoller(1);
      poller.register(mailbox.wakeSocket(), ZMQ.Poller.POLLIN);
      int[] received = {0};
      start.countDown();
      // Only drain when woken: a lost wake-up leaves items behind and the poll times out.
      while (received[0] < producers * perProducer) {
        assertThat(poller.poll(5_000)).as("woken while items remain").isPositive();
        mailbox.drain(item -> received[0]++);
      }
      for (Thread t : threads) t.join();
      assertThat(received[0]).isEqualTo(producers * perProducer);
    }
  }
}
