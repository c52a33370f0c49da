package org.funcx.arrow.internal.schema;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Turns getter methods into {@link Function}s. A function spun by {@link LambdaMetafactory} is a
 * plain call the JIT can inline, several times faster per row than {@link Method#invoke}; when the
 * class is not open to this module (a named module, a JDK class), reflection is the fallback.
 */
final class Getters {
  private static final MethodType FUNCTION_SHAPE =
      MethodType.methodType(Object.class, Object.class);

  private Getters() {}

  static Function<Object, Object> of(Method method) {
    if (declaresCheckedExceptions(method)) return reflective(method); // keeps them wrapped
    try {
      return spun(method);
    } catch (Throwable notAccessible) {
      return reflective(method);
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> spun(Method method) throws Throwable {
    Class<?> owner = method.getDeclaringClass();
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
    MethodHandle getter = lookup.unreflect(method);
    MethodType exact = MethodType.methodType(JavaTypes.boxed(method.getReturnType()), owner);
    CallSite site =
        LambdaMetafactory.metafactory(
            lookup, "apply", MethodType.methodType(Function.class), FUNCTION_SHAPE, getter, exact);
    return (Function<Object, Object>) site.getTarget().invokeExact();
  }

  private static boolean declaresCheckedExceptions(Method method) {
    for (Class<?> type : method.getExceptionTypes()) {
      if (!RuntimeException.class.isAssignableFrom(type) && !Error.class.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  private static Function<Object, Object> reflective(Method method) {
    method.trySetAccessible();
    return owner -> {
      try {
        return method.invoke(owner);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(method + " threw " + e.getCause(), e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + method, e);
      }
    };
  }
}
