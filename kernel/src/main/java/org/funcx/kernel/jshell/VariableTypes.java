package org.funcx.kernel.jshell;

import java.lang.reflect.Modifier;

/**
 * Chooses the type a variable holding a kernel-made value is declared with: the value's class if
 * user code can name it, else its first nameable interface that has methods (an immutable
 * {@code List.of(...)} is a {@code java.util.List}, not a {@code Serializable}), else a nameable
 * superclass, else {@code Object}.
 */
final class VariableTypes {
  private VariableTypes() {}

  static Class<?> declaredType(Object value) {
    if (value == null) return Object.class;
    Class<?> type = value.getClass();
    if (nameable(type)) return type;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (nameable(i) && i.getMethods().length > 0) return i;
      }
    }
    for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
      if (nameable(c) && c != Object.class) return c;
    }
    return Object.class;
  }

  /** Public all the way out, has a canonical name, and is not one of JShell's wrapper classes. */
  static boolean nameable(Class<?> type) {
    if (type.getCanonicalName() == null || type.getName().startsWith("REPL.")) return false;
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) return false;
    }
    return type.getModule().isExported(type.getPackageName());
  }
}
