package org.funcx.arrow.internal.schema;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Classifies Java types into the shapes the bridge knows: scalars, lists, rows (records, POJOs,
 * maps).
 */
public final class JavaTypes {
  private static final Set<Class<?>> SCALARS =
      Set.of(
          Boolean.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          Character.class,
          String.class,
          BigDecimal.class,
          Instant.class,
          LocalDateTime.class,
          LocalDate.class,
          UUID.class);
  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class,
          Boolean.class,
          byte.class,
          Byte.class,
          short.class,
          Short.class,
          int.class,
          Integer.class,
          long.class,
          Long.class,
          float.class,
          Float.class,
          double.class,
          Double.class,
          char.class,
          Character.class);

  private JavaTypes() {}

  /** The wrapper of a primitive class; any other class unchanged. */
  public static Class<?> boxed(Class<?> type) {
    return BOXES.getOrDefault(type, type);
  }

  /** A single value that the bridge stores in one Arrow cell of a leaf type (enums included). */
  public static boolean isScalar(Class<?> type) {
    Class<?> boxed = boxed(type);
    return SCALARS.contains(boxed) || Enum.class.isAssignableFrom(boxed);
  }

  /** A list-shaped value: any Collection, or an array other than {@code byte[]} (binary). */
  public static boolean isListLike(Class<?> type) {
    return Collection.class.isAssignableFrom(type) || (type.isArray() && type != byte[].class);
  }

  /** A value that becomes a row or struct: a record, a {@code Map}, or a POJO. */
  public static boolean isRowLike(Class<?> type) {
    return type.isRecord() || Map.class.isAssignableFrom(type) || isPojo(type);
  }

  /**
   * A class outside the JDK's own packages, neither scalar nor list nor map, with at least one
   * public getter or public field. JDK classes such as {@code File} are excluded because their
   * getters lead into cycles rather than data.
   */
  public static boolean isPojo(Class<?> type) {
    if (type.isPrimitive() || type.isArray() || type.isInterface() || isScalar(type)) return false;
    if (type.isRecord()
        || Iterable.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type)) {
      return false;
    }
    String name = type.getName();
    if (name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.")) {
      return false;
    }
    return !Members.ofBean(type).isEmpty();
  }

  /** The erased class of a type; type variables and wildcards erase to their first upper bound. */
  public static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return rawClass(p.getRawType());
    if (type instanceof GenericArrayType a) {
      return Array.newInstance(rawClass(a.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof TypeVariable<?> v) return rawClass(v.getBounds()[0]);
    if (type instanceof WildcardType w) return rawClass(w.getUpperBounds()[0]);
    return Object.class;
  }

  /** The {@code index}-th type argument of a parameterized type, or {@code Object} when erased. */
  public static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  /** The element type of an array type, generic or not. */
  public static Type componentType(Type arrayType) {
    if (arrayType instanceof GenericArrayType a) return a.getGenericComponentType();
    return rawClass(arrayType).getComponentType();
  }
}
