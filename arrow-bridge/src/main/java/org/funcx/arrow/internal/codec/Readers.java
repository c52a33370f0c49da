package org.funcx.arrow.internal.codec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.extension.UuidType;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Chooses the {@link ColumnReader} for an Arrow field, whoever wrote the stream. */
public final class Readers {
  private static final String EXTENSION_NAME_KEY = "ARROW:extension:name";

  private Readers() {}

  public static ColumnReader forField(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.ExtensionType) {
      // An extension registered in this JVM: its vector wraps the storage vector.
      return type instanceof UuidType ? UuidCodec.INSTANCE : GenericReader.INSTANCE;
    }
    return switch (type.getTypeID()) {
      case Null -> NullCodec.INSTANCE;
      case Bool -> BooleanCodec.INSTANCE;
      case Int -> forInt((ArrowType.Int) type);
      case FloatingPoint -> forFloatingPoint((ArrowType.FloatingPoint) type);
      case Utf8 -> Utf8Codec.INSTANCE;
      case Binary -> BinaryCodec.INSTANCE;
      case Decimal -> forDecimal((ArrowType.Decimal) type);
      case Timestamp -> forTimestamp((ArrowType.Timestamp) type);
      case Date ->
          ((ArrowType.Date) type).getUnit() == DateUnit.DAY
              ? DateDayCodec.INSTANCE
              : GenericReader.INSTANCE;
      case FixedSizeBinary -> isUuid(field) ? UuidCodec.INSTANCE : GenericReader.INSTANCE;
      case List -> new ListReader(forField(field.getChildren().get(0)));
      case Struct -> forStruct(field.getChildren());
      default -> GenericReader.INSTANCE;
    };
  }

  private static ColumnReader forInt(ArrowType.Int type) {
    if (!type.getIsSigned()) {
      return type.getBitWidth() == 16 ? CharCodec.INSTANCE : GenericReader.INSTANCE;
    }
    return switch (type.getBitWidth()) {
      case 8 -> Int8Codec.INSTANCE;
      case 16 -> Int16Codec.INSTANCE;
      case 32 -> Int32Codec.INSTANCE;
      default -> Int64Codec.INSTANCE;
    };
  }

  private static ColumnReader forFloatingPoint(ArrowType.FloatingPoint type) {
    if (type.getPrecision() == FloatingPointPrecision.SINGLE) return Float32Codec.INSTANCE;
    if (type.getPrecision() == FloatingPointPrecision.DOUBLE) return Float64Codec.INSTANCE;
    return GenericReader.INSTANCE;
  }

  private static ColumnReader forDecimal(ArrowType.Decimal type) {
    return type.getBitWidth() == 128
        ? new DecimalCodec(type.getPrecision(), type.getScale())
        : GenericReader.INSTANCE;
  }

  private static ColumnReader forTimestamp(ArrowType.Timestamp type) {
    return new TimestampCodec(type.getUnit(), type.getTimezone());
  }

  private static ColumnReader forStruct(List<Field> children) {
    List<String> names = new ArrayList<>(children.size());
    List<ColumnReader> readers = new ArrayList<>(children.size());
    for (Field child : children) {
      names.add(child.getName());
      readers.add(forField(child));
    }
    return new StructReader(names, readers);
  }

  private static boolean isUuid(Field field) {
    ArrowType.FixedSizeBinary type = (ArrowType.FixedSizeBinary) field.getType();
    return type.getByteWidth() == 16
        && UuidType.EXTENSION_NAME.equals(field.getMetadata().get(EXTENSION_NAME_KEY));
  }
}
