package org.funcx.arrow.internal.schema;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.arrow.UnsupportedResultException;

/** Looks at sample values where the declared Java type does not fix the Arrow type. */
final class SampleKinds {
  private SampleKinds() {}

  /**
   * The one class the non-null samples share: enum constants count as their enum, every Collection
   * as {@code Collection} and every Map as {@code Map}. Mixed kinds (say Integer and Long) fail, as
   * an Arrow column has exactly one type.
   */
  static Class<?> commonKind(String path, List<?> samples) {
    Set<Class<?>> kinds = new LinkedHashSet<>();
    Class<?> previous = null;
    for (Object sample : samples) {
      Class<?> kind = kindOf(sample);
      if (kind != previous) kinds.add(kind);
      previous = kind;
    }
    if (kinds.size() != 1) {
      throw new UnsupportedResultException(
          WriterDeriver.where(path)
              + "values mix "
              + kinds.stream().map(Class::getName).toList()
              + "; an Arrow column needs one type");
    }
    return kinds.iterator().next();
  }

  /** The non-null elements of sample collections and arrays, flattened. */
  static List<Object> elements(List<?> samples) {
    List<Object> elements = new ArrayList<>();
    for (Object sample : samples) {
      if (sample instanceof Iterable<?> iterable) {
        iterable.forEach(element -> addIfPresent(elements, element));
      } else if (sample.getClass().isArray()) {
        for (int i = 0, n = Array.getLength(sample); i < n; i++) {
          addIfPresent(elements, Array.get(sample, i));
        }
      }
    }
    return elements;
  }

  static Class<?> kindOf(Object value) {
    if (value instanceof Enum<?> constant) return constant.getDeclaringClass();
    if (value instanceof Collection<?>) return Collection.class;
    if (value instanceof Map<?, ?>) return Map.class;
    return value.getClass();
  }

  private static void addIfPresent(List<Object> elements, Object element) {
    if (element != null) elements.add(element);
  }
}
