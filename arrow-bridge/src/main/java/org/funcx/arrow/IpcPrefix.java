package org.funcx.arrow;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks the first message header of an Arrow IPC stream before Arrow reads it: Arrow trusts the
 * length it finds there and allocates that much heap, so four bytes of junk (e.g. JSON) would ask
 * for gigabytes. A stream starts with the continuation marker {@code 0xFFFFFFFF} and a
 * little-endian metadata length (or, in the pre-1.0 format, the length alone).
 */
final class IpcPrefix {
  /** Far above any schema or batch header this bridge writes. */
  static final int MAX_METADATA_BYTES = 64 << 20;

  private IpcPrefix() {}

  /** Returns a stream positioned where {@code in} was, after checking its first header. */
  static InputStream checked(InputStream in) throws IOException {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 8);
    buffered.mark(8);
    byte[] head = buffered.readNBytes(8);
    buffered.reset();
    if (head.length == 0) return buffered; // empty: Arrow reports the missing schema itself
    int first = littleEndian(head, 0);
    int length = first == -1 && head.length == 8 ? littleEndian(head, 4) : first;
    if (head.length < 4 || length < 0 || length > MAX_METADATA_BYTES) {
      throw new ArrowBridgeException(
          "not an Arrow IPC stream: its first message header claims "
              + Integer.toUnsignedString(length)
              + " bytes of metadata");
    }
    return buffered;
  }

  private static int littleEndian(byte[] b, int at) {
    if (b.length < at + 4) return 0;
    return (b[at] & 0xff)
        | (b[at + 1] & 0xff) << 8
        | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }
}
