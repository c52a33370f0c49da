package org.funcx.arrow.internal.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rows a preview shows: all of them when they fit in {@code head + tail}, else the first
 * {@code head} and the last {@code tail}, with an ellipsis row in between.
 *
 * @param head row indexes shown before the ellipsis (all rows when nothing is elided)
 * @param tail row indexes shown after the ellipsis; empty when nothing is elided
 * @param elided whether rows are left out
 */
public record RowWindow(List<Long> head, List<Long> tail, boolean elided) {

  public static RowWindow of(long rowCount, int headRows, int tailRows) {
    if (rowCount <= (long) headRows + tailRows) {
      return new RowWindow(range(0, rowCount), List.of(), false);
    }
    return new RowWindow(range(0, headRows), range(rowCount - tailRows, rowCount), true);
  }

  private static List<Long> range(long from, long to) {
    List<Long> rows = new ArrayList<>();
    for (long row = from; row < to; row++) rows.add(row);
    return rows;
  }
}
