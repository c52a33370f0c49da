#!/usr/bin/env bash
# The scale simulation: one real interchange with 1k…130k simulated worker slots, then one real
# service with 100 simulated endpoints. Prints JSON lines. Options: see ScaleSimulation's javadoc;
# --quick finishes in under two minutes.
set -euo pipefail
cp="$("$(dirname "${BASH_SOURCE[0]}")/build.sh")"
exec java -XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.nio=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" org.funcx.bench.ScaleSimulation "$@"
