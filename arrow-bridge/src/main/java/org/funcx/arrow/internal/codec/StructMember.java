package org.funcx.arrow.internal.codec;

import java.util.function.Function;

/**
 * One named part of a composite Java value (record component, POJO property, map key, or a column
 * of a table) with the function that extracts it from its owner and the writer for its values.
 */
public record StructMember(String name, Function<Object, Object> getter, ColumnWriter writer) {}
