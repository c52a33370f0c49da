package org.funcx.core.exec;

import com.google.gson.Gson;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum arguments must name a constant: plain Gson silently turns a misspelt one into null. */
final class StrictEnums implements TypeAdapterFactory {

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!Enum.class.isAssignableFrom(raw) || raw == Enum.class) return null;
    Class<?> enumClass = raw.isEnum() ? raw : raw.getSuperclass();
    TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
    return new TypeAdapter<T>() {
      @Override
      public T read(JsonReader in) throws IOException {
        String where = in.getPath();
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return null;
        }
        String expected = "one of " + constants(enumClass);
        if (in.peek() != JsonToken.STRING) {
          throw StrictJson.mismatch(where, expected, in.peek().name().toLowerCase(Locale.ROOT));
        }
        String name = in.nextString();
        T value = delegate.fromJsonTree(new JsonPrimitive(name));
        if (value == null) throw StrictJson.mismatch(where, expected, "\"" + name + "\"");
        return value;
      }

      @Override
      public void write(JsonWriter out, T value) throws IOException {
        delegate.write(out, value);
      }
    };
  }

  private static String constants(Class<?> enumClass) {
    return Arrays.stream(enumClass.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(Collectors.joining(", "));
  }
}
