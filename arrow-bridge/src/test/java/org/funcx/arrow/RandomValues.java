package org.funcx.arrow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Seeded generators for every supported type, with nulls and edge values mixed in. */
final class RandomValues {
  /** Nanosecond timestamps span about ±292 years around 1970. */
  private static final long MAX_NANO_SECONDS = 9_000_000_000L;

  private final Random random;

  RandomValues(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** {@code supplier}'s value, or null one time in six. */
  <T> T orNull(Supplier<T> supplier) {
    return random.nextInt(6) == 0 ? null : supplier.get();
  }

  <T> List<T> listOf(int maxSize, Supplier<T> element) {
    int size = random.nextInt(maxSize + 1);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) list.add(element.get());
    return list;
  }

  boolean bool() {
    return random.nextBoolean();
  }

  byte int8() {
    return (byte) pick(random.nextInt(), Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  short int16() {
    return (short) pick(random.nextInt(), Short.MIN_VALUE, Short.MAX_VALUE);
  }

  int int32() {
    return (int) pick(random.nextInt(), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  long int64() {
    return pick(random.nextLong(), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  float float32() {
    return switch (random.nextInt(8)) {
      case 0 -> Float.NaN;
      case 1 -> Float.NEGATIVE_INFINITY;
      case 2 -> -0.0f;
      default -> (random.nextFloat() - 0.5f) * 1e6f;
    };
  }

  double float64() {
    return switch (random.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> Double.MAX_VALUE;
      case 2 -> Double.MIN_VALUE;
      default -> random.nextGaussian() * 1e9;
    };
  }

  char character() {
    return (char) random.nextInt(Character.MAX_VALUE + 1); // lone surrogates included
  }

  String string() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> text.append("<&>\"'".charAt(random.nextInt(5)));
        case 1 -> text.appendCodePoint(0x1F600 + random.nextInt(50)); // emoji: surrogate pairs
        case 2 -> text.append((char) ('à' + random.nextInt(20)));
        default -> text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  BigDecimal decimal() {
    BigInteger unscaled = new BigInteger(random.nextInt(100) + 1, random);
    return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(7));
  }

  Instant instant() {
    long seconds = random.nextLong() % MAX_NANO_SECONDS;
    return Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
  }

  LocalDateTime localDateTime() {
    Instant instant = instant();
    return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
  }

  LocalDate date() {
    return LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
  }

  UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  byte[] bytes() {
    byte[] bytes = new byte[random.nextInt(20)];
    random.nextBytes(bytes);
    return bytes;
  }

  <E extends Enum<E>> E constant(Class<E> type) {
    E[] constants = type.getEnumConstants();
    return constants[random.nextInt(constants.length)];
  }

  /** Mostly ordinary values, sometimes the type's extremes. */
  private long pick(long ordinary, long min, long max) {
    return switch (random.nextInt(10)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> 0;
      default -> ordinary;
    };
  }
}
