package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Builds the nullable, childless fields of the leaf codecs. */
public final class LeafFields {
  private LeafFields() {}

  public static Field nullable(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }
}
