package org.funcx.core.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one Gson configuration used on every wire of the product. */
public final class Json {
  public static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

  private Json() {}
}
