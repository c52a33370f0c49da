package org.funcx.arrow.internal.schema;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.funcx.arrow.ArrowEncoderConfig;
import org.funcx.arrow.UnsupportedResultException;
import org.funcx.arrow.internal.codec.BinaryCodec;
import org.funcx.arrow.internal.codec.ColumnWriter;
import org.funcx.arrow.internal.codec.ListWriter;
import org.funcx.arrow.internal.codec.NullCodec;
import org.funcx.arrow.internal.codec.StructMember;
import org.funcx.arrow.internal.codec.StructWriter;

/**
 * Derives the Arrow writer for a Java type. The declared type decides where it is precise (records,
 * POJO getters, {@code List<Integer>}, {@code long[]}); where it is not ({@code Object}, raw
 * collections, map values) the non-null sample values decide, and they must share one class.
 * Decimal scales and map keys always come from the samples. One deriver serves one schema.
 */
public final class WriterDeriver {
  private final ArrowEncoderConfig config;
  private final Set<Class<?>> inProgress = new HashSet<>();

  public WriterDeriver(ArrowEncoderConfig config) {
    this.config = config;
  }

  /**
   * The writer for values declared as {@code type}.
   *
   * @param path column path for error messages, e.g. {@code "points.x"}
   */
  ColumnWriter derive(String path, Type type, Samples samples) {
    Class<?> raw = JavaTypes.boxed(JavaTypes.rawClass(type));
    if (!isPrecise(raw)) {
      if (samples.values().isEmpty()) return NullCodec.INSTANCE;
      raw = SampleKinds.commonKind(path, samples.values());
      type = raw;
    }
    if (JavaTypes.isScalar(raw)) return ScalarWriters.of(path, raw, samples, config);
    if (raw == byte[].class) return BinaryCodec.INSTANCE;
    if (raw.isArray()) {
      Type element = JavaTypes.componentType(type);
      return new ListWriter(derive(path + "[]", element, samples.elements()));
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Type element = JavaTypes.typeArgument(type, 0);
      return new ListWriter(derive(path + "[]", element, samples.elements()));
    }
    if (Map.class.isAssignableFrom(raw) && samples.values().isEmpty()) return NullCodec.INSTANCE;
    return new StructWriter(members(path, type, samples));
  }

  /** Writers for the members of a record, POJO or map type, given non-null sample owners. */
  List<StructMember> members(String path, Type ownerType, Samples owners) {
    Class<?> raw = JavaTypes.rawClass(ownerType);
    if (Map.class.isAssignableFrom(raw)) {
      return columns(
          path, Members.ofMaps(owners.values(), JavaTypes.typeArgument(ownerType, 1)), owners);
    }
    List<JavaMember> javaMembers;
    if (raw.isRecord()) {
      javaMembers = Members.ofRecord(raw);
    } else if (JavaTypes.isPojo(raw)) {
      javaMembers = Members.ofBean(raw);
    } else {
      throw new UnsupportedResultException(where(path) + "no Arrow mapping for " + raw.getName());
    }
    if (!inProgress.add(raw)) {
      throw new UnsupportedResultException(
          where(path) + raw.getName() + " contains itself; recursive types have no Arrow schema");
    }
    try {
      return columns(path, javaMembers, owners);
    } finally {
      inProgress.remove(raw);
    }
  }

  /** Writers for explicit members (such as table columns), sampled from the owners on demand. */
  List<StructMember> columns(String path, List<JavaMember> javaMembers, Samples owners) {
    List<StructMember> members = new ArrayList<>(javaMembers.size());
    for (JavaMember member : javaMembers) {
      String memberPath = path.isEmpty() ? member.name() : path + "." + member.name();
      ColumnWriter writer = derive(memberPath, member.type(), owners.member(memberPath, member));
      members.add(new StructMember(member.name(), member.getter(), writer));
    }
    return members;
  }

  /** True when the declared class alone fixes the kind of Arrow type. */
  static boolean isPrecise(Class<?> raw) {
    return JavaTypes.isScalar(raw)
        || raw.isArray()
        || Collection.class.isAssignableFrom(raw)
        || Map.class.isAssignableFrom(raw)
        || JavaTypes.isRowLike(raw);
  }

  static String where(String path) {
    return path.isEmpty() ? "" : "column '" + path + "': ";
  }
}
