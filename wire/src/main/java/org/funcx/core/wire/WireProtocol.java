package org.funcx.core.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which protocol the two ZeroMQ links speak (service forwarder ⇄ agent, interchange ⇄ manager),
 * checked when an agent or a manager registers: a peer speaking another version is rejected with
 * a reason naming both, rather than misreading messages. The product version comes from the build.
 */
public final class WireProtocol {
  /**
   * Raised whenever message codes, bodies or their meaning change incompatibly. 0 is what a peer
   * from before versions were sent (funcX 0.1.0 and older) is read as.
   */
  public static final int VERSION = 1;

  private static final String PRODUCT_VERSION = readProductVersion();

  private WireProtocol() {}

  /** This build's version (the Maven project version). */
  public static String productVersion() {
    return PRODUCT_VERSION;
  }

  /**
   * Null when a {@code peer} speaking {@code theirProtocol} may talk to this process; otherwise the
   * rejection's reason, naming both versions.
   */
  public static String mismatch(String peer, int theirProtocol, String theirProduct) {
    if (theirProtocol == VERSION) return null;
    String theirs =
        theirProtocol == 0
            ? "no protocol version (a funcX older than this one)"
            : "wire protocol " + theirProtocol;
    return peer
        + " speaks "
        + theirs
        + " (funcX "
        + (theirProduct == null ? "unknown" : theirProduct)
        + "); this side speaks wire protocol "
        + VERSION
        + " (funcX "
        + PRODUCT_VERSION
        + "): run the same funcX version on both sides";
  }

  private static String readProductVersion() {
    try (InputStream in = WireProtocol.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
