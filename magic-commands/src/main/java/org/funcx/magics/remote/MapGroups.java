package org.funcx.magics.remote;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;
import org.funcx.kernel.spi.MagicException;

/**
 * Named maps a notebook comes back to after an interrupt or a kernel restart (Globus Compute's
 * {@code reload_tasks}, keyed by the notebook instead of a copied id): one file per group under
 * {@code $FUNCX_HOME/map-groups/SERVICE/NAME.json}, holding the task ids and what was mapped (the
 * function's source hash, the endpoint, a digest of the argument values). Files are the user's
 * alone (0600), like every file under FUNCX_HOME.
 */
public final class MapGroups {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** One submitted map. */
  public record Group(
      String name,
      String functionName,
      String functionHash,
      String endpointId,
      String endpointName,
      String inputsDigest,
      List<String> taskIds,
      long submittedAtMillis) {

    /** True when it is the same map: same function source, endpoint and argument values. */
    public boolean sameMap(String hash, String endpoint, String digest) {
      return functionHash.equals(hash)
          && endpointId.equals(endpoint)
          && inputsDigest.equals(digest);
    }
  }

  private final Path dir;

  private MapGroups(Path dir) {
    this.dir = dir;
  }

  /** The groups of one service, under {@code home}. */
  public static MapGroups of(Path home, String serviceUrl) {
    String service = sha256(serviceUrl.replaceAll("/+$", "")).substring(0, 16);
    return new MapGroups(home.resolve("map-groups").resolve(service));
  }

  /** {@code name} when it is a usable group name, else a usage error naming the rule. */
  public static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new MagicException(
          "group name "
              + name
              + " must be 1-100 letters, digits, '.', '_'"
              + " or '-', starting with a letter or digit");
    }
    return name;
  }

  /**
   * The group a map gets without {@code --group}: the function's name and a digest of what is
   * mapped, so re-running the same cell (after a restart too) finds it, and a changed cell or
   * function makes a new one.
   */
  public static String defaultName(
      String functionName, String functionHash, String endpointId, String inputsDigest) {
    String prefix = functionName.replaceAll("[^A-Za-z0-9._-]", "_");
    return prefix
        + "-"
        + sha256(functionHash + "\n" + endpointId + "\n" + inputsDigest).substring(0, 12);
  }

  /**
   * A digest of the argument values: their JSON, or, for values JSON cannot hold, their text
   * (identity hashes make such a map a new group each time, which is the safe side).
   */
  public static String digest(List<List<Object>> argumentLists) {
    String values;
    try {
      values = Json.GSON.toJson(argumentLists);
    } catch (RuntimeException notJson) {
      values = String.valueOf(argumentLists);
    }
    return sha256(values);
  }

  public Optional<Group> find(String name) {
    try {
      Group group = Json.GSON.fromJson(Files.readString(file(name)), Group.class);
      return Optional.ofNullable(group);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | JsonParseException e) {
      throw new MagicException(
          "cannot read map group " + name + " (" + file(name) + "): " + e.getMessage());
    }
  }

  public void save(Group group) {
    try {
      PrivateFiles.write(file(group.name()), Json.GSON.toJson(group));
    } catch (IOException e) {
      throw new MagicException(
          "cannot save map group "
              + group.name()
              + " ("
              + file(group.name())
              + "): "
              + e.getMessage()
              + "; its tasks run, but re-running the cell submits again");
    }
  }

  /** The names of the saved groups, sorted. */
  public List<String> names() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new MagicException("cannot list map groups in " + dir + ": " + e.getMessage());
    }
  }

  private Path file(String name) {
    return dir.resolve(checkName(name) + ".json");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
