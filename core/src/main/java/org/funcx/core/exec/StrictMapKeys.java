package org.funcx.core.exec;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Reads maps keyed by numbers or booleans, e.g. {@code Map<Integer, String>}. JSON object keys are
 * always strings, which the strict scalar adapters of {@link StrictJson} rightly refuse as values;
 * here each key is first turned back into the JSON number or boolean it spells, so {@code "7"}
 * becomes 7 while {@code "1.5"} for an Integer key is still an error.
 */
final class StrictMapKeys implements TypeAdapterFactory {
  private static final Set<Class<?>> NUMBER_KEYS =
      Set.of(Long.class, Integer.class, Short.class, Byte.class, Double.class, Float.class);

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    if (!Map.class.isAssignableFrom(type.getRawType())
        || !(type.getType() instanceof ParameterizedType parameterized)
        || parameterized.getActualTypeArguments().length != 2) {
      return null;
    }
    Type keyType = parameterized.getActualTypeArguments()[0];
    Class<?> keyClass = TypeToken.get(keyType).getRawType();
    if (!NUMBER_KEYS.contains(keyClass) && keyClass != Boolean.class) return null;
    TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
    TypeAdapter<?> keys = gson.getAdapter(TypeToken.get(keyType));
    TypeAdapter<?> values =
        gson.getAdapter(TypeToken.get(parameterized.getActualTypeArguments()[1]));
    TypeAdapter<JsonElement> trees = gson.getAdapter(JsonElement.class);
    return new TypeAdapter<T>() {
      @Override
      public T read(JsonReader in) throws IOException {
        String where = in.getPath();
        JsonElement tree = trees.read(in);
        if (!tree.isJsonObject()) return delegate.fromJsonTree(tree);
        T map = delegate.fromJsonTree(new JsonObject());
        @SuppressWarnings("unchecked")
        Map<Object, Object> entries = (Map<Object, Object>) map;
        for (Map.Entry<String, JsonElement> entry : tree.getAsJsonObject().entrySet()) {
          String name = entry.getKey();
          Object key = convert(keys, keyElement(name, keyClass), where + " key \"" + name + "\"");
          if (entries.containsKey(key)) {
            throw StrictJson.mismatch(where, "distinct keys", "\"" + name + "\" repeating " + key);
          }
          entries.put(key, convert(values, entry.getValue(), where + "." + name));
        }
        return map;
      }

      @Override
      public void write(JsonWriter out, T value) throws IOException {
        delegate.write(out, value);
      }
    };
  }

  private static JsonElement keyElement(String name, Class<?> keyClass) {
    if (keyClass == Boolean.class) {
      return name.equals("true") || name.equals("false")
          ? new JsonPrimitive(Boolean.parseBoolean(name))
          : new JsonPrimitive(name);
    }
    try {
      return new JsonPrimitive(new BigDecimal(name));
    } catch (NumberFormatException notANumber) {
      return new JsonPrimitive(name);
    }
  }

  /** Converts one key or value, saying in the error where in the argument it sits. */
  private static Object convert(TypeAdapter<?> adapter, JsonElement element, String location) {
    try {
      return adapter.fromJsonTree(element);
    } catch (JsonParseException e) {
      String message = e.getMessage();
      String place = message.contains(" at $") ? " (inside " + location + ")" : " at " + location;
      throw new JsonParseException(message + place, e);
    }
  }
}
