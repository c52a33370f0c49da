package org.funcx.core.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One block of an endpoint (a Slurm job, or local manager processes) as its agent last reported
 * it, in an endpoint's description ({@code blocks}).
 *
 * @param resourceId what the resource manager calls it: a Slurm job id, a process id
 * @param state pending, running, completing...
 * @param detail why it is in that state (Slurm's pending reason, an exit code); empty when none
 * @param since when it entered that state, epoch milliseconds
 */
public record BlockDescription(
    String blockId, String resourceId, String state, String detail, long since) {

  public static BlockDescription fromJson(JsonObject o) {
    return new BlockDescription(
        JsonFields.string(o, "block_id", true),
        JsonFields.string(o, "resource_id", false),
        JsonFields.string(o, "state", false),
        JsonFields.string(o, "detail", false),
        JsonFields.whole(o, "since", 0));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("block_id", blockId);
    JsonFields.put(o, "resource_id", resourceId);
    JsonFields.put(o, "state", state);
    JsonFields.put(o, "detail", detail);
    o.addProperty("since", since);
    return o;
  }

  /** The {@code blocks} field of an endpoint's description; empty when it has none. */
  static List<BlockDescription> listField(JsonObject o) {
    JsonElement blocks = o.get("blocks");
    if (blocks == null || blocks.isJsonNull()) return List.of();
    if (!blocks.isJsonArray()) throw RestFieldException.invalid("blocks", "an array of blocks");
    List<BlockDescription> out = new ArrayList<>(blocks.getAsJsonArray().size());
    for (JsonElement e : blocks.getAsJsonArray()) {
      if (!e.isJsonObject()) throw RestFieldException.invalid("blocks", "an array of blocks");
      out.add(fromJson(e.getAsJsonObject()));
    }
    return out;
  }

  static JsonArray listToJson(List<BlockDescription> blocks) {
    JsonArray array = new JsonArray(blocks.size());
    blocks.forEach(b -> array.add(b.toJson()));
    return array;
  }
}
