"""Images returned by cell code display as image/png through jupyter_client; images beyond the
kernel's bounds are described in text and the kernel keeps serving."""
import base64
import struct
import unittest

from kernel_client import KernelTestCase

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

DRAWN = """import java.awt.*;
import java.awt.image.*;
BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_ARGB);
Graphics2D g = image.createGraphics();
g.setColor(Color.RED);
g.fillOval(4, 4, 24, 24);
g.dispose();
"""


def png_size(data):
    """(width, height) from a base64 PNG's IHDR chunk, after checking its signature."""
    png = base64.b64decode(data)
    if png[:8] != PNG_SIGNATURE or png[12:16] != b"IHDR":
        raise AssertionError(f"not a PNG: {png[:16]!r}")
    return struct.unpack(">II", png[16:24])


class FuncxJavaImages(KernelTestCase):
    def test_a_buffered_image_as_the_cells_value_is_a_png(self):
        execution = self.kernel.execute(DRAWN + "image")
        self.assertEqual(execution.status, "ok", execution.traceback())
        self.assertEqual(png_size(execution.result("image/png")), (64, 32))
        self.assertEqual(execution.result(), "java.awt.image.BufferedImage 64×32")

    def test_display_of_a_rendered_image_sends_display_data_with_a_png(self):
        execution = self.kernel.execute(
            DRAWN + "RenderedImage rendered = image;\ndisplay(rendered);\n"
            "display(new BufferedImage(3, 5, BufferedImage.TYPE_BYTE_BINARY));")
        self.assertEqual(execution.status, "ok", execution.traceback())
        shown = [m["content"]["data"] for m in execution.of_type("display_data")]
        self.assertEqual([png_size(d["image/png"]) for d in shown], [(64, 32), (3, 5)])

    def test_the_kernel_is_headless(self):
        execution = self.kernel.execute("java.awt.GraphicsEnvironment.isHeadless()")
        self.assertEqual(execution.result(), "true")

    def test_an_image_with_too_many_pixels_is_described_not_encoded(self):
        execution = self.kernel.execute(
            "new java.awt.image.BufferedImage(6000, 5000,"
            " java.awt.image.BufferedImage.TYPE_BYTE_BINARY)")
        self.assertEqual(execution.status, "ok", execution.traceback())
        self.assertIsNone(execution.result("image/png"))
        self.assertIn("not shown: more than 25000000 pixels, ImageRenderer.MAX_PIXELS",
                      execution.result())
        self.assertEqual(self.kernel.execute("6 * 7").result(), "42")

    def test_an_image_whose_png_passes_the_byte_bound_is_described_not_sent(self):
        execution = self.kernel.execute(
            "var noise = new java.awt.image.BufferedImage(2000, 2000,"
            " java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
            "var random = new Random(7);\n"
            "for (int y = 0; y < 2000; y++) for (int x = 0; x < 2000; x++)"
            " noise.setRGB(x, y, random.nextInt());\n"
            "noise", timeout=120)
        self.assertEqual(execution.status, "ok", execution.traceback())
        self.assertIsNone(execution.result("image/png"))
        self.assertIn("not shown: its PNG is larger than 8 MiB, ImageRenderer.MAX_PNG_BYTES",
                      execution.result())
        self.assertEqual(self.kernel.execute("6 * 7").result(), "42")


if __name__ == "__main__":
    unittest.main()
