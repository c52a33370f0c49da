package org.funcx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the service keeps what it stores, for {@code service start} and {@code up}: passed on to
 * ServiceMain, which validates them (and also reads FUNCX_STORE, FUNCX_STORE_USER and
 * FUNCX_STORE_PASSWORD_FILE). The password itself is only ever in a file.
 */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "postgresql://HOST[:PORT]/DB",
      description = "Keep everything in this PostgreSQL database (default: files in the home).")
  String store;

  @Option(names = "--store-user", paramLabel = "NAME", description = "PostgreSQL user (funcx).")
  String user;

  @Option(
      names = "--store-password-file",
      paramLabel = "FILE",
      description = "File holding the PostgreSQL user's password.")
  Path passwordFile;

  List<String> serviceArgs() {
    List<String> args = new ArrayList<>();
    if (store != null) args.addAll(List.of("--store", store));
    if (user != null) args.addAll(List.of("--store-user", user));
    if (passwordFile != null) {
      args.addAll(List.of("--store-password-file", passwordFile.toAbsolutePath().toString()));
    }
    return args;
  }
}
