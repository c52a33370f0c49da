package org.funcx.magics.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.funcx.kernel.spi.MagicUsageException;
import org.junit.jupiter.api.Test;

class ShellLineTest {
  private static final List<String> OPTIONS = List.of("--endpoint", "--timeout");

  private static ShellLine line(String raw) {
    return ShellLine.parse(raw, OPTIONS, true, "usage");
  }

  @Test
  void trailing_assignments_that_name_placeholders_are_the_arguments() {
    ShellLine l = line("--endpoint hpc --timeout 5 echo {w}  {n} w='a b; rm -rf ~' n=3");
    assertThat(l.command()).isEqualTo("echo {w}  {n}");
    assertThat(l.arguments()).containsExactly(Map.entry("w", "a b; rm -rf ~"), Map.entry("n", "3"));
    assertThat(l.options().value("--endpoint")).contains("hpc");
    assertThat(l.options().value("--timeout")).contains("5");
  }

  @Test
  void an_assignment_that_names_no_placeholder_stays_in_the_command() {
    ShellLine l = line("env A=1 B=2 sh -c 'echo $A' x={x}");
    assertThat(l.command()).isEqualTo("env A=1 B=2 sh -c 'echo $A' x={x}");
    assertThat(l.arguments()).isEmpty();
    assertThat(line("echo {w} a=b w=c").arguments()).containsExactly(Map.entry("w", "c"));
    assertThat(line("echo {w} a=b w=c").command()).isEqualTo("echo {w} a=b");
  }

  @Test
  void a_command_quoted_whole_loses_its_quotes_only() {
    assertThat(line("'hostname; echo $SLURM_PROCID'").command())
        .isEqualTo("hostname; echo $SLURM_PROCID");
    assertThat(line("'a' 'b'").command()).isEqualTo("'a' 'b'");
  }

  @Test
  void the_cell_form_takes_options_and_assignments_only() {
    ShellLine l = ShellLine.parse("--timeout 2 name=world", OPTIONS, false, "usage");
    assertThat(l.command()).isEmpty();
    assertThat(l.arguments()).containsExactly(Map.entry("name", "world"));
    assertThatThrownBy(() -> ShellLine.parse("echo", OPTIONS, false, "usage"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("expected name=value");
  }

  @Test
  void bad_lines_are_usage_errors() {
    assertThatThrownBy(() -> line("--timeout"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("--timeout needs a value");
    assertThatThrownBy(() -> line("--cache echo")).hasMessageContaining("unknown option --cache");
    assertThatThrownBy(() -> line("")).hasMessageContaining("no command to run");
    assertThatThrownBy(() -> line("echo 'open")).hasMessageContaining("unbalanced");
  }
}
