package org.funcx.arrow.internal.schema;

import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * A named part of a Java value before its Arrow type is known: a record component, POJO property,
 * map key or table column, with its declared (possibly generic) type and its getter.
 */
public record JavaMember(String name, Type type, Function<Object, Object> getter) {}
