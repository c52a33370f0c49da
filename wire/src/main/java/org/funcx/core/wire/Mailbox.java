package org.funcx.core.wire;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hands items from any thread to the one thread that owns a set of ZeroMQ sockets. The owner adds
 * {@link #wakeSocket()} to its poller and calls {@link #drain} when it is readable; producers call
 * {@link #post}, which sends at most one wake-up frame per drain, so posting is cheap under load.
 */
public final class Mailbox<T> {
  private static final AtomicLong COUNTER = new AtomicLong();
  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final ZMQ.Socket wakeReceiver;
  private final ZMQ.Socket wakeSender;

  public Mailbox(ZContext context, String name) {
    String address = "inproc://mailbox-" + name + "-" + COUNTER.incrementAndGet();
    wakeReceiver = context.createSocket(SocketType.PULL);
    wakeReceiver.bind(address);
    wakeSender = context.createSocket(SocketType.PUSH);
    wakeSender.connect(address);
  }

  /** Queues {@code item} for the owner thread; safe from any thread. */
  public void post(T item) {
    queue.add(item);
    if (wakePending.compareAndSet(false, true)) {
      synchronized (wakeSender) {
        wakeSender.send(new byte[0], ZMQ.DONTWAIT);
      }
    }
  }

  /** The socket the owner polls for readability. Owner thread only. */
  public ZMQ.Socket wakeSocket() {
    return wakeReceiver;
  }

  /** Hands every queued item to {@code consumer}. Owner thread only. */
  public void drain(Consumer<T> consumer) {
    while (wakeReceiver.recv(ZMQ.DONTWAIT) != null) {
      // discard wake-up frames; the queue is the source of truth
    }
    // Cleared only after the frames are consumed: a post from now on sends a fresh frame, and an
    // item posted before this line is already in the queue polled below.
    wakePending.set(false);
    T item;
    while ((item = queue.poll()) != null) consumer.accept(item);
  }
}
