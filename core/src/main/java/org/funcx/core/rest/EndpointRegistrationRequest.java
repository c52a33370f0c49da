package org.funcx.core.rest;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The body of {@code POST /v2/endpoints}.
 *
 * @param endpointId the endpoint to re-register; null for a new one
 * @param curvePublicKey the agent's CURVE public key (Z85); null for none
 * @param allowedFunctions ids of the only functions it runs; null to leave the field out (any),
 *     as an empty list also means
 */
public record EndpointRegistrationRequest(
    String name,
    String endpointId,
    String curvePublicKey,
    List<String> allowedFunctions,
    SharingChange sharing) {
  public EndpointRegistrationRequest {
    allowedFunctions = allowedFunctions == null ? null : List.copyOf(allowedFunctions);
    sharing = sharing == null ? SharingChange.NONE : sharing;
  }

  public static EndpointRegistrationRequest fromJson(JsonObject o) {
    return new EndpointRegistrationRequest(
        JsonFields.string(o, "name", true),
        JsonFields.string(o, "endpoint_id", false),
        JsonFields.string(o, "curve_public_key", false),
        JsonFields.strings(o, "allowed_functions"),
        SharingChange.fromJson(o));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    JsonFields.put(o, "endpoint_id", endpointId);
    JsonFields.put(o, "curve_public_key", curvePublicKey);
    if (allowedFunctions != null) o.add("allowed_functions", JsonFields.array(allowedFunctions));
    sharing.addTo(o);
    return o;
  }
}
