package org.funcx.arrow.internal.render;

import java.util.stream.Collectors;
import org.apache.arrow.vector.extension.UuidType;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Short, pyarrow-like names of Arrow types for table headers: {@code int64}, {@code list<string>}.
 */
public final class ArrowTypeNames {
  private ArrowTypeNames() {}

  public static String describe(Field field) {
    ArrowType type = field.getType();
    if (type instanceof UuidType || isUuidStorage(field)) return "uuid";
    return switch (type.getTypeID()) {
      case Null -> "null";
      case Bool -> "bool";
      case Int -> {
        ArrowType.Int integer = (ArrowType.Int) type;
        yield (integer.getIsSigned() ? "int" : "uint") + integer.getBitWidth();
      }
      case FloatingPoint -> floatName(((ArrowType.FloatingPoint) type).getPrecision());
      case Utf8 -> "string";
      case Binary -> "binary";
      case Decimal -> {
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        yield "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
      }
      case Timestamp -> timestamp((ArrowType.Timestamp) type);
      case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? "date32" : "date64";
      case List -> "list<" + describe(field.getChildren().get(0)) + ">";
      case Struct ->
          field.getChildren().stream()
              .map(child -> child.getName() + ": " + describe(child))
              .collect(Collectors.joining(", ", "struct<", ">"));
      default -> type.toString();
    };
  }

  private static String floatName(FloatingPointPrecision precision) {
    return switch (precision) {
      case HALF -> "float16";
      case SINGLE -> "float";
      case DOUBLE -> "double";
    };
  }

  private static String timestamp(ArrowType.Timestamp type) {
    String unit = unitName(type.getUnit());
    return type.getTimezone() == null
        ? "timestamp[" + unit + "]"
        : "timestamp[" + unit + ", " + type.getTimezone() + "]";
  }

  private static String unitName(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> "s";
      case MILLISECOND -> "ms";
      case MICROSECOND -> "us";
      case NANOSECOND -> "ns";
    };
  }

  private static boolean isUuidStorage(Field field) {
    return UuidType.EXTENSION_NAME.equals(field.getMetadata().get("ARROW:extension:name"));
  }
}
