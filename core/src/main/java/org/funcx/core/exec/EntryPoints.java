package org.funcx.core.exec;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;

/**
 * Finds the method(s) to call among those the user's source declares. Resolution happens at compile
 * time so a misspelt entry point is reported when the function is registered, not per task.
 */
final class EntryPoints {
  private EntryPoints() {}

  /**
   * The overloads of the entry point, fewest parameters first. With no name given, the source must
   * declare exactly one method name.
   */
  static List<Method> resolve(Class<?> wrapper, FunctionSpec spec) throws FunctionCompileException {
    List<Method> declared =
        Arrays.stream(wrapper.getDeclaredMethods())
            .filter(m -> !m.isSynthetic() && !m.isBridge())
            .sorted(
                Comparator.comparingInt(Method::getParameterCount)
                    .thenComparing(Method::toGenericString))
            .toList();
    List<String> names = declared.stream().map(Method::getName).distinct().sorted().toList();
    String requested = spec.entryPoint() == null ? "" : spec.entryPoint().strip();
    String entry;
    if (!requested.isEmpty()) {
      if (!names.contains(requested)) {
        throw error(
            spec,
            "no method named " + requested + " in the source; it declares: " + describe(names));
      }
      entry = requested;
    } else if (names.size() == 1) {
      entry = names.get(0);
    } else {
      throw error(
          spec,
          names.isEmpty()
              ? "the source declares no method to call"
              : "no entry point named and the source declares several methods: "
                  + describe(names)
                  + "; name the one to call");
    }
    List<Method> overloads = declared.stream().filter(m -> m.getName().equals(entry)).toList();
    overloads.forEach(m -> m.setAccessible(true));
    return overloads;
  }

  private static String describe(List<String> names) {
    return names.isEmpty() ? "no methods" : names.stream().collect(Collectors.joining(", "));
  }

  private static FunctionCompileException error(FunctionSpec spec, String message) {
    return new FunctionCompileException(
        spec.hash(), spec.entryPoint(), TaskError.of(ErrorKind.COMPILE_ERROR, message));
  }
}
