package org.funcx.service.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.funcx.core.model.FunctionKind;
import org.funcx.core.model.FunctionSpec;

/**
 * Registered functions and endpoints in SQL (embedded H2 by default), with who owns them and who
 * they are shared with. Portable SQL, so a PostgreSQL URL can replace the H2 one by configuration.
 */
public final class Registry implements AutoCloseable {
  private final SqlDatabase db;

  public Registry(String jdbcUrl) {
    this(new SqlDatabase(jdbcUrl));
  }

  public Registry(SqlDatabase db) {
    this.db = db;
    db.ddl(
        "CREATE TABLE IF NOT EXISTS functions (id VARCHAR(36) PRIMARY KEY,"
            + " name VARCHAR(200) NOT NULL, entry_point VARCHAR(200) NOT NULL,"
            + " source VARCHAR(1048576) NOT NULL, hash VARCHAR(64) NOT NULL, signature VARCHAR(2000),"
            + " return_type VARCHAR(500), created_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS endpoints (id VARCHAR(36) PRIMARY KEY,"
            + " name VARCHAR(200) NOT NULL, created_at BIGINT NOT NULL)",
        // Ownership columns came with authentication; older databases gain them here.
        "ALTER TABLE functions ADD COLUMN IF NOT EXISTS owner VARCHAR(200) DEFAULT '' NOT NULL",
        "ALTER TABLE functions ADD COLUMN IF NOT EXISTS is_public BOOLEAN DEFAULT FALSE NOT NULL",
        "ALTER TABLE functions ADD COLUMN IF NOT EXISTS shared_groups VARCHAR(4000) DEFAULT '' NOT NULL",
        "ALTER TABLE endpoints ADD COLUMN IF NOT EXISTS owner VARCHAR(200) DEFAULT '' NOT NULL",
        "ALTER TABLE endpoints ADD COLUMN IF NOT EXISTS is_public BOOLEAN DEFAULT FALSE NOT NULL",
        "ALTER TABLE endpoints ADD COLUMN IF NOT EXISTS shared_groups VARCHAR(4000) DEFAULT '' NOT NULL",
        "ALTER TABLE endpoints ADD COLUMN IF NOT EXISTS allowed_functions VARCHAR(40000)"
            + " DEFAULT '' NOT NULL",
        "ALTER TABLE endpoints ADD COLUMN IF NOT EXISTS curve_key VARCHAR(40)",
        // Shell functions came later: rows from before are Java functions.
        "ALTER TABLE functions ADD COLUMN IF NOT EXISTS kind VARCHAR(16) DEFAULT 'java' NOT NULL",
        // functions' libraries, comma separated; rows from before read as none
        "ALTER TABLE functions ADD COLUMN IF NOT EXISTS dependencies VARCHAR(40000) DEFAULT ''"
            + " NOT NULL");
  }

  public static Registry embedded(Path dataDir) {
    return new Registry(embeddedDatabase(dataDir));
  }

  /** The service's embedded H2 database in {@code dataDir}. */
  public static SqlDatabase embeddedDatabase(Path dataDir) {
    // WRITE_DELAY=0: a registration answered is on disk, not in a 0.5 s write-behind buffer.
    // TRACE_LEVEL_FILE=0: no registry.trace.db, which H2 would create later with the umask
    // (errors reach the service as SQLExceptions anyway; H2's SLF4J adapter logs every statement).
    return new SqlDatabase(
        "jdbc:h2:file:"
            + dataDir.resolve("registry").toAbsolutePath()
            + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0");
  }

  public SqlDatabase database() {
    return db;
  }

  public void addFunction(FunctionRow f) {
    db.update(
        "INSERT INTO functions (id, name, entry_point, source, hash, signature, return_type,"
            + " created_at, owner, is_public, shared_groups, kind, dependencies)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        f.id(),
        f.name(),
        f.entryPoint(),
        f.source(),
        f.hash(),
        f.signature(),
        f.returnType(),
        f.createdAtMillis(),
        f.sharing().owner(),
        f.sharing().isPublic(),
        f.sharing().groupsColumn(),
        f.kind().wireName(),
        String.join(",", f.dependencies()));
  }

  public Optional<FunctionRow> function(String id) {
    return db.query("SELECT * FROM functions WHERE id = ?", Registry::functionRow, id).stream()
        .findFirst();
  }

  /** Who may use the function, without reading its source: the check on every submission. */
  public Optional<Sharing> functionSharing(String id) {
    return db
        .query(
            "SELECT owner, is_public, shared_groups FROM functions WHERE id = ?",
            Registry::sharing,
            id)
        .stream()
        .findFirst();
  }

  public boolean deleteFunction(String id) {
    return db.update("DELETE FROM functions WHERE id = ?", id) > 0;
  }

  public void shareFunction(String id, Sharing sharing) {
    db.update(
        "UPDATE functions SET is_public = ?, shared_groups = ? WHERE id = ?",
        sharing.isPublic(),
        sharing.groupsColumn(),
        id);
  }

  public void addEndpoint(EndpointRow e) {
    db.update(
        "INSERT INTO endpoints (id, name, created_at, owner, is_public, shared_groups,"
            + " allowed_functions, curve_key) VALUES (?,?,?,?,?,?,?,?)",
        e.id(),
        e.name(),
        e.createdAtMillis(),
        e.sharing().owner(),
        e.sharing().isPublic(),
        e.sharing().groupsColumn(),
        String.join(",", e.allowedFunctions()),
        e.curveKey());
  }

  /** A re-registration by the owner: new name, sharing, allowed functions and CURVE key. */
  public void updateEndpoint(EndpointRow e) {
    db.update(
        "UPDATE endpoints SET name = ?, is_public = ?, shared_groups = ?,"
            + " allowed_functions = ?, curve_key = ? WHERE id = ?",
        e.name(),
        e.sharing().isPublic(),
        e.sharing().groupsColumn(),
        String.join(",", e.allowedFunctions()),
        e.curveKey(),
        e.id());
  }

  public void shareEndpoint(String id, Sharing sharing) {
    db.update(
        "UPDATE endpoints SET is_public = ?, shared_groups = ? WHERE id = ?",
        sharing.isPublic(),
        sharing.groupsColumn(),
        id);
  }

  public Optional<EndpointRow> endpoint(String id) {
    return db.query("SELECT * FROM endpoints WHERE id = ?", Registry::endpointRow, id).stream()
        .findFirst();
  }

  public List<EndpointRow> endpoints() {
    return db.query("SELECT * FROM endpoints ORDER BY created_at", Registry::endpointRow);
  }

  public boolean deleteEndpoint(String id) {
    return db.update("DELETE FROM endpoints WHERE id = ?", id) > 0;
  }

  private static FunctionRow functionRow(ResultSet rs) throws SQLException {
    return new FunctionRow(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("entry_point"),
        rs.getString("source"),
        rs.getString("hash"),
        rs.getString("signature"),
        rs.getString("return_type"),
        rs.getLong("created_at"),
        sharing(rs),
        FunctionKind.fromWireName(rs.getString("kind")),
        Sharing.parseList(rs.getString("dependencies")));
  }

  private static EndpointRow endpointRow(ResultSet rs) throws SQLException {
    return new EndpointRow(
        rs.getString("id"),
        rs.getString("name"),
        rs.getLong("created_at"),
        sharing(rs),
        Sharing.parseList(rs.getString("allowed_functions")),
        rs.getString("curve_key"));
  }

  private static Sharing sharing(ResultSet rs) throws SQLException {
    return new Sharing(
        rs.getString("owner"),
        rs.getBoolean("is_public"),
        Sharing.parseList(rs.getString("shared_groups")));
  }

  @Override
  public void close() {
    db.close();
  }

  /**
   * A registered function as stored.
   *
   * @param source Java source, or a shell function's command template
   * @param kind java or shell
   * @param dependencies its libraries' coordinates, sorted; empty for JDK-only code
   */
  public record FunctionRow(
      String id,
      String name,
      String entryPoint,
      String source,
      String hash,
      String signature,
      String returnType,
      long createdAtMillis,
      Sharing sharing,
      FunctionKind kind,
      List<String> dependencies) {
    public FunctionRow {
      dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** What a worker needs to run it. */
    public FunctionSpec spec() {
      return new FunctionSpec(hash, entryPoint, source, kind, dependencies);
    }
  }

  /**
   * A registered endpoint as stored.
   *
   * @param allowedFunctions function ids it runs; empty for any function its users may run
   * @param curveKey the Z85 CURVE public key its agent connects to the forwarder with
   */
  public record EndpointRow(
      String id,
      String name,
      long createdAtMillis,
      Sharing sharing,
      List<String> allowedFunctions,
      String curveKey) {}
}
