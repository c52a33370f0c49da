package org.funcx.deps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a jar from a file that only has the name (an HTML error page, a truncated download). */
public final class JarFiles {
  private JarFiles() {}

  /** True when {@code file} starts like a zip file, which every jar is. */
  public static boolean isJar(Path file) throws IOException {
    byte[] magic = new byte[4];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(magic, 0, 4);
    }
    return read == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
  }
}
