package org.funcx.service.output;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.funcx.jvm.OutputTail;

/**
 * A stream's text for a reader that has read up to byte {@code offset}: what came since, the
 * offset to ask from next time, and how many bytes it missed (they are gone from what is kept;
 * the text then starts with the dropped marker).
 */
public record OutputText(String text, long offset, long dropped) {

  /**
   * Reads {@code kept} from {@code from} on. While the stream may grow ({@code complete} false) a
   * character cut at the end waits for its other bytes; a character cut at a gap is dropped.
   */
  public static OutputText read(OutputTail.Slice kept, long from, boolean complete) {
    if (kept == null || from >= kept.end()) return new OutputText("", from, 0);
    long start = Math.max(from, kept.offset());
    byte[] bytes = kept.bytes();
    int first = (int) (start - kept.offset());
    if (start > from) { // a gap: skip the rest of a character it cut
      while (first < bytes.length
          && first - (start - kept.offset()) < 3
          && (bytes[first] & 0xC0) == 0x80) first++;
    }
    int last = complete ? bytes.length : completeEnd(bytes, first);
    long dropped = kept.offset() + first - from;
    if (start == from) dropped = 0;
    String text = decode(Arrays.copyOfRange(bytes, first, last));
    return new OutputText(
        dropped > 0 ? OutputTail.marker(dropped) + text : text, kept.offset() + last, dropped);
  }

  /** The end of the last whole UTF-8 character in {@code bytes[from..]}. */
  private static int completeEnd(byte[] bytes, int from) {
    int end = bytes.length;
    for (int back = 1; back <= 4 && end - back >= from; back++) {
      int b = bytes[end - back] & 0xFF;
      if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for its lead
      int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      return needed > back ? end - back : end;
    }
    return end; // no lead byte in reach: malformed, passed on as U+FFFD
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder threw", e); // cannot happen
    }
  }
}
