package org.funcx.arrow.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The non-null values seen at one position of the first batch, gathered only if a derivation step
 * needs them: a record of longs and strings is typed from its declaration alone, without reading a
 * single value.
 */
final class Samples {
  private Supplier<List<?>> source;
  private List<?> values;

  private Samples(Supplier<List<?>> source) {
    this.source = source;
  }

  static Samples of(List<?> values) {
    return new Samples(() -> values);
  }

  List<?> values() {
    if (values == null) {
      values = source.get();
      source = null;
    }
    return values;
  }

  /** The flattened non-null elements of these collections and arrays. */
  Samples elements() {
    return new Samples(() -> SampleKinds.elements(values()));
  }

  /** The non-null values of {@code member} in these owners. */
  Samples member(String path, JavaMember member) {
    return new Samples(
        () -> {
          List<Object> memberValues = new ArrayList<>();
          for (Object owner : values()) {
            Object value = read(path, member, owner);
            if (value != null) memberValues.add(value);
          }
          return memberValues;
        });
  }

  private static Object read(String path, JavaMember member, Object owner) {
    try {
      return member.getter().apply(owner);
    } catch (RuntimeException e) {
      throw new org.funcx.arrow.UnsupportedResultException(
          WriterDeriver.where(path)
              + "reading a value to derive the schema failed: "
              + e.getMessage(),
          e);
    }
  }
}
