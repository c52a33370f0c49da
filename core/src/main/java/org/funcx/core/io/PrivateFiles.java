package org.funcx.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories only their owner may use (everything under FUNCX_HOME: secrets, tokens,
 * keys, the task store, logs, pid and URL files): directories 0700 and files 0600 from creation,
 * whatever the umask; files replaced atomically. On a file system without POSIX permissions the
 * modes are skipped.
 */
public final class PrivateFiles {
  public static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  public static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    createDirectories(dir);
    Path tmp =
        posix(dir)
            ? Files.createTempFile(dir, ".funcx-", ".tmp", attribute(FILE))
            : Files.createTempFile(dir, ".funcx-", ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes bytes to a new or existing file that is 0600 before its first byte is written. */
  public static void write(Path file, byte[] bytes) throws IOException {
    create(file);
    Files.write(file, bytes);
  }

  /**
   * Creates {@code dir} and missing parents as 0700; {@code dir} itself is made 0700 if it exists
   * (parents that exist are left alone: they may be shared, like the home directory).
   */
  public static Path createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (!posix(existingAncestor(absolute))) return Files.createDirectories(absolute);
    Files.createDirectories(absolute, attribute(DIRECTORY));
    Files.setPosixFilePermissions(absolute, DIRECTORY);
    return absolute;
  }

  /** Creates an empty 0600 file (for a log others append to), or makes an existing one 0600. */
  public static Path create(Path file) throws IOException {
    createDirectories(file.toAbsolutePath().getParent());
    if (!posix(file.toAbsolutePath().getParent())) {
      if (!Files.exists(file)) Files.createFile(file);
      return file;
    }
    try {
      Files.createFile(file, attribute(FILE));
    } catch (FileAlreadyExistsException e) {
      Files.setPosixFilePermissions(file, FILE);
    }
    return file;
  }

  /**
   * Makes every directory under {@code root} (and itself) 0700 and every file 0600: for files
   * that libraries create with the umask (H2's store files). Symbolic links are not followed.
   */
  public static void tighten(Path root) throws IOException {
    if (!Files.exists(root) || !posix(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      all.forEach(
          p -> {
            try {
              if (Files.isSymbolicLink(p)) return;
              Files.setPosixFilePermissions(
                  p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
            } catch (java.nio.file.NoSuchFileException gone) {
              // a temporary file removed while walking
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
    return PosixFilePermissions.asFileAttribute(mode);
  }

  private static boolean posix(Path existing) {
    return existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static Path existingAncestor(Path p) {
    Path at = p;
    while (at != null && !Files.exists(at)) at = at.getParent();
    return at == null ? p.getRoot() : at;
  }
}
