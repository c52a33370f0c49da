package org.funcx.arrow.internal.decode;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.funcx.arrow.internal.schema.JavaTypes;

/**
 * Converts a decoded value (see {@code ArrowTable}) to a declared Java type: structs to records,
 * lists to List/Set/arrays, strings to enum constants. Values already of the target type pass
 * through; anything else fails with {@link IllegalArgumentException} naming both types.
 */
public final class JavaValueConverter {
  private JavaValueConverter() {}

  public static Object convert(Object value, Type target) {
    Class<?> raw = JavaTypes.rawClass(target);
    if (value == null) {
      if (raw.isPrimitive()) throw new IllegalArgumentException("null for primitive " + raw);
      return null;
    }
    if (JavaTypes.boxed(raw).isInstance(value)
        && !(value instanceof Collection<?>)
        && !(value instanceof Map<?, ?>)) {
      return value;
    }
    if (raw.isRecord() && value instanceof Map<?, ?> map) return toRecord(raw, map);
    if (raw.isEnum() && value instanceof String name) return toEnum(raw, name);
    if (value instanceof List<?> list) {
      if (raw.isArray()) return toArray(list, JavaTypes.componentType(target));
      if (raw.isAssignableFrom(ArrayList.class) || raw == Collection.class) {
        return convertInto(new ArrayList<>(list.size()), list, JavaTypes.typeArgument(target, 0));
      }
      if (raw.isAssignableFrom(LinkedHashSet.class)) {
        return convertInto(new LinkedHashSet<>(), list, JavaTypes.typeArgument(target, 0));
      }
    }
    if (value instanceof Map<?, ?> map && raw.isAssignableFrom(LinkedHashMap.class)) {
      Type valueType = JavaTypes.typeArgument(target, 1);
      Map<Object, Object> converted = new LinkedHashMap<>();
      map.forEach((key, item) -> converted.put(key, convert(item, valueType)));
      return converted;
    }
    throw new IllegalArgumentException(
        "cannot convert " + value.getClass().getName() + " to " + target.getTypeName());
  }

  /**
   * The class whose instances {@link #convert} returns unchanged for {@code target}, so callers can
   * skip it; {@code null} for targets that always convert (collections, maps, records).
   */
  public static Class<?> passThroughClass(Type target) {
    Class<?> raw = JavaTypes.rawClass(target);
    if (Collection.class.isAssignableFrom(raw)
        || Map.class.isAssignableFrom(raw)
        || raw.isRecord()
        || raw == Object.class) {
      return null;
    }
    return JavaTypes.boxed(raw);
  }

  /** A record built from a struct's map, component by component; absent keys give nulls. */
  static Object toRecord(Class<?> recordType, Map<?, ?> values) {
    RecordShape shape = RecordShape.of(recordType);
    Object[] arguments = new Object[shape.names.size()];
    for (int i = 0; i < arguments.length; i++) {
      String name = shape.names.get(i);
      try {
        arguments[i] = convert(values.get(name), shape.types.get(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
    }
    return shape.construct(arguments);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object toEnum(Class<?> enumType, String name) {
    return Enum.valueOf((Class<? extends Enum>) enumType, name);
  }

  private static Object toArray(List<?> list, Type componentType) {
    Object array = Array.newInstance(JavaTypes.rawClass(componentType), list.size());
    for (int i = 0; i < list.size(); i++) {
      Array.set(array, i, convert(list.get(i), componentType));
    }
    return array;
  }

  private static <C extends Collection<Object>> C convertInto(
      C target, List<?> list, Type elementType) {
    for (Object item : list) target.add(convert(item, elementType));
    return target;
  }
}
