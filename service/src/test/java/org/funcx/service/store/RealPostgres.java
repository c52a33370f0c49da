package org.funcx.service.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL of scripts/postgres: installed and started (both idempotent) once per test JVM,
 * then described by STATE_DIR/env; left running for the next test JVM (scripts/test stops it).
 * Each test gets a schema of its own, so tests never see each other's rows.
 */
public final class RealPostgres {
  private static final long SCRIPT_TIMEOUT_MINUTES = 5;
  private static RealPostgres started;
  private final PostgresLocation location;
  private final Path passwordFile;
  private final String password;

  private RealPostgres(PostgresLocation location, Path passwordFile) throws IOException {
    this.location = location;
    this.passwordFile = passwordFile;
    this.password = Files.readString(passwordFile).strip();
  }

  public static synchronized RealPostgres start() {
    if (started == null) {
      Path scripts = repositoryRoot().resolve("scripts/postgres");
      String stateDir = System.getenv().getOrDefault("FUNCX_PG_STATE_DIR", "/tmp/funcx-postgres");
      run(scripts.resolve("install.sh").toString());
      run(scripts.resolve("start.sh").toString(), stateDir);
      Map<String, String> env = readEnvFile(Path.of(stateDir, "env"));
      try {
        started =
            new RealPostgres(
                PostgresLocation.parse(env.get("FUNCX_PG_URL"), env.get("FUNCX_PG_USER")),
                Path.of(env.get("FUNCX_PG_PASSWORD_FILE")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return started;
  }

  public PostgresLocation location() {
    return location;
  }

  public String password() {
    return password;
  }

  /** The 0600 file start.sh wrote the password to, as the service is given it. */
  public Path passwordFile() {
    return passwordFile;
  }

  /** A new, empty database owned by the test user, for a whole service. */
  public PostgresLocation freshDatabase() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (var c =
            java.sql.DriverManager.getConnection(location.jdbcUrl(), location.user(), password);
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new PostgresLocation(location.host(), location.port(), name, location.user());
  }

  /** Drops the schema {@link #freshSchema} made for {@code database}, then closes its pool. */
  public static void dropSchema(PostgresDatabase database) {
    try (var c = database.connect();
        var s = c.createStatement()) {
      s.execute("DROP SCHEMA " + c.getSchema() + " CASCADE");
    } catch (java.sql.SQLException e) {
      throw new StoreException("cannot drop the test schema", e);
    } finally {
      database.close();
    }
  }

  /** A pool on a new, empty schema, migrated by Flyway. */
  public PostgresDatabase freshSchema() {
    return PostgresDatabase.open(
        location, password, "t_" + UUID.randomUUID().toString().replace("-", ""));
  }

  private static void run(String... command) {
    try {
      Path output = Files.createTempFile("postgres-script", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!exited) process.destroyForcibly();
        if (!exited || process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + (exited
                      ? " exited with " + process.exitValue()
                      : " did not finish in " + SCRIPT_TIMEOUT_MINUTES + " min")
                  + ":\n"
                  + Files.readString(output, StandardCharsets.UTF_8));
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }

  private static Map<String, String> readEnvFile(Path file) {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String assignment = line.strip().replaceFirst("^export\\s+", "");
        int equals = assignment.indexOf('=');
        if (!assignment.startsWith("#") && equals > 0) {
          values.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " written by start.sh", e);
    }
    return values;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("scripts/postgres/start.sh"))) return dir;
    }
    throw new IllegalStateException(
        "no scripts/postgres/start.sh above " + Path.of("").toAbsolutePath());
  }
}
