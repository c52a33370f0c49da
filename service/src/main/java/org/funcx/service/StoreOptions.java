package org.funcx.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.funcx.service.store.PostgresLocation;
import org.funcx.service.store.StoreSettings;
import picocli.CommandLine.Option;

/**
 * Where the service keeps what it stores: a picocli mixin of ServiceMain's options, which the CLI's
 * {@code service start} and {@code up} take too and pass on ({@link #serviceArgs}). Each option
 * falls back to its environment variable. The password itself is only ever in a file.
 */
public final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "postgresql://HOST[:PORT]/DB",
      defaultValue = "${env:FUNCX_STORE}",
      description =
          "Keep everything in this PostgreSQL database instead of embedded files in the"
              + " data directory (or FUNCX_STORE).")
  String store;

  @Option(
      names = "--store-user",
      paramLabel = "NAME",
      defaultValue = "${env:FUNCX_STORE_USER:-funcx}",
      description = "PostgreSQL user (or FUNCX_STORE_USER; default ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--store-password-file",
      paramLabel = "FILE",
      defaultValue = "${env:FUNCX_STORE_PASSWORD_FILE}",
      description = "File holding the PostgreSQL user's password (or FUNCX_STORE_PASSWORD_FILE).")
  Path passwordFile;

  /** The embedded files unless a PostgreSQL store is chosen; {@code registryUrl} conflicts. */
  StoreSettings settings(String registryUrl) {
    if (!postgres()) return StoreSettings.embedded();
    if (registryUrl != null) {
      throw new IllegalArgumentException(
          "--registry-url and --store both choose where the registry lives; give one");
    }
    return new StoreSettings(PostgresLocation.parse(store, user), passwordFile);
  }

  /** These options as ServiceMain's arguments, for a service started in another process. */
  public List<String> serviceArgs() {
    List<String> args = new ArrayList<>();
    if (!postgres()) return args;
    args.addAll(List.of("--store", store, "--store-user", user));
    if (passwordFile != null) {
      args.addAll(List.of("--store-password-file", passwordFile.toAbsolutePath().toString()));
    }
    return args;
  }

  private boolean postgres() {
    return store != null && !store.isBlank();
  }
}
