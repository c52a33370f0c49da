package org.funcx.arrow.internal.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** A record, POJO or {@code Map<String, ?>} as an Arrow {@code struct}, one child per member. */
public final class StructWriter implements ColumnWriter {
  private final List<StructMember> members;
  private final Set<String> names = new LinkedHashSet<>();

  public StructWriter(List<StructMember> members) {
    this.members = List.copyOf(members);
    members.forEach(member -> names.add(member.name()));
  }

  public List<StructMember> members() {
    return members;
  }

  @Override
  public Field field(String name) {
    List<Field> children = new ArrayList<>(members.size());
    for (StructMember member : members) {
      children.add(member.writer().field(member.name()));
    }
    return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    MapKeys.requireKnown(value, names);
    StructVector struct = (StructVector) vector;
    struct.setIndexDefined(index);
    for (int i = 0; i < members.size(); i++) {
      StructMember member = members.get(i);
      FieldVector child = (FieldVector) struct.getChildByOrdinal(i);
      member.writer().writeNullable(child, index, member.getter().apply(value));
    }
  }
}
