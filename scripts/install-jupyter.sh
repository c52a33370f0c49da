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

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then missing+=("$package"); fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-jupyter.sh: missing Debian packages: ${missing[*]}" >&2
  echo "install-jupyter.sh: run as root (or: sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi

echo "install-jupyter.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has empty package lists; refresh them once, and again only if the install fails
# because they are stale.
if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then apt-get update -q; fi
if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

for tool in /usr/bin/jupyter /usr/bin/jupyter-kernelspec /usr/bin/jupyter-execute; do
  if [[ ! -x "$tool" ]]; then
    echo "install-jupyter.sh: $tool is still missing after the install" >&2
    exit 1
  fi
done
/usr/bin/python3 -c 'import jupyter_client, jupyter_kernel_test, nbclient' ||
  { echo "install-jupyter.sh: Debian's python3 cannot import Jupyter" >&2; exit 1; }
