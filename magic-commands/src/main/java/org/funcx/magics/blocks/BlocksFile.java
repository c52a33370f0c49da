package org.funcx.magics.blocks;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.funcx.core.io.FuncxHomeDirectory;
import org.funcx.kernel.spi.MagicException;

/**
 * The {@code blocks.json} an endpoint run from this machine rewrites every second
 * ({@code FUNCX_HOME/endpoints/NAME/blocks.json}, as {@code ./funcx endpoint status} reads it).
 */
public final class BlocksFile {
  private static final Gson GSON = new Gson();
  private final Path home;
  private final String endpoint;

  public BlocksFile(Path home, String endpoint) {
    this.home = home;
    this.endpoint = endpoint;
  }

  /** {@code $FUNCX_HOME}, else {@code ~/.funcx}: where {@code ./funcx} keeps endpoints. */
  public static Path defaultHome() {
    return FuncxHomeDirectory.resolve();
  }

  public Path path() {
    return home.resolve("endpoints").resolve(endpoint).resolve("blocks.json");
  }

  /** Fails when this home has no endpoint of that name, naming the ones it has. */
  public void checkConfigured() {
    Path dir = path().getParent();
    if (Files.isDirectory(dir)) return;
    String known;
    try (Stream<Path> dirs = Files.list(home.resolve("endpoints"))) {
      known = String.join(", ", dirs.map(p -> p.getFileName().toString()).sorted().toList());
    } catch (IOException e) {
      known = "";
    }
    throw new MagicException(
        "no endpoint named "
            + endpoint
            + " in the funcX home "
            + home
            + " (endpoints there: "
            + (known.isEmpty() ? "none" : known)
            + "); blocks are shown for"
            + " endpoints run from this machine, see FUNCX_HOME");
  }

  /** The blocks as last written; empty when the endpoint has not written the file yet. */
  public Optional<List<BlockRow>> read() {
    try {
      return Optional.of(
          GSON.fromJson(Files.readString(path()), new TypeToken<List<BlockRow>>() {}.getType()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | JsonParseException e) {
      throw new MagicException("cannot read " + path() + ": " + e.getMessage());
    }
  }
}
