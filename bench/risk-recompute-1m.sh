#!/usr/bin/env bash
# Benchmark: recompute every risk score (eFI, CMS, utilisation, priority) for RESIDENTS (default 1,000,000)
# generated residents from PostgreSQL, reporting wall time and the JVM's peak resident set size.
#   build first:  mvn -B -pl server package -DskipTests
#   run:          bench/risk-recompute-1m.sh        (RESIDENTS=200000 bench/risk-recompute-1m.sh for other sizes)
# Generation takes most of the time (about 4 minutes on an idle machine, ~7 GB of disk); the data folder is
# temporary and removed afterwards (KEEP_DATA=1 keeps it). The recomputation runs with a 1 GB heap cap to show
# that memory is bounded (facts stream with a fetch size; scores go out through COPY in 1 MB chunks).
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS=${RESIDENTS:-1000000}
JAR=server/target/careweave-exec.jar
[ -f "$JAR" ] || { echo "No server jar: build first with  mvn -B -pl server package -DskipTests" >&2; exit 1; }
DATA=$(mktemp -d "${TMPDIR:-/tmp}/careweave-risk-XXXXXX")
[ "${KEEP_DATA:-0}" = 1 ] || trap 'rm -rf "$DATA"' EXIT

echo "Generating $RESIDENTS residents into $DATA on $(nproc) cores (load: $(cut -d' ' -f1-3 /proc/loadavg))"
java -jar "$JAR" generate --residents "$RESIDENTS" --seed 1 --careweave.data-dir="$DATA" \
    --logging.level.root=WARN | grep -E '^Generated'
echo "Recomputing (load: $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/time -v java -Xmx1g -jar "$JAR" risk-recompute --careweave.data-dir="$DATA" --logging.level.root=WARN \
    2> "$DATA/time.log" | grep -E '^Risk scores'
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' "$DATA/time.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
