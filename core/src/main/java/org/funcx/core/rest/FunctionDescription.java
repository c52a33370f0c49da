package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A registered function as {@code /v2/functions} answers it.
 *
 * @param signature null when registered without validation
 * @param returnType null when unknown
 * @param sharing null in answers that leave it out
 * @param functionCode the source, only in {@code GET /v2/functions/{id}}; else null
 */
public record FunctionDescription(
    String functionId,
    String functionName,
    String kind,
    String entryPoint,
    String hash,
    List<String> dependencies,
    String signature,
    String returnType,
    SharingDescription sharing,
    String functionCode) {
  public FunctionDescription {
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  public static FunctionDescription fromJson(JsonObject o) {
    return new FunctionDescription(
        JsonFields.string(o, "function_id", true),
        JsonFields.string(o, "function_name", false),
        JsonFields.string(o, "kind", false),
        JsonFields.string(o, "entry_point", false),
        JsonFields.string(o, "hash", false),
        JsonFields.strings(o, "dependencies"),
        JsonFields.string(o, "signature", false),
        JsonFields.string(o, "return_type", false),
        SharingDescription.field(o),
        JsonFields.string(o, "function_code", false));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("function_id", functionId);
    JsonFields.put(o, "function_name", functionName);
    JsonFields.put(o, "kind", kind);
    JsonFields.put(o, "entry_point", entryPoint);
    JsonFields.put(o, "hash", hash);
    if (!dependencies.isEmpty()) o.add("dependencies", JsonFields.array(dependencies));
    JsonFields.put(o, "signature", signature);
    JsonFields.put(o, "return_type", returnType);
    if (sharing != null) o.add("sharing", sharing.toJson());
    JsonFields.put(o, "function_code", functionCode);
    return o;
  }
}
