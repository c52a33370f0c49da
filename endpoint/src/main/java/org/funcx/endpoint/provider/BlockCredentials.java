package org.funcx.endpoint.provider;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.funcx.endpoint.interchange.ManagerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each block's manager its CURVE credentials: the interchange's public key and a key pair
 * issued to that block alone, in a 0600 file {@code credentials/block-ID.json} of the endpoint's
 * directory. Only the file's path is on the manager's command line (visible in {@code ps}); the
 * secret never is. A block's key is withdrawn and its file deleted when the block ends or fails to
 * start, so a manager of an ended block can no longer connect.
 *
 * <p>Slurm jobs read the same file: their standard output already goes to the endpoint's
 * {@code logs/} directory, so the endpoint directory is on a file system the nodes share, and the
 * job runs as the endpoint's user, who alone can read it. The job's environment was the other
 * way; it is not used because slurmrestd carries it in the submission's JSON and slurmctld keeps
 * it in its state (and in accounting with {@code AccountingStoreFlags=job_env}), where Slurm's
 * operators can read it; a file keeps the secret on the user's own storage.
 */
public final class BlockCredentials {
  private static final Logger log = LoggerFactory.getLogger(BlockCredentials.class);
  private final ManagerKeys keys;
  private final Path dir;

  /** Deletes credentials left by an earlier run: their interchange key no longer exists. */
  public BlockCredentials(ManagerKeys keys, Path dir) throws IOException {
    this.keys = keys;
    this.dir = dir;
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "block-*.json")) {
        for (Path file : old) Files.deleteIfExists(file);
      }
    }
  }

  /** Issues the block's key pair and writes it; returns the file the manager reads. */
  Path issue(String blockId) throws ProviderException {
    Path file = file(blockId);
    try {
      keys.issue(blockId).write(file);
      return file;
    } catch (IOException e) {
      keys.withdraw(blockId);
      throw new ProviderException("cannot write the credentials of block " + blockId + " to "
          + file + ": " + e.getMessage(), e);
    }
  }

  /** The block ended (or never started): its key is no longer admitted, its file is gone. */
  void withdraw(String blockId) {
    keys.withdraw(blockId);
    try {
      Files.deleteIfExists(file(blockId));
    } catch (IOException e) {
      log.warn("cannot delete the credentials of ended block {}: {}", blockId, e.getMessage());
    }
  }

  private Path file(String blockId) {
    return dir.resolve("block-" + blockId + ".json");
  }
}
