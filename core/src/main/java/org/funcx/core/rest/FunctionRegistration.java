package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The body of {@code POST /v2/functions}.
 *
 * @param kind {@code java} or {@code shell}; null for Java
 * @param functionCode Java source, or a shell command template
 * @param entryPoint the method to call; null to let the service find it
 * @param functionName null to name it after its entry point
 * @param validate false to register without compiling at the service
 * @param dependencies Maven coordinates added to the source's {@code //DEPS} lines
 */
public record FunctionRegistration(
    String kind,
    String functionCode,
    String entryPoint,
    String functionName,
    boolean validate,
    List<String> dependencies,
    SharingChange sharing) {
  public FunctionRegistration {
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    sharing = sharing == null ? SharingChange.NONE : sharing;
  }

  public static FunctionRegistration fromJson(JsonObject o) {
    return new FunctionRegistration(
        JsonFields.string(o, "kind", false),
        JsonFields.string(o, "function_code", true),
        JsonFields.string(o, "entry_point", false),
        JsonFields.string(o, "function_name", false),
        JsonFields.bool(o, "validate", true),
        JsonFields.strings(o, "dependencies"),
        SharingChange.fromJson(o));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    JsonFields.put(o, "kind", kind);
    o.addProperty("function_code", functionCode);
    JsonFields.put(o, "entry_point", entryPoint);
    JsonFields.put(o, "function_name", functionName);
    if (!validate) o.addProperty("validate", false);
    if (!dependencies.isEmpty()) o.add("dependencies", JsonFields.array(dependencies));
    sharing.addTo(o);
    return o;
  }
}
