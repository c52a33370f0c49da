package org.funcx.endpoint.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.BlockSecret;
import org.funcx.endpoint.interchange.ManagerSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockCredentialsTest {
  @TempDir Path endpointDir;

  @Test
  void a_block_gets_its_secret_in_a_0600_file_whose_path_alone_is_on_the_command_line()
      throws Exception {
    var credentials =
        new BlockCredentials(new ManagerSecrets(), endpointDir.resolve("credentials"));
    Path file = credentials.issue("local-0");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    String secretHex =
        Files.readString(file)
            .replaceAll(".*\"block_secret\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1")
            .strip();
    assertThat(secretHex).hasSize(64);
    var command =
        ManagerCommand.of(
            EndpointConfig.defaults("e", "http://127.0.0.1:1"),
            "tcp://127.0.0.1:1",
            "local-0",
            file,
            ManagerCommand.sandboxRoot(endpointDir.resolve("logs")));
    assertThat(command).contains("--credentials", file.toAbsolutePath().toString());
    assertThat(String.join(" ", command)).doesNotContain(secretHex);

    credentials.withdraw("local-0");
    assertThat(file).doesNotExist();
  }

  @Test
  void the_secret_read_back_signs_as_the_issued_one_and_each_block_gets_its_own() throws Exception {
    var secrets = new ManagerSecrets();
    var credentials = new BlockCredentials(secrets, endpointDir.resolve("credentials"));
    BlockSecret local0 = BlockSecret.read(credentials.issue("local-0"));
    BlockSecret local1 = BlockSecret.read(credentials.issue("local-1"));
    String nonce = HexFormat.of().formatHex(new byte[32]);
    assertThat(local0.proof(nonce, "local-0", "m"))
        .hasSize(64)
        .isNotEqualTo(local1.proof(nonce, "local-0", "m"))
        .isNotEqualTo(local0.proof(nonce, "local-0", "n"))
        .isNotEqualTo(local0.proof(HexFormat.of().formatHex(new byte[] {1}), "local-0", "m"));
    // The block id's length is signed: moving a character to the manager id changes the proof.
    assertThat(local0.proof(nonce, "local-0", "m"))
        .isNotEqualTo(local0.proof(nonce, "local-", "0m"));
  }

  @Test
  void credentials_left_by_an_earlier_run_are_deleted() throws Exception {
    Path dir = endpointDir.resolve("credentials");
    Path old = new BlockCredentials(new ManagerSecrets(), dir).issue("local-7");
    new BlockCredentials(new ManagerSecrets(), dir);
    assertThat(old).doesNotExist();
  }

  @Test
  void a_damaged_credentials_file_is_a_clear_error() throws Exception {
    Path file = endpointDir.resolve("block-x.json");
    Files.writeString(file, "{\"block_secret\": \"short\"}");
    assertThatThrownBy(() -> BlockSecret.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("block_secret");
    Files.writeString(file, "not json {");
    assertThatThrownBy(() -> BlockSecret.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }
}
