#!/usr/bin/env bash
# Installs Debian's Jupyter (client, nbconvert/nbclient for `jupyter execute`, the kernel
# conformance suite, the classic notebook UI and ipykernel) for the Java kernel and its tests.
# PyPI is not reachable on our machines, so everything comes from apt. Idempotent: when every
# package is present it exits 0 at once; `apt-get update` runs only when something is missing.
set -euo pipefail

packages=(
  jupyter-client
  jupyter-core
  jupyter-nbconvert
  python3-nbclient
  python3-nbformat
  python3-jupyter-kernel-test
  python3-jsonschema
  jupyter-notebook
  python3-ipykernel
)

source "$(dirname "${BASH_SOURCE[0]}")/apt-ensure.sh"
apt_ensure install-jupyter.sh "${packages[@]}"

for tool in /usr/bin/jupyter /usr/bin/jupyter-kernelspec /usr/bin/jupyter-execute; do
  if [[ ! -x "$tool" ]]; then
    echo "install-jupyter.sh: $tool is still missing after the install" >&2
    exit 1
  fi
done
/usr/bin/python3 -c 'import jupyter_client, jupyter_kernel_test, nbclient' ||
  { echo "install-jupyter.sh: Debian's python3 cannot import Jupyter" >&2; exit 1; }
