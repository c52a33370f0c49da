package org.funcx.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.ServiceLoader;
import org.funcx.kernel.spi.CellMagic;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.kernel.spi.MagicUsageException;
import org.funcx.kernel.spi.MagicsProvider;
import org.funcx.kernel.spi.MagicsRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The %funcx dispatcher without a service: usage, wrong forms, an unreachable service. */
@Timeout(30)
class FuncxMagicTest {
  private final RecordingContext context = new RecordingContext();
  private LineMagic line;
  private CellMagic cell;

  @BeforeEach
  void register() {
    MagicsRegistry registry = new MagicsRegistry();
    new FuncxMagicsProvider().register(context, registry);
    line = registry.lineMagic("funcx").orElseThrow();
    cell = registry.cellMagic("funcx").orElseThrow();
  }

  @Test
  void the_kernel_finds_the_provider_as_a_service() {
    assertThat(ServiceLoader.load(MagicsProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(FuncxMagicsProvider.class);
  }

  @Test
  void no_subcommand_or_help_prints_every_usage_line() throws Exception {
    assertThat((String) line.eval(""))
        .startsWith("usage:")
        .contains(
            "%funcx connect [URL]",
            "%funcx register METHOD [--name NAME]",
            "%%funcx function NAME",
            "%%funcx map NAME",
            "%funcx tasks",
            "%funcx status [TASK_ID",
            "%funcx result TASK_ID",
            "%funcx cancel TASK_ID",
            "%funcx blocks ENDPOINT [--wait STATE=N] [--timeout S]");
    assertThat(line.eval("help")).isEqualTo(line.eval(""));
  }

  @Test
  void unknown_subcommands_and_wrong_forms_are_usage_errors() {
    assertThatThrownBy(() -> line.eval("frobnicate now"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("unknown subcommand %funcx frobnicate");
    assertThatThrownBy(() -> line.eval("map sq"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage(
            "%funcx map needs --over EXPR (or use %%funcx map with one argument list per"
                + " line)");
    assertThatThrownBy(() -> line.eval("map sq --over"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("--over needs a Java expression");
    assertThatThrownBy(() -> cell.eval("run sq(1)", ""))
        .hasMessage("%%funcx run is not available in this form");
    assertThatThrownBy(() -> cell.eval("function", "long f() { return 1; }"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessage("expected 1 argument, got 0");
    assertThatThrownBy(() -> cell.eval("map sq", "\n  \n// nothing\n"))
        .hasMessage("no argument lines below the magic");
  }

  @Test
  void login_and_whoami_are_listed_in_the_usage() throws Exception {
    assertThat((String) line.eval("")).contains("%funcx login", "%funcx logout", "%funcx whoami");
  }

  @Test
  void a_service_that_is_not_running_is_reported_at_once_with_what_to_do() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    long start = System.nanoTime();
    assertThatThrownBy(() -> line.eval("connect " + url))
        .isInstanceOf(ServiceUnreachableError.class)
        .hasMessageStartingWith("cannot reach the funcX service at " + url + " (")
        .satisfies(
            e ->
                assertThat(((ServiceUnreachableError) e).traceback())
                    .anyMatch(l -> l.contains("./funcx up")));
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void registering_a_method_the_notebook_lacks_names_the_methods_it_has() {
    context.snippets.add(
        new org.funcx.kernel.spi.SnippetInfo(
            "1",
            org.funcx.kernel.spi.SnippetKind.METHOD,
            "cube",
            "long cube(long x) { return x; }"));
    assertThatThrownBy(() -> line.eval("register square"))
        .hasMessageContaining("no method named square")
        .hasMessageContaining("cube");
  }

  @Test
  void resource_options_out_of_range_are_usage_errors_naming_the_field() {
    assertThatThrownBy(() -> line.eval("sh --ranks 0 hostname"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining(
            "resource_specification.ranks_per_node must be between 1 and 1024," + " got 0");
    assertThatThrownBy(() -> line.eval("sh --nodes two hostname"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("--nodes takes a whole number, got two");
    assertThatThrownBy(() -> cell.eval("sh --cpus-per-rank 2000", "hostname"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("resource_specification.cpus_per_rank");
    assertThatThrownBy(() -> line.eval("run sq(1) --nodes 0"))
        .isInstanceOf(MagicUsageException.class)
        .hasMessageContaining("resource_specification.num_nodes");
  }
}
