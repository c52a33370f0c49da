package org.funcx.client.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.funcx.core.io.FuncxHomeDirectory;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;

/**
 * What a user's funcX state directory ({@code $FUNCX_HOME}, else {@code ~/.funcx}) holds for
 * signing in, per service URL: {@code tokens.json} (access and refresh tokens from a login) and
 * {@code clients.json} (client credentials for automation). Both files are 0600 and replaced
 * atomically, so a notebook and a command line can share them.
 */
public final class TokenStore {
  private final Path tokens;
  private final Path clients;

  public TokenStore(Path dir) {
    this.tokens = dir.resolve("tokens.json");
    this.clients = dir.resolve("clients.json");
  }

  /** The store of {@code $FUNCX_HOME}, else {@code ~/.funcx}. */
  public static TokenStore userDefault() {
    return new TokenStore(FuncxHomeDirectory.resolve());
  }

  /** Tokens a login gave for one service. */
  public record Tokens(
      String accessToken, String refreshToken, long expiresAtMillis, String clientId) {
    boolean expiresWithin(long millis) {
      return System.currentTimeMillis() + millis >= expiresAtMillis;
    }
  }

  /** A confidential client's credentials. */
  public record ClientSecret(String clientId, String clientSecret) {
    /** Reads {@code {"client_id": ..., "client_secret": ...}}, as the service writes them. */
    public static ClientSecret read(Path file) throws IOException {
      JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      return new ClientSecret(
          o.get("client_id").getAsString(), o.get("client_secret").getAsString());
    }
  }

  public Tokens tokens(String url) {
    return get(tokens, url, Tokens.class);
  }

  /** Saves a login's tokens for the service; null forgets them. */
  public void saveTokens(String url, Tokens t) {
    put(tokens, url, t);
  }

  public ClientSecret client(String url) {
    return get(clients, url, ClientSecret.class);
  }

  /** Saves client credentials for the service; null forgets them. */
  public void saveClient(String url, ClientSecret c) {
    put(clients, url, c);
  }

  private synchronized <T> T get(Path file, String url, Class<T> type) {
    JsonObject all = read(file);
    return all.has(url) ? Json.GSON.fromJson(all.get(url), type) : null;
  }

  private synchronized void put(Path file, String url, Object value) {
    JsonObject all = read(file);
    if (value == null) all.remove(url);
    else all.add(url, Json.GSON.toJsonTree(value));
    write(file, all);
  }

  /**
   * A file's content as last read, valid while it is the same file (writes replace it, so its
   * inode changes) with the same modification time and size.
   */
  private record Snapshot(
      Object fileKey, java.nio.file.attribute.FileTime modified, long size, JsonObject content) {}

  private final java.util.Map<Path, Snapshot> snapshots = new java.util.HashMap<>();

  /**
   * The file's content; re-read only when it changed on disk (every API call asks for the token,
   * and another process, e.g. {@code funcx logout}, may have changed it). Callers copy before
   * changing what they get.
   */
  private JsonObject read(Path file) {
    try {
      if (!Files.exists(file)) return new JsonObject();
      var attributes =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      Snapshot last = snapshots.get(file);
      if (last != null
          && java.util.Objects.equals(last.fileKey(), attributes.fileKey())
          && last.modified().equals(attributes.lastModifiedTime())
          && last.size() == attributes.size()) {
        return last.content().deepCopy();
      }
      JsonObject content = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
      snapshots.put(
          file,
          new Snapshot(
              attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), content));
      return content.deepCopy();
    } catch (IOException | RuntimeException e) {
      return new JsonObject(); // an unreadable cache is as good as none: the user logs in again
    }
  }

  private static void write(Path file, JsonObject content) {
    try {
      PrivateFiles.write(file, Json.GSON.toJson(content));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
