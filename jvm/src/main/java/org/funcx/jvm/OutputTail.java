package org.funcx.jvm;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last {@code limit} bytes written to one stream, bounded while writing: a byte ring that
 * grows on demand up to the limit (a task that prints nothing costs an empty array), then
 * overwrites its oldest bytes. {@link #text()} decodes what is kept as UTF-8, after a marker
 * saying how many bytes were dropped at the front; a character cut there is dropped whole.
 *
 * <p>Thread-safe: a task's threads may print at once.
 */
public final class OutputTail {
  /** What each captured stream keeps by default: the last 1 MiB. */
  public static final int DEFAULT_LIMIT = 1 << 20;

  private static final byte[] EMPTY = new byte[0];
  private static final int FIRST_SIZE = 256;

  private final int limit;
  private byte[] ring = EMPTY;

  /** Index of the oldest kept byte; 0 until the ring is full and wraps. */
  private int start;

  private int size;

  /** Volatile so that {@link #isEmpty()}, asked once per task, takes no lock. */
  private volatile long written;

  public OutputTail(int limit) {
    if (limit < 4) throw new IllegalArgumentException("an output limit of " + limit + " bytes");
    this.limit = limit;
  }

  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  public synchronized void write(byte[] b, int off, int len) {
    if (len <= 0) return;
    written += len;
    if (len >= limit) { // only its end survives: keep that, drop all else
      if (ring.length < limit) ring = new byte[limit];
      System.arraycopy(b, off + len - limit, ring, 0, limit);
      start = 0;
      size = limit;
      return;
    }
    if (size + len > ring.length && ring.length < limit) grow(size + len);
    int end = (start + size) % ring.length;
    int first = Math.min(len, ring.length - end);
    System.arraycopy(b, off, ring, end, first);
    System.arraycopy(b, off + first, ring, 0, len - first);
    int overflow = size + len - ring.length;
    if (overflow > 0) {
      start = (start + overflow) % ring.length;
      size = ring.length;
    } else {
      size += len;
    }
  }

  /** Grows the (not yet wrapped) ring to hold at least {@code needed} bytes, at most the limit. */
  private void grow(int needed) {
    int capacity = Math.max(FIRST_SIZE, ring.length);
    while (capacity < needed && capacity < limit) capacity = (int) Math.min(limit, 2L * capacity);
    byte[] bigger = new byte[Math.min(capacity, limit)];
    System.arraycopy(ring, 0, bigger, 0, size); // start is 0 while the ring still grows
    ring = bigger;
  }

  /** Bytes written in all, kept or not; also the stream offset just past the last byte. */
  public long written() {
    return written;
  }

  /**
   * The bytes written from stream offset {@code from} on that are still kept, at most the last
   * {@code max} of them (a reader that fell behind gets the newest, and sees the gap from the
   * slice's offset).
   */
  public synchronized Slice since(long from, int max) {
    long end = written;
    long start = Math.max(from, Math.max(end - size, end - max));
    if (start >= end) return new Slice(end, EMPTY);
    byte[] bytes = new byte[(int) (end - start)];
    int at = (int) ((start + size - end + this.start) % ring.length); // ring index of start
    int first = Math.min(bytes.length, ring.length - at);
    System.arraycopy(ring, at, bytes, 0, first);
    System.arraycopy(ring, 0, bytes, first, bytes.length - first);
    return new Slice(start, bytes);
  }

  /**
   * Bytes of a stream at their offset in it: {@code offset} is how many bytes the stream had
   * before {@code bytes[0]}.
   */
  public record Slice(long offset, byte[] bytes) {
    public long end() {
      return offset + bytes.length;
    }
  }

  /**
   * The inverse of {@link #text()}: the kept bytes of a stream and their offset in it, read from
   * the text with its dropped marker (a text without one starts at offset 0).
   */
  public static Slice ofText(String text) {
    Matcher marker = MARKER.matcher(text);
    if (!marker.lookingAt()) return new Slice(0, text.getBytes(StandardCharsets.UTF_8));
    long dropped = Long.parseLong(marker.group(1).replace(",", ""));
    return new Slice(dropped, text.substring(marker.end()).getBytes(StandardCharsets.UTF_8));
  }

  private static final Pattern MARKER = Pattern.compile("\\[… ([0-9,]+) bytes dropped …]\n");

  public boolean isEmpty() {
    return written == 0;
  }

  /**
   * The kept text; when bytes were dropped it starts with {@code [… N bytes dropped …]} and a
   * line break. Malformed UTF-8 becomes U+FFFD.
   */
  public String text() {
    byte[] kept;
    long dropped;
    synchronized (this) {
      kept = new byte[size];
      int first = Math.min(size, ring.length - start);
      System.arraycopy(ring, start, kept, 0, first);
      System.arraycopy(ring, 0, kept, first, size - first);
      dropped = written - size;
    }
    int from = 0;
    if (dropped > 0) { // the cut may have split a character: drop its continuation bytes too
      while (from < kept.length && from < 3 && (kept[from] & 0xC0) == 0x80) from++;
      dropped += from;
    }
    String body = decode(kept, from);
    return dropped == 0 ? body : marker(dropped) + body;
  }

  /** The line that stands for {@code dropped} bytes no longer kept. */
  public static String marker(long dropped) {
    return String.format(Locale.ROOT, "[… %,d bytes dropped …]\n", dropped);
  }

  private static String decode(byte[] bytes, int from) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder threw", e); // cannot happen
    }
  }
}
