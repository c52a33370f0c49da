"""Charts in the notebook (issue 18, item 3): Arrow results and lists of numbers drawn as SVG by
the kernel's plot / scatter / histogram and by %funcx run|map --plot, and each bad input's message.

Run by FuncxMagicsThroughJupyterTest against a real service and endpoint.
"""
import os
import unittest

from kernel_client import KernelSession, KernelTestCase


class Charts(KernelTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kernel.execute("%funcx connect")
        cls.kernel.execute(
            "%%funcx function points\n"
            "import java.util.*;\n"
            "record Point(double x, double y, String label) {}\n"
            "List<Point> points(int n) {\n"
            "  List<Point> out = new ArrayList<>();\n"
            "  for (int i = 0; i < n; i++) {\n"
            '    out.add(new Point(i / 100.0, Math.sin(i / 100.0), "p" + i));\n'
            "  }\n"
            "  return out;\n"
            "}")
        cls.kernel.execute("%%funcx function half\ndouble half(double v) { return v / 2; }")
        cls.table = cls.kernel.execute("%funcx run points(10000) --out pts", timeout=120)

    def chart(self, code, text, titles, timeout=60):
        """The cell's result is an SVG chart with these axis titles and this text fallback."""
        execution = self.ok(code, timeout)
        svg = execution.result("image/svg+xml")
        self.assertIsNotNone(svg, f"{code!r} showed no SVG: {execution.outputs}")
        self.assertTrue(svg.startswith("<svg"), svg[:200])
        for title in titles:
            self.assertIn(f">{title}</text>", svg)
        self.assertIn(text, execution.result())
        return execution

    def test_tables_lists_and_results_are_drawn_as_svg_charts(self):
        self.assertIn("10,000 rows", self.table.result("text/html"))
        self.chart('plot(pts, "x", "y")', "line chart of y against x: 10,000 points",
                   ["y against x", "x", "y"])
        self.chart('scatter(pts, "x", "y")', "scatter chart of y against x: 10,000 points",
                   ["y against x"])
        self.chart('histogram(pts, "y", 30)', "histogram of y: 10,000 values in 30 bins",
                   ["histogram of y", "count"])
        # lists and arrays of numbers, as _fx holds them: value against index
        self.chart("plot(List.of(1, 4, 9, 16))", "line chart of value against index: 4 points",
                   ["value against index", "index", "value"])
        self.chart("histogram(new double[] {1, 2, 2, 3, 3, 3}, 3)",
                   "histogram of value: 6 values in 3 bins", ["histogram of value"])
        # rows the notebook made itself: records and maps
        self.chart('record P(int n, double sq) {}\n'
                   'scatter(List.of(new P(1, 1), new P(2, 4), new P(3, 9)), "n", "sq")',
                   "scatter chart of sq against n: 3 points", ["sq against n"])
        self.chart('plot(List.of(Map.of("t", 0, "v", 1.5), Map.of("t", 1, "v", 2.5)), "t", "v")',
                   "line chart of v against t: 2 points", ["v against t"])
        # times make a time axis (UTC)
        timed = self.chart('record T(java.time.Instant at, double v) {}\n'
                           'var t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");\n'
                           'plot(List.of(new T(t0, 1), new T(t0.plusSeconds(3 * 86_400), 2)),'
                           ' "at", "v")',
                           "line chart of v against at: 2 points", ["v against at", "at"])
        self.assertIn(">2-Jan, 00:00</text>", timed.result("image/svg+xml"))
        # nulls (failed calls) are left out and counted
        self.chart("plot(Arrays.asList(1.0, null, 3.0))",
                   "2 points (1 rows without a number left out)", ["value against index"])
        # the kernel's svg helper shows any SVG as one
        drawn = self.ok("svg(\"<svg xmlns='http://www.w3.org/2000/svg'><circle r='4'/></svg>\","
                        ' "a dot")')
        self.assertIn("<circle r='4'/>", drawn.result("image/svg+xml"))
        self.assertEqual(drawn.result(), "a dot")

    def test_run_and_map_draw_their_result_with_plot(self):
        run = self.chart("%funcx run points(500) --plot scatter:x,y",
                         "scatter chart of y against x: 500 points", ["y against x"],
                         timeout=120)
        self.assertIsNone(run.result("text/html"), "--plot shows the chart instead of the table")
        self.assertEqual(self.ok("_fx.rowCount()").result(), "500")
        self.chart("%funcx run points(500) --plot hist:y:10",
                   "histogram of y: 500 values in 10 bins", ["histogram of y"], timeout=120)
        mapped = self.chart("%%funcx map half --plot index,value\n2\n4\n6",
                            "line chart of value against index: 3 points",
                            ["value against index"], timeout=120)
        tables = [m["content"]["data"].get("text/html", "") for m in mapped.of_type("display_data")]
        self.assertTrue(any("3 succeeded, 0 failed" in t for t in tables), tables)

    def test_charts_need_no_display(self):
        # a $DISPLAY nobody serves: AWT reaching for it would fail the chart (java.awt.AWTError)
        kernel = KernelSession(env={**os.environ, "DISPLAY": ":99"})
        try:
            execution = kernel.execute("plot(List.of(3, 1, 2))", timeout=60)
            self.assertEqual(execution.status, "ok", execution.traceback())
            self.assertIn(">value against index</text>", execution.result("image/svg+xml"))
        finally:
            kernel.close()

    def test_bad_input_is_a_clear_message_and_the_kernel_keeps_serving(self):
        missing = self.error('plot(pts, "x", "z")', "ChartError")
        self.assertEqual(missing, "no column 'z' in the table; its columns: x, y, label")
        self.assertEqual(self.error('histogram(pts, "label")', "ChartError"),
                         "column 'label' is not numeric: row 0 holds the String \"p0\"")
        self.assertEqual(self.error("plot(new ArrayList<Double>())", "ChartError"),
                         "nothing to draw: the list is empty")
        self.assertIn("nothing to draw: the value is null",
                      self.error("List<Double> none = null;\nhistogram(none)", "ChartError"))
        self.assertIn("nothing to draw",
                      self.error("%funcx run points(0) --plot x,y", "ChartError", timeout=120))
        self.assertIn("no column 'z'",
                      self.error("%funcx run points(3) --plot x,z", "ChartError", timeout=120))
        self.assertIn("a histogram has 1 to 1000 bins, not 0",
                      self.error('histogram(pts, "y", 0)', "ChartError"))
        self.assertIn("50,001 points are too many to draw (at most 50,000)",
                      self.error("plot(new double[50_001])", "ChartError"))
        self.assertIn("cannot draw a java.lang.String",
                      self.error('plot("text")', "ChartError"))
        self.assertIn("--plot takes --plot X,Y",
                      self.error("%funcx run points(3) --plot x", "MagicUsageException"))
        self.ok("%funcx run points(3) --out small", timeout=120)
        self.assertEqual(self.error('small.close();\nplot(small, "x", "y")', "ChartError"),
                         "cannot read column 'x' of the table: the ArrowTable is closed")
        self.assertEqual(self.error('record W(java.time.LocalDate d) {}\n'
                                    'histogram(List.of(new W(java.time.LocalDate.EPOCH)), "d")',
                                    "ChartError"),
                         "column 'd' holds times: a histogram needs numbers")
        # any CellError a helper throws in a cell is shown as itself, e.g. the magics' SDK access
        self.assertEqual(self.error('org.funcx.magics.FuncX.function("nope")', "MagicException"),
                         "no function registered as nope from this notebook")
        self.assertEqual(self.ok("pts.rowCount()").result(), "10000")


if __name__ == "__main__":
    unittest.main()
