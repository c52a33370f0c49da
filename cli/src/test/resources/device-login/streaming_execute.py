"""Executes a notebook headless (nbclient, as `jupyter execute` does) and prints every output as
it arrives, one JSON line each, so a test can act on a cell while it still runs (e.g. approve a
device login). Usage: streaming_execute.py NOTEBOOK OUTPUT KERNEL_NAME."""
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


class StreamingClient(NotebookClient):
    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        text = content.get("text") or content.get("data", {}).get("text/plain")
        if text:
            print(json.dumps({"cell": cell_index, "text": text}), flush=True)
        return super().output(outs, msg, display_id, cell_index)


def main():
    source, target, kernel = sys.argv[1:4]
    notebook = nbformat.read(source, as_version=4)
    client = StreamingClient(notebook, timeout=240, kernel_name=kernel)
    try:
        client.execute()
    except CellExecutionError as error:
        print(json.dumps({"error": str(error)[:2000]}), flush=True)
        return 1
    finally:
        nbformat.write(notebook, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
