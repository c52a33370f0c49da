#!/usr/bin/env bash
# Builds bench/ and the modules it uses when a source is newer than the bench jar (offline first),
# then prints the runtime classpath. Sourced by the other bench scripts; usable on its own.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
jar="$bench_dir/target/funcx-bench-0.1.0-SNAPSHOT.jar"

if [[ ! -f "$jar" || -n "$(find "$root"/{jvm,core,wire,arrow-bridge,client,slurm-client,service,endpoint,bench} \
    "$root/pom.xml" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' \) \
    -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  # package, not install: the reactor resolves sibling modules, and ~/.m2 may be shared.
  echo "bench: building (mvn package -pl bench -am, tests skipped)..." >&2
  (cd "$root" && { mvn -B -q -o package -DskipTests -pl bench -am \
    || mvn -B -q package -DskipTests -pl bench -am; }) >&2
fi
echo "$jar:$bench_dir/target/lib/*"
