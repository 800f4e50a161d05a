#!/usr/bin/env bash
# Benchmark: generate a synthetic neighbourhood of RESIDENTS (default 1,000,000) residents into a fresh embedded
# PostgreSQL and report the generation time, rows written and database size.
#   build first:  mvn -B -pl server package -DskipTests
#   run:          bench/generate-1m.sh            (RESIDENTS=200000 SEED=7 bench/generate-1m.sh for other sizes)
# The data folder is temporary and removed afterwards (KEEP_DATA=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS=${RESIDENTS:-1000000}
SEED=${SEED:-1}
JAR=server/target/careweave-exec.jar
[ -f "$JAR" ] || { echo "No server jar: build first with  mvn -B -pl server package -DskipTests" >&2; exit 1; }
DATA=$(mktemp -d "${TMPDIR:-/tmp}/careweave-bench-XXXXXX")
[ "${KEEP_DATA:-0}" = 1 ] || trap 'rm -rf "$DATA"' EXIT
LOG="$DATA/generate.log"

echo "Generating $RESIDENTS residents (seed $SEED) into $DATA on $(nproc) cores"
start=$(date +%s.%N)
java ${JAVA_OPTS:-} -jar "$JAR" generate --residents "$RESIDENTS" --seed "$SEED" \
    --careweave.data-dir="$DATA" --logging.level.root=WARN | tee "$LOG"
end=$(date +%s.%N)

echo "---"
echo "wall clock incl. JVM and PostgreSQL start/stop: $(echo "$end - $start" | bc) s"
grep -E '^Generated|^Database size' "$LOG"
echo "data folder on disk: $(du -sh "$DATA/postgres" | cut -f1)"
