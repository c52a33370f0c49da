package org.funcx.core.exec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import org.funcx.core.json.Json;

/**
 * {@link Json#GSON} for decoding arguments, with scalars made strict. Plain Gson turns {@code 1.5}
 * into the long {@code 1}, {@code 3000000000} into a negative int and {@code "5"} into a number; a
 * scientist would get a wrong answer instead of an error. Here a whole-number parameter accepts only
 * a JSON number without fractional part and in range, a floating-point parameter only a number (or
 * the strings NaN/Infinity that Json.GSON writes), a String only a string, a boolean only a boolean;
 * enums reject unknown constants and maps with number keys still read (see {@link StrictMapKeys}).
 * The rules apply at every depth ({@code List<Integer>}, record components, map values).
 */
final class StrictJson {
  static final Gson GSON = build();

  private StrictJson() {}

  private static Gson build() {
    GsonBuilder builder = Json.GSON.newBuilder();
    whole(builder, long.class, Long.class, BigDecimal::longValueExact);
    whole(builder, int.class, Integer.class, BigDecimal::intValueExact);
    whole(builder, short.class, Short.class, BigDecimal::shortValueExact);
    whole(builder, byte.class, Byte.class, BigDecimal::byteValueExact);
    floating(builder, double.class, Double.class, Double::parseDouble);
    floating(builder, float.class, Float.class, Float::parseFloat);
    register(builder, boolean.class, Boolean.class, new BooleanAdapter());
    builder.registerTypeAdapter(String.class, new StringAdapter().nullSafe());
    builder.registerTypeAdapterFactory(new StrictEnums());
    builder.registerTypeAdapterFactory(new StrictMapKeys());
    return builder.create();
  }

  private static <T> void whole(
      GsonBuilder builder, Class<T> primitive, Class<T> boxed, Function<BigDecimal, T> exact) {
    register(builder, primitive, boxed, new WholeNumberAdapter<>(primitive.getName(), exact));
  }

  private static <T> void floating(
      GsonBuilder builder, Class<T> primitive, Class<T> boxed, Function<String, T> parse) {
    register(builder, primitive, boxed, new FloatingAdapter<>(primitive.getName(), parse));
  }

  /** Primitives reject null (a missing value would become a crash inside the call); boxes allow it. */
  private static <T> void register(
      GsonBuilder builder, Class<T> primitive, Class<T> boxed, TypeAdapter<T> adapter) {
    builder.registerTypeAdapter(primitive, adapter);
    builder.registerTypeAdapter(boxed, adapter.nullSafe());
  }

  /** An error naming what was expected and found, and where unless it is the value itself. */
  static JsonParseException mismatch(String where, String expected, String got) {
    return new JsonParseException(
        "expected " + expected + ", got " + got + ("$".equals(where) ? "" : " at " + where));
  }

  private static String describeToken(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    return switch (token) {
      case STRING -> "the string \"" + in.nextString() + "\"";
      case NUMBER -> in.nextString();
      case BOOLEAN -> String.valueOf(in.nextBoolean());
      case NULL -> "null";
      case BEGIN_ARRAY -> "an array";
      case BEGIN_OBJECT -> "an object";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private static final class WholeNumberAdapter<T> extends TypeAdapter<T> {
    private final String typeName;
    private final Function<BigDecimal, T> exact;

    WholeNumberAdapter(String typeName, Function<BigDecimal, T> exact) {
      this.typeName = typeName;
      this.exact = exact;
    }

    @Override
    public T read(JsonReader in) throws IOException {
      String where = in.getPath();
      String expected = "a whole number (" + typeName + ")";
      if (in.peek() != JsonToken.NUMBER) throw mismatch(where, expected, describeToken(in));
      String text = in.nextString();
      try {
        return exact.apply(new BigDecimal(text));
      } catch (ArithmeticException | NumberFormatException e) {
        String why = text.matches("-?\\d+") ? text + ", out of range" : text;
        throw mismatch(where, expected, why);
      }
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      out.value((Number) value);
    }
  }

  private static final class FloatingAdapter<T> extends TypeAdapter<T> {
    private final String typeName;
    private final Function<String, T> parse;

    FloatingAdapter(String typeName, Function<String, T> parse) {
      this.typeName = typeName;
      this.parse = parse;
    }

    @Override
    public T read(JsonReader in) throws IOException {
      String where = in.getPath();
      String expected = "a number (" + typeName + ")";
      JsonToken token = in.peek();
      if (token == JsonToken.STRING) {
        String text = in.nextString();
        if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
          return parse.apply(text);
        }
        throw mismatch(where, expected, "the string \"" + text + "\"");
      }
      if (token != JsonToken.NUMBER) throw mismatch(where, expected, describeToken(in));
      String text = in.nextString();
      T value = parse.apply(text);
      if (Double.isInfinite(((Number) value).doubleValue())) {
        throw mismatch(where, expected, text + ", out of range");
      }
      return value;
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      out.value((Number) value);
    }
  }

  private static final class BooleanAdapter extends TypeAdapter<Boolean> {
    @Override
    public Boolean read(JsonReader in) throws IOException {
      String where = in.getPath();
      if (in.peek() != JsonToken.BOOLEAN) throw mismatch(where, "true or false", describeToken(in));
      return in.nextBoolean();
    }

    @Override
    public void write(JsonWriter out, Boolean value) throws IOException {
      out.value(value);
    }
  }

  private static final class StringAdapter extends TypeAdapter<String> {
    @Override
    public String read(JsonReader in) throws IOException {
      String where = in.getPath();
      if (in.peek() != JsonToken.STRING) throw mismatch(where, "a string", describeToken(in));
      return in.nextString();
    }

    @Override
    public void write(JsonWriter out, String value) throws IOException {
      out.value(value);
    }
  }
}
