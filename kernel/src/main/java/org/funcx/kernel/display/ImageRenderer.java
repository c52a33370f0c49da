package org.funcx.kernel.display;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.funcx.kernel.spi.DisplayRenderer;

/**
 * Shows {@link RenderedImage}s ({@link BufferedImage} and others) as {@code image/png}. Images
 * beyond {@link #MAX_PIXELS} or whose PNG would pass {@link #MAX_PNG_BYTES} are described in
 * text instead: an output that large would stall the notebook (it travels base64 in JSON and is
 * saved in the .ipynb). The kernel runs headless, so images are drawn without a display.
 */
public final class ImageRenderer implements DisplayRenderer {
  /** Width × height of the largest image shown (e.g. 5,000 × 5,000). */
  public static final long MAX_PIXELS = 25_000_000;

  /** The largest PNG shown; encoding stops as soon as it grows past this. */
  public static final int MAX_PNG_BYTES = 8 << 20;

  @Override
  public Map<String, String> render(Object value) {
    if (!(value instanceof RenderedImage image)) return Map.of();
    String size = image.getWidth() + "×" + image.getHeight();
    String text = value.getClass().getName() + " " + size;
    long pixels = (long) image.getWidth() * image.getHeight();
    if (pixels > MAX_PIXELS) {
      return Map.of(
          "text/plain",
          text + " (not shown: more than " + MAX_PIXELS + " pixels, ImageRenderer.MAX_PIXELS)");
    }
    try {
      return Map.of(
          "image/png", Base64.getEncoder().encodeToString(png(image)), "text/plain", text);
    } catch (CappedBytes.CapExceeded e) {
      return Map.of(
          "text/plain",
          text
              + " (not shown: its PNG is larger than "
              + (MAX_PNG_BYTES >> 20)
              + " MiB, ImageRenderer.MAX_PNG_BYTES)");
    }
  }

  private static byte[] png(RenderedImage image) {
    try {
      byte[] png = tryPng(image);
      // no PNG writer takes this colour model (e.g. a custom one): draw it as ARGB first
      return png != null ? png : tryPng(asArgb(image));
    } catch (IOException e) {
      if (e.getCause() instanceof CappedBytes.CapExceeded capped) throw capped;
      throw new IllegalStateException("cannot encode the image as PNG: " + e.getMessage(), e);
    }
  }

  /**
   * The PNG, or null when no writer takes the image. The stream caches in memory, not in a
   * temporary file as ImageIO's default would, and hands bytes on chunk by chunk, so the cap
   * stops the encoder early.
   */
  private static byte[] tryPng(RenderedImage image) throws IOException {
    CappedBytes out = new CappedBytes(MAX_PNG_BYTES);
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      if (!ImageIO.write(image, "png", stream)) return null;
    }
    return out.toByteArray();
  }

  private static BufferedImage asArgb(RenderedImage image) {
    BufferedImage argb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = argb.createGraphics();
    try {
      g.drawRenderedImage(image, new AffineTransform());
    } finally {
      g.dispose();
    }
    return argb;
  }
}
