package org.funcx.bench.arrow;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Bench rows through Gson as a JSON array of objects, timestamps as ISO-8601 strings. */
public final class JsonRoundTrip {
  private static final Type ROWS = new TypeToken<List<BenchRow>>() {}.getType();

  private final Gson gson =
      new GsonBuilder().registerTypeAdapter(Instant.class, new InstantAdapter()).create();

  public byte[] encode(List<BenchRow> rows) {
    return gson.toJson(rows, ROWS).getBytes(StandardCharsets.UTF_8);
  }

  public List<BenchRow> decode(byte[] json) {
    return gson.fromJson(new String(json, StandardCharsets.UTF_8), ROWS);
  }

  /** Gson cannot reflect into java.time on JDK 17, so Instants need an adapter. */
  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.value(value.toString());
      }
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      return Instant.parse(in.nextString());
    }
  }
}
