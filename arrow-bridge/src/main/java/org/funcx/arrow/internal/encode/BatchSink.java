package org.funcx.arrow.internal.encode;

import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Receives the record batches of one encoding, all in the same {@link VectorSchemaRoot}. The root
 * belongs to the encoder; a sink must copy or transfer what it keeps before {@link #write} returns.
 */
public interface BatchSink {
  /** Called once, before the first batch, with the root whose schema every batch shares. */
  void start(VectorSchemaRoot root) throws IOException;

  /** Called once per batch, after the root was filled; the root is cleared afterwards. */
  void write(VectorSchemaRoot root) throws IOException;

  /** Called once after the last batch (there may have been none). */
  void end() throws IOException;
}
