#!/usr/bin/env bash
# Runs binder/ as repo2docker would, then the quickstart notebook, and checks its outputs:
# installs binder/apt.txt (as root, idempotently), copies the repository into the fresh home of an
# unprivileged user (funcx-binder, created if absent), runs binder/postBuild there as that user,
# then binder/start wrapping `jupyter nbconvert --execute notebooks/quickstart.ipynb`, and finally
# ./funcx down, checking that no process of that user is left. Must run as root (CI does).
#
# Maven: the user starts with an empty ~/.m2, as on Binder, so postBuild downloads every
# dependency from Maven Central (~106 MB; measured here: postBuild ≈ 36 s in all). That is faithful
# and cheap enough; sharing root's repository would hide a missing download step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
user=funcx-binder
say() { echo "binder-test: $*"; }
fail() { echo "binder-test: FAILED: $*" >&2; exit 1; }

[[ "$(id -u)" -eq 0 ]] || fail "must run as root (installs apt.txt, creates user $user)"

# apt.txt as repo2docker reads it: one package per line, # comments.
source "$root/scripts/apt-ensure.sh"
mapfile -t apt_packages < <(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$root/binder/apt.txt")
apt_ensure binder-test "${apt_packages[@]}"

home="$(mktemp -d /tmp/funcx-binder-XXXXXX)"
chmod 755 "$home"
# Java (so Maven's ~/.m2 and the kernelspec's user directory) takes the home from the password
# database, not $HOME: make the fresh directory the user's home there too, as on Binder.
if id "$user" >/dev/null 2>&1; then
  usermod --home "$home" "$user"
else
  useradd --system --user-group --no-create-home --home-dir "$home" --shell /bin/bash "$user"
fi
as_user() {
  (cd "$home/repo" && runuser -u "$user" -- env -i HOME="$home" USER="$user" LANG=C.UTF-8 \
    PATH=/usr/local/bin:/usr/bin:/bin "$@")
}
cleanup() {
  as_user env FUNCX_HOME="$home/.funcx" ./funcx down >/dev/null 2>&1 || true
  pkill -KILL -u "$user" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT

# repo2docker copies the repository's files (not its .git) into the user's home.
mkdir "$home/repo"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
  tar --null -T - -cf - 2>/dev/null) | tar -xf - -C "$home/repo"
chown -R "$user:" "$home"

started=$SECONDS
as_user binder/postBuild >"$home/postBuild.log" 2>&1 || { tail -n 40 "$home/postBuild.log"; fail "postBuild"; }
say "postBuild (fresh ~/.m2, Maven build, kernelspec) took $((SECONDS - started)) s"

port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
started=$SECONDS
as_user env FUNCX_PORT="$(port)" FUNCX_FORWARDER_PORT="$(port)" binder/start \
  /usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=funcx-java \
  --ExecutePreprocessor.timeout=240 --output-dir "$home/out" notebooks/quickstart.ipynb \
  >"$home/start.log" 2>&1 || { tail -n 60 "$home/start.log"; cat "$home/.funcx/binder-start.log" 2>/dev/null; fail "start + quickstart"; }
say "start + quickstart took $((SECONDS - started)) s"

# The quickstart's code cells, in order, must show these outputs (as NotebooksTest checks them).
/usr/bin/python3 - "$home/out/quickstart.ipynb" <<'PY' || fail "quickstart outputs"
import json, sys
cells = [c for c in json.load(open(sys.argv[1]))["cells"] if c["cell_type"] == "code"]
def text(cell):
    out = []
    for o in cell["outputs"]:
        out += o.get("text", []) if isinstance(o.get("text"), list) else [o.get("text", "")]
        for value in o.get("data", {}).values():
            out += value if isinstance(value, list) else [value]
    return "".join(out)
expected = {0: "connected to the funcX service", 3: "385", 4: "100 succeeded, 0 failed",
            5: str(100 * 101 * 201 // 6), 7: "10,000 rows", 8: "10000"}
for index, needle in expected.items():
    if needle not in text(cells[index]):
        sys.exit(f"code cell {index} lacks {needle!r}:\n{text(cells[index])}")
PY

as_user env FUNCX_HOME="$home/.funcx" ./funcx down >/dev/null
sleep 1
if pgrep -u "$user" >/dev/null; then
  pgrep -a -u "$user" >&2
  fail "processes of $user left after ./funcx down"
fi
say "1 passed, 0 failed"
