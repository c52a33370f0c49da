package org.funcx.magics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.util.List;
import org.funcx.magics.remote.JsonValues;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  @Test
  void declared_return_types_choose_the_java_type() {
    assertThat(JsonValues.decode(JsonParser.parseString("36"), "long")).isEqualTo(36L);
    assertThat(JsonValues.decode(JsonParser.parseString("36"), "java.lang.Integer")).isEqualTo(36);
    assertThat(JsonValues.decode(JsonParser.parseString("1.5"), "double")).isEqualTo(1.5);
    assertThat(JsonValues.decode(JsonParser.parseString("\"x\""), "String")).isEqualTo("x");
  }

  @Test
  void unknown_types_come_back_as_longs_doubles_lists_and_maps() {
    assertThat(JsonValues.decode(JsonParser.parseString("7"), null)).isEqualTo(7L);
    assertThat(JsonValues.decode(JsonParser.parseString("7.25"), "Object")).isEqualTo(7.25);
    assertThat(JsonValues.decode(JsonParser.parseString("[1, \"a\"]"), "List<Object>"))
        .isEqualTo(List.of(1.0, "a"));
    assertThat(JsonValues.decode(JsonParser.parseString("null"), "long")).isNull();
  }
}
