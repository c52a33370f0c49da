#!/usr/bin/env bash
# apt_ensure NAME PACKAGE...: installs the Debian packages that are missing, as root, and does
# nothing when all are present (so callers stay idempotent and quick). A fresh machine has empty
# package lists: they are refreshed once, and again only when an install fails on stale ones.
# Sourced by install-jupyter.sh, install-browser.sh and slurm/install.sh.

apt_ensure() {
  local name="$1"
  shift
  local missing=() package status
  for package in "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then missing+=("$package"); fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then return 0; fi
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "$name: missing Debian packages: ${missing[*]}" >&2
    echo "$name: run as root (or: sudo apt-get install -y ${missing[*]})" >&2
    return 1
  fi
  echo "$name: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then apt-get update -q; fi
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}
