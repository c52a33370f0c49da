package org.funcx.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableTypesTest {
  @Test
  void public_classes_are_used_as_they_are() {
    assertThat(VariableTypes.declaredType(42L)).isEqualTo(Long.class);
    assertThat(VariableTypes.declaredType(new ArrayList<>())).isEqualTo(ArrayList.class);
    assertThat(VariableTypes.declaredType(new int[0])).isEqualTo(int[].class);
  }

  @Test
  void hidden_classes_are_declared_as_their_first_useful_interface() {
    assertThat(VariableTypes.declaredType(List.of(1, 2))).isEqualTo(List.class);
    assertThat(VariableTypes.declaredType(Map.of())).isEqualTo(Map.class);
    assertThat(VariableTypes.declaredType(Collections.unmodifiableList(new ArrayList<>())))
        .isEqualTo(List.class);
    Runnable lambda = () -> {};
    assertThat(VariableTypes.declaredType(lambda)).isEqualTo(Runnable.class);
  }

  @Test
  void null_is_an_object() {
    assertThat(VariableTypes.declaredType(null)).isEqualTo(Object.class);
  }
}
