package org.funcx.arrow.internal.schema;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.funcx.arrow.UnsupportedResultException;

/** Finds the members of records, POJOs and maps, in a stable order. */
public final class Members {
  private Members() {}

  /** Record components in declaration order. */
  public static List<JavaMember> ofRecord(Class<?> recordClass) {
    List<JavaMember> members = new ArrayList<>();
    for (RecordComponent component : recordClass.getRecordComponents()) {
      Method accessor = component.getAccessor();
      members.add(
          new JavaMember(component.getName(), component.getGenericType(), Getters.of(accessor)));
    }
    return members;
  }

  /**
   * Public getters ({@code getX}, {@code isX} for booleans) and public fields, in the order the
   * backing fields are declared (superclass first), then the remaining getters by name. A getter
   * wins over a public field of the same name.
   */
  public static List<JavaMember> ofBean(Class<?> beanClass) {
    Map<String, JavaMember> byName = new LinkedHashMap<>();
    for (Field field : beanClass.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        byName.put(
            field.getName(),
            new JavaMember(field.getName(), field.getGenericType(), reader(field)));
      }
    }
    List<Method> getters = new ArrayList<>();
    for (Method method : beanClass.getMethods()) {
      if (propertyName(method) != null) getters.add(method);
    }
    getters.sort(Comparator.comparing(Method::getName));
    for (Method method : getters) {
      String name = propertyName(method);
      byName.put(name, new JavaMember(name, method.getGenericReturnType(), Getters.of(method)));
    }
    List<JavaMember> ordered = new ArrayList<>();
    for (String declared : declaredFieldNames(beanClass)) {
      JavaMember member = byName.remove(declared);
      if (member != null) ordered.add(member);
    }
    byName.values().stream().sorted(Comparator.comparing(JavaMember::name)).forEach(ordered::add);
    return ordered;
  }

  /** One member per distinct String key of the sample maps, in first-seen order. */
  public static List<JavaMember> ofMaps(List<?> sampleMaps, Type valueType) {
    Set<String> keys = new LinkedHashSet<>();
    for (Object sample : sampleMaps) {
      for (Object key : ((Map<?, ?>) sample).keySet()) {
        if (!(key instanceof String name)) {
          throw new UnsupportedResultException(
              "map keys must be Strings to become column names, got " + describe(key));
        }
        keys.add(name);
      }
    }
    List<JavaMember> members = new ArrayList<>(keys.size());
    for (String key : keys) {
      members.add(new JavaMember(key, valueType, owner -> ((Map<?, ?>) owner).get(key)));
    }
    return members;
  }

  private static String propertyName(Method method) {
    if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) return null;
    String name = method.getName();
    Class<?> returns = method.getReturnType();
    if (name.startsWith("get")
        && name.length() > 3
        && returns != void.class
        && !name.equals("getClass")) {
      return decapitalize(name.substring(3));
    }
    if (name.startsWith("is")
        && name.length() > 2
        && (returns == boolean.class || returns == Boolean.class)) {
      return decapitalize(name.substring(2));
    }
    return null;
  }

  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) return name; // "URL" stays
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static List<String> declaredFieldNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type.getSuperclass() != null) names.addAll(declaredFieldNames(type.getSuperclass()));
    for (Field field : type.getDeclaredFields()) names.add(field.getName());
    return names;
  }

  private static Function<Object, Object> reader(Field field) {
    field.trySetAccessible();
    return owner -> {
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    };
  }

  private static String describe(Object key) {
    return key == null ? "null" : key.getClass().getName() + " " + key;
  }
}
