"""Debian's Jupyter kernel conformance suite (jupyter_kernel_test) against the funcx-java kernel.

Every sample the kernel supports is set; the pager and clear_output samples are not (the kernel
has no pager payloads and no clear_output helper). Run by KernelConformanceTest with JUPYTER_PATH
pointing at a kernelspec for the test class path.
"""
import unittest

import jupyter_kernel_test


class FuncxJavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "funcx-java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "%ti", "matches": {"%time"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 1;", "void f() {}", "%time 1 + 1"]
    incomplete_code_samples = ["void f() {", "int y = (1 +", "for (int i = 0; i < 3; i++)"]
    invalid_code_samples = ["1 + 1)", "}"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"func" + "X"', "result": "funcX"},
        {"code": "List.of(1, 2)", "result": "[1, 2]"},
        {"code": 'html("<b>bold</b>")', "mime": "text/html", "result": "<b>bold</b>"},
    ]
    code_display_data = [
        {"code": 'display(html("<i>shown</i>"));', "mime": "text/html"},
        {"code": 'display("plain");', "mime": "text/plain"},
    ]

    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"


if __name__ == "__main__":
    unittest.main()
