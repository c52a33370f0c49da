package org.funcx.magics.commands;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.BaseStream;
import org.funcx.arrow.ArrowTable;
import org.funcx.kernel.spi.CompileError;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.MagicException;

/**
 * The calls of {@code %funcx map NAME --over EXPR}: EXPR is evaluated in the notebook, and each of
 * its elements is one call's single argument, as in Dask's and ipyparallel's {@code map}; an
 * Arrow table's rows are argument lists instead, one column per parameter. Collections, other
 * iterables, arrays (primitive ones too) and streams are mapped over; at most {@link #MAX_CALLS}
 * elements are taken, so an endless stream is refused rather than followed.
 */
final class MapOver {
  /** The most calls one --over map makes; the service's own submit bounds apply as well. */
  static final int MAX_CALLS = 1_000_000;

  private MapOver() {}

  static List<List<Object>> argumentLists(KernelContext context, String expression) {
    Object value;
    try {
      value = context.eval(expression);
    } catch (CompileError e) {
      throw new MagicException(
          "--over " + expression + " is not a valid Java expression",
          String.join("\n", e.traceback()),
          e);
    }
    if (value == null)
      throw new MagicException("--over " + expression + " is null: nothing to map");
    List<List<Object>> calls =
        value instanceof ArrowTable table
            ? rows(table)
            : elements(expression, value).stream().map(MapOver::single).toList();
    if (calls.isEmpty()) {
      throw new MagicException("--over " + expression + " is empty: nothing to map");
    }
    return calls;
  }

  private static List<Object> single(Object argument) {
    List<Object> call = new ArrayList<>(1);
    call.add(argument);
    return call;
  }

  private static List<List<Object>> rows(ArrowTable table) {
    if (table.rowCount() > MAX_CALLS) throw tooMany("the table has " + table.rowCount() + " rows");
    List<List<Object>> calls = new ArrayList<>((int) table.rowCount());
    for (Map<String, Object> row : table.rows()) calls.add(new ArrayList<>(row.values()));
    return calls;
  }

  private static List<Object> elements(String expression, Object value) {
    if (value instanceof Map<?, ?>) {
      throw new MagicException(
          "--over " + expression + " is a Map: map over its entrySet()," + " keySet() or values()");
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      if (length > MAX_CALLS) throw tooMany("the array has " + length + " elements");
      List<Object> out = new ArrayList<>(length);
      for (int i = 0; i < length; i++) out.add(Array.get(value, i));
      return out;
    }
    Iterator<?> iterator;
    if (value instanceof Iterable<?> iterable) {
      iterator = iterable.iterator();
    } else if (value instanceof BaseStream<?, ?> stream) {
      iterator = stream.iterator();
    } else if (value instanceof Iterator<?> given) {
      iterator = given;
    } else {
      throw new MagicException(
          "--over "
              + expression
              + " is a "
              + value.getClass().getName()
              + ", not something to map over: give a collection, an array, a stream or an Arrow"
              + " table");
    }
    List<Object> out = new ArrayList<>();
    while (iterator.hasNext()) {
      if (out.size() == MAX_CALLS) throw tooMany("it has more elements");
      out.add(iterator.next());
    }
    return out;
  }

  private static MagicException tooMany(String why) {
    return new MagicException(
        "--over maps at most " + MAX_CALLS + " calls; " + why + " (split it, or map over a slice)");
  }
}
