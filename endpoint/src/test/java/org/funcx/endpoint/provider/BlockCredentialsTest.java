package org.funcx.endpoint.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.CurveClientKeys;
import org.funcx.endpoint.interchange.ManagerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockCredentialsTest {
  @TempDir Path endpointDir;

  @Test
  void a_block_gets_its_keys_in_a_0600_file_whose_path_alone_is_on_the_command_line()
      throws Exception {
    ManagerKeys keys = new ManagerKeys();
    var credentials = new BlockCredentials(keys, endpointDir.resolve("credentials"));
    Path file = credentials.issue("local-0");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    CurveClientKeys read = CurveClientKeys.read(file);
    assertThat(read.serverPublicKey()).isEqualTo(keys.serverPublicKey());
    var command = ManagerCommand.of(EndpointConfig.defaults("e", "http://127.0.0.1:1"),
        "tcp://127.0.0.1:1", "local-0", file);
    assertThat(command).contains("--credentials", file.toAbsolutePath().toString());
    assertThat(String.join(" ", command)).doesNotContain(read.secretKey())
        .doesNotContain(read.publicKey());

    credentials.withdraw("local-0");
    assertThat(file).doesNotExist();
  }

  @Test
  void credentials_left_by_an_earlier_run_are_deleted() throws Exception {
    Path dir = endpointDir.resolve("credentials");
    Path old = new BlockCredentials(new ManagerKeys(), dir).issue("local-7");
    new BlockCredentials(new ManagerKeys(), dir);
    assertThat(old).doesNotExist();
  }

  @Test
  void a_damaged_credentials_file_is_a_clear_error() throws Exception {
    Path file = endpointDir.resolve("block-x.json");
    Files.writeString(file, "{\"public_key\": \"short\"}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CurveClientKeys.read(file))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining(file.toString())
        .hasMessageContaining("server_public_key");
  }
}
