package org.funcx.core.exec;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What a caller needs to know to call an entry point, for the service to show at registration and
 * to explain argument errors. Type names are generic and fully qualified as javac sees them, e.g.
 * {@code java.util.List<java.lang.Integer>}; helper types declared in the function read as their
 * own name ({@code Point}), not as a member of the generated wrapper class.
 *
 * @param entryName method name
 * @param parameterTypes generic parameter type names, in order
 * @param parameterNames parameter names as written (compiled with {@code -parameters})
 * @param returnType generic return type name; {@code void} for none
 */
public record FunctionSignature(
    String entryName, List<String> parameterTypes, List<String> parameterNames, String returnType) {

  public FunctionSignature {
    parameterTypes = List.copyOf(parameterTypes);
    parameterNames = List.copyOf(parameterNames);
    if (parameterTypes.size() != parameterNames.size()) {
      throw new IllegalArgumentException("one name per parameter type is required");
    }
  }

  static FunctionSignature of(Method method, String generatedClassName) {
    List<String> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Parameter[] parameters = method.getParameters();
    Type[] generic = method.getGenericParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      types.add(readable(generic[i], generatedClassName));
      names.add(parameters[i].getName());
    }
    String returns = readable(method.getGenericReturnType(), generatedClassName);
    return new FunctionSignature(method.getName(), types, names, returns);
  }

  private static String readable(Type type, String generatedClassName) {
    return type.getTypeName().replace(generatedClassName + "$", "").replace(generatedClassName, "");
  }

  public int arity() {
    return parameterTypes.size();
  }

  /** {@code long x, java.lang.String s}: the parameter list as it would be written. */
  public String parameterList() {
    StringJoiner list = new StringJoiner(", ");
    for (int i = 0; i < arity(); i++) list.add(parameterTypes.get(i) + " " + parameterNames.get(i));
    return list.toString();
  }

  /** {@code long sq(long x)}. */
  @Override
  public String toString() {
    return returnType + " " + entryName + "(" + parameterList() + ")";
  }
}
