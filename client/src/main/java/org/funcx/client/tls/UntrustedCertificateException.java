package org.funcx.client.tls;

import org.funcx.client.FuncXException;
import org.funcx.core.io.ServiceTrustFiles;

/**
 * The service at {@link #url()} presented a certificate this client does not trust (unknown CA,
 * another host's name, expired): nothing was sent to it. Code {@code untrusted_certificate}.
 */
public final class UntrustedCertificateException extends FuncXException {
  private static final long serialVersionUID = 1L;
  private final String url;
  private final String reason;

  UntrustedCertificateException(String url, String reason, Throwable cause) {
    super(
        0,
        "untrusted_certificate",
        "refused the TLS certificate of the funcX service at "
            + url
            + ": "
            + reason
            + ". Nothing was sent to it. If a site CA signed it, give that CA's PEM"
            + " with --ca-file or "
            + ServiceTrustFiles.CA_FILE_VARIABLE
            + "; a self-signed service"
            + " certificate is trusted by giving that certificate's PEM the same way",
        cause);
    this.url = url;
    this.reason = reason;
  }

  public String url() {
    return url;
  }

  /** The TLS layer's reason, e.g. no certification path, or no name matching the host. */
  public String reason() {
    return reason;
  }
}
