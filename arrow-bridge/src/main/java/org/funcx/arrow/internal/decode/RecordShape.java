package org.funcx.arrow.internal.decode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/** A record class's components and canonical constructor, looked up once per class. */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  final List<String> names;
  final List<Type> types;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] rawTypes = new Class<?>[components.length];
    String[] componentNames = new String[components.length];
    Type[] genericTypes = new Type[components.length];
    for (int i = 0; i < components.length; i++) {
      rawTypes[i] = components[i].getType();
      componentNames[i] = components[i].getName();
      genericTypes[i] = components[i].getGenericType();
    }
    try {
      constructor = type.getDeclaredConstructor(rawTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "record " + type.getName() + " has no canonical constructor", e);
    }
    constructor.trySetAccessible();
    names = List.of(componentNames);
    types = List.of(genericTypes);
  }

  static RecordShape of(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType.getName() + " is not a record");
    }
    return SHAPES.get(recordType);
  }

  /** Calls the canonical constructor; a compact constructor's own exception is rethrown as is. */
  Object construct(Object[] arguments) {
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(constructor + " threw " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + constructor, e);
    }
  }
}
