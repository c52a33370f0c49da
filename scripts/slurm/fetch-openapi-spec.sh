#!/usr/bin/env bash
# Fetches slurmrestd's OpenAPI spec (GET /openapi/v3) from the cluster that start.sh runs and keeps
# only the /slurm/v0.0.38/ paths (drops the generic /openapi* paths; slurmrestd is started with
# `-s openapi/v0.0.38` only, so no dbv0.0.38 paths are served). Components are kept as served.
# Usage: fetch-openapi-spec.sh [STATE_DIR] [OUTPUT]
#   default OUTPUT: slurm-client/src/main/openapi/slurmrestd-v0.0.38.json
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE_DIR=$(realpath -m "${1:-${FUNCX_SLURM_STATE_DIR:-/tmp/funcx-slurm}}")
OUTPUT=${2:-$SCRIPT_DIR/../../slurm-client/src/main/openapi/slurmrestd-v0.0.38.json}

[[ -r "$STATE_DIR/env" ]] || { echo "slurm: ERROR: no $STATE_DIR/env; run start.sh first" >&2; exit 1; }
# shellcheck source=/dev/null
source "$STATE_DIR/env"

spec=$(curl -sSf -m 10 -H "X-SLURM-USER-NAME: $SLURMRESTD_USER" \
  -H "X-SLURM-USER-TOKEN: $(cat "$SLURMRESTD_TOKEN_FILE")" "$SLURMRESTD_URL/openapi/v3")
jq '.paths |= with_entries(select(.key | startswith("/slurm/v0.0.38/")))' <<<"$spec" >"$OUTPUT.tmp"
mv "$OUTPUT.tmp" "$OUTPUT"
echo "slurm: wrote $(jq '.paths | length' "$OUTPUT") paths, $(jq '.components.schemas | length' "$OUTPUT") schemas to $OUTPUT"
