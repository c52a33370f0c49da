package org.funcx.endpoint.provider;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.funcx.endpoint.interchange.ManagerSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each block's manager its credentials: the secret the interchange issued to that block
 * alone, in a 0600 file {@code credentials/block-ID.json} of the endpoint's directory. Only the
 * file's path is on the manager's command line (visible in {@code ps}); the secret never is. A
 * block's secret is withdrawn and its file deleted when the block ends or fails to start, so a
 * manager of an ended block can no longer register, and one registered gets nothing more.
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
  private final ManagerSecrets secrets;
  private final Path dir;

  /** Deletes credentials left by an earlier run: their secrets count no more. */
  public BlockCredentials(ManagerSecrets secrets, Path dir) throws IOException {
    this.secrets = secrets;
    this.dir = dir;
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "block-*.json")) {
        for (Path file : old) Files.deleteIfExists(file);
      }
    }
  }

  /** Issues the block's secret and writes it; returns the file the manager reads. */
  Path issue(String blockId) throws ProviderException {
    Path file = file(blockId);
    try {
      secrets.issue(blockId).write(file);
      return file;
    } catch (IOException e) {
      secrets.withdraw(blockId);
      throw new ProviderException(
          "cannot write the credentials of block "
              + blockId
              + " to "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The block ended (or never started): its secret counts no more, its file is gone. */
  void withdraw(String blockId) {
    secrets.withdraw(blockId);
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
