package org.funcx.bench.arrow;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.funcx.arrow.ArrowDecoder;
import org.funcx.arrow.ArrowEncoder;
import org.funcx.arrow.ArrowEncoderConfig;
import org.funcx.arrow.ArrowTable;

/** Bench rows through the Arrow bridge, with the caller's allocator (which the caller closes). */
public final class ArrowRoundTrip {
  private final ArrowEncoder encoder;
  private final ArrowDecoder decoder;

  public ArrowRoundTrip(BufferAllocator allocator) {
    this.encoder = new ArrowEncoder(allocator, ArrowEncoderConfig.defaults());
    this.decoder = new ArrowDecoder(allocator);
  }

  public byte[] encode(List<BenchRow> rows) {
    return encoder.encode(rows);
  }

  /** Decodes back to Java records, the same end product as the JSON side. */
  public List<BenchRow> decodeToRecords(byte[] ipc) {
    try (ArrowTable table = decoder.decode(ipc)) {
      return table.toRecords(BenchRow.class);
    }
  }

  /** Decodes to Arrow batches only (what a notebook preview needs); returns the row count. */
  public long decodeToTable(byte[] ipc) {
    try (ArrowTable table = decoder.decode(ipc)) {
      return table.rowCount();
    }
  }
}
