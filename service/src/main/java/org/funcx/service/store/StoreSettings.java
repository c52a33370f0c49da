package org.funcx.service.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the service keeps what it stores: embedded (H2 and MVStore files in the data directory,
 * the default) or one PostgreSQL database, whose password is read from a file so that it is on no
 * command line.
 *
 * @param postgres the database; null for embedded
 * @param passwordFile holds the PostgreSQL user's password (surrounding whitespace ignored)
 */
public record StoreSettings(PostgresLocation postgres, Path passwordFile) {
  public StoreSettings {
    if (postgres != null && passwordFile == null) {
      throw new IllegalArgumentException(
          "a PostgreSQL store needs a password file"
              + " (--store-password-file or FUNCX_STORE_PASSWORD_FILE)");
    }
  }

  public static StoreSettings embedded() {
    return new StoreSettings(null, null);
  }

  public boolean isEmbedded() {
    return postgres == null;
  }

  /** The password, read now; an unreadable or empty file is a StoreException naming it. */
  String password() {
    try {
      String password = Files.readString(passwordFile).strip();
      if (password.isEmpty())
        throw new StoreException("the password file " + passwordFile + " is empty", null);
      return password;
    } catch (IOException e) {
      throw new StoreException("cannot read the PostgreSQL password file " + passwordFile, e);
    }
  }
}
