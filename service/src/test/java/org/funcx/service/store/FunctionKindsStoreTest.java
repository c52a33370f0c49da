package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.funcx.core.model.FunctionKind;
import org.funcx.core.model.FunctionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions stored before kinds existed read as Java; shell functions keep their kind. */
class FunctionKindsStoreTest {

  @Test
  void a_registry_from_before_kinds_reads_its_functions_as_java_and_stores_shell_ones(
      @TempDir Path dir) {
    SqlDatabase old = Registry.embeddedDatabase(dir);
    old.ddl(
        "CREATE TABLE functions (id VARCHAR(36) PRIMARY KEY, name VARCHAR(200) NOT NULL,"
            + " entry_point VARCHAR(200) NOT NULL, source VARCHAR(1048576) NOT NULL,"
            + " hash VARCHAR(64) NOT NULL, signature VARCHAR(2000), return_type VARCHAR(500),"
            + " created_at BIGINT NOT NULL)");
    String source = "int f(int x) { return x; }";
    old.update(
        "INSERT INTO functions VALUES (?,?,?,?,?,?,?,?)",
        "00000000-0000-0000-0000-000000000001",
        "f",
        "f",
        source,
        FunctionSpec.contentHash("f", source),
        "int f(int x)",
        "int",
        1L);
    old.close();

    try (Registry registry = Registry.embedded(dir)) {
      Registry.FunctionRow java =
          registry.function("00000000-0000-0000-0000-000000000001").orElseThrow();
      assertThat(java.kind()).isEqualTo(FunctionKind.JAVA);
      assertThat(java.spec()).isEqualTo(FunctionSpec.of("f", source));

      FunctionSpec shell = FunctionSpec.shell("echo {x}");
      registry.addFunction(
          new Registry.FunctionRow(
              "00000000-0000-0000-0000-000000000002",
              "echo",
              "",
              shell.source(),
              shell.hash(),
              "(x)",
              null,
              2L,
              Sharing.privateTo("someone"),
              FunctionKind.SHELL,
              List.of()));
      assertThat(registry.function("00000000-0000-0000-0000-000000000002").orElseThrow().spec())
          .isEqualTo(shell);
    }
  }
}
