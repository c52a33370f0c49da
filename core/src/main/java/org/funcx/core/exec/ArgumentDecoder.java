package org.funcx.core.exec;

import com.google.gson.JsonArray;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Chooses the overload of the entry point by argument count and converts each JSON argument to its
 * parameter's generic type with {@link StrictJson}. Every mismatch is an {@link ArgumentException}
 * whose message names the function, the parameter and what was wrong, since the caller sees only
 * that message.
 */
final class ArgumentDecoder {
  /** A call ready to run: the overload chosen and the converted argument values. */
  record DecodedCall(Method method, Object[] values) {}

  /** The arguments do not fit the function; reported as ARGUMENT_ERROR. */
  static final class ArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ArgumentException(String message) {
      super(message);
    }
  }

  private final String entryName;
  private final List<Method> overloads;
  private final List<FunctionSignature> signatures;

  ArgumentDecoder(String entryName, List<Method> overloads, List<FunctionSignature> signatures) {
    this.entryName = entryName;
    this.overloads = List.copyOf(overloads);
    this.signatures = List.copyOf(signatures);
  }

  DecodedCall decode(JsonArray args) {
    int count = args == null ? 0 : args.size();
    int chosen = chooseOverload(count);
    Method method = overloads.get(chosen);
    FunctionSignature signature = signatures.get(chosen);
    Type[] types = method.getGenericParameterTypes();
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      try {
        values[i] = StrictJson.GSON.fromJson(args.get(i), types[i]);
      } catch (RuntimeException e) {
        throw new ArgumentException(
            entryName
                + ": argument "
                + (i + 1)
                + " ("
                + signature.parameterTypes().get(i)
                + " "
                + signature.parameterNames().get(i)
                + "): "
                + reason(e));
      }
    }
    return new DecodedCall(method, values);
  }

  private int chooseOverload(int count) {
    List<Integer> fitting = new ArrayList<>();
    for (int i = 0; i < overloads.size(); i++) {
      if (overloads.get(i).getParameterCount() == count) fitting.add(i);
    }
    if (fitting.size() == 1) return fitting.get(0);
    if (fitting.size() > 1) {
      throw new ArgumentException(
          entryName
              + " has "
              + fitting.size()
              + " overloads taking "
              + arguments(count)
              + " ("
              + listed(fitting)
              + "); overloads are told apart by argument"
              + " count only, so the call is ambiguous");
    }
    if (signatures.size() == 1) {
      FunctionSignature only = signatures.get(0);
      throw new ArgumentException(
          entryName
              + " expects "
              + arguments(only.arity())
              + " ("
              + only.parameterList()
              + "), got "
              + count);
    }
    throw new ArgumentException(
        entryName
            + " has no overload taking "
            + arguments(count)
            + "; it declares "
            + listed(IntStream.range(0, signatures.size()).boxed().toList()));
  }

  private String listed(List<Integer> indexes) {
    return indexes.stream()
        .map(i -> entryName + "(" + signatures.get(i).parameterList() + ")")
        .collect(Collectors.joining(", "));
  }

  private static String arguments(int count) {
    return count + (count == 1 ? " argument" : " arguments");
  }

  /** The most useful one line of a conversion failure; Gson adds troubleshooting links. */
  private static String reason(RuntimeException e) {
    Throwable shown = e;
    if (e.getCause() != null && String.valueOf(e.getMessage()).equals(e.getCause().toString())) {
      shown = e.getCause();
    }
    String message = shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
    message = message.lines().findFirst().orElse(message);
    Throwable cause = shown.getCause();
    if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
      message += ": " + cause;
    }
    return message;
  }
}
