package org.funcx.arrow;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.funcx.arrow.internal.schema.TableInputs;

/**
 * How a function result travels: as an Arrow IPC stream or as JSON.
 *
 * <p>The rule, applied by {@link #choose}:
 *
 * <ul>
 *   <li>{@link #ARROW}: a {@link VectorSchemaRoot}; any array of primitives (one {@code value}
 *       column); a non-empty Collection or object array whose first non-null element is a record,
 *       POJO (public getters or fields), Map, scalar or list (rows, or one {@code value} column for
 *       scalars); an {@code Iterator} or {@code Stream} (not inspected; the encoder reports what it
 *       cannot map); a non-empty {@code Map<String, column>} whose values are all Collections or
 *       arrays of one length (one column per key).
 *   <li>{@link #JSON}: everything else: null, scalars (numbers, booleans, chars, Strings, enums,
 *       BigDecimal, dates and times, UUIDs), single records, POJOs and Maps (small objects), empty
 *       collections, and maps whose values are not equal-length columns.
 * </ul>
 *
 * {@link ArrowEncoder#encode(Object)} accepts exactly the values chosen as {@code ARROW}.
 */
public enum ResultEncoding {
  ARROW,
  JSON;

  /** Applies the rule above; never throws and never consumes an iterator or stream. */
  public static ResultEncoding choose(Object result) {
    return result instanceof VectorSchemaRoot || TableInputs.isTabular(result) ? ARROW : JSON;
  }
}
