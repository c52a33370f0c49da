package org.funcx.endpoint.manager;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.funcx.arrow.ArrowEncoder;
import org.funcx.arrow.ArrowEncoderConfig;
import org.funcx.arrow.ResultEncoding;
import org.funcx.arrow.ResultTooLargeException;
import org.funcx.core.exec.BinaryResultEncoder;
import org.funcx.core.exec.PayloadTooLargeException;

/**
 * Tables and collections of records leave the worker as Arrow IPC; scalars and small objects stay
 * JSON. The choice is {@link ResultEncoding#choose}'s, documented in arrow-bridge. One allocator
 * per manager JVM; each encoding releases what it took before returning. The encoder stops
 * writing at the result size limit, so a huge table never exists whole as bytes.
 */
final class ArrowResults implements BinaryResultEncoder {
  static final String FORMAT = "arrow";
  private static final BufferAllocator ALLOCATOR = new RootAllocator();
  private final ArrowEncoder encoder;

  ArrowResults(long maxResultBytes) {
    this.encoder =
        new ArrowEncoder(
            ALLOCATOR, ArrowEncoderConfig.builder().maxEncodedBytes(maxResultBytes).build());
  }

  @Override
  public BinaryResult encode(Object value) throws PayloadTooLargeException {
    if (ResultEncoding.choose(value) != ResultEncoding.ARROW) return null;
    try {
      return new BinaryResult(FORMAT, encoder.encode(value));
    } catch (ResultTooLargeException e) {
      throw new PayloadTooLargeException(FORMAT, e.limitBytes());
    }
  }
}
