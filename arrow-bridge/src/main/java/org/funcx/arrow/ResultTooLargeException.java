package org.funcx.arrow;

/**
 * The encoded Arrow stream would exceed {@link ArrowEncoderConfig#maxEncodedBytes()}. The write
 * that would cross the limit is refused, so the output holds at most {@code limitBytes} bytes.
 */
public final class ResultTooLargeException extends ArrowBridgeException {
  private final long encodedBytes;
  private final long limitBytes;

  /**
   * @param encodedBytes bytes the stream would have reached with the refused write (a lower bound
   *     of the full encoded size)
   * @param limitBytes the configured limit
   */
  public ResultTooLargeException(long encodedBytes, long limitBytes) {
    super(
        "Arrow result reached "
            + encodedBytes
            + " bytes, over the limit of "
            + limitBytes
            + " bytes (ArrowEncoderConfig.maxEncodedBytes); return less data or raise the limit");
    this.encodedBytes = encodedBytes;
    this.limitBytes = limitBytes;
  }

  /** A lower bound of the encoded size: the bytes written plus the refused write. */
  public long encodedBytes() {
    return encodedBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
