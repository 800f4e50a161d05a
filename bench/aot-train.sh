#!/usr/bin/env bash
# Makes a JDK 25 AOT cache of CareWeave from a run under load (classes loaded and linked, and the run's method
# profiles), on other Synthea data than the peer workload's, so the reads measured with the cache are not the reads
# it was trained on. Writes target/careweave-trained.aot beside the extracted jar in target/careweave.
#   needs:  bench/README.md steps 1 and 2 done in PEER (Synthea's classpath in PEER/synthea/lib, the driver in
#           PEER/classes), a JDK 25 (JAVA25), and the server jar (mvn -B -pl server package -DskipTests)
#   run:    JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java PEER=/work/peer-data bench/aot-train.sh
#   use:    $JAVA25 -XX:AOTCache=target/careweave-trained.aot -jar target/careweave/careweave-exec.jar ...
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA25:?set JAVA25 to a JDK 25 java}"
: "${PEER:?set PEER to the peer workload folder of bench/README.md}"
PORT=${PORT:-8087}
JAR=server/target/careweave-exec.jar
CACHE=target/careweave-trained.aot
[ -f "$JAR" ] || { echo "No server jar: build first with  mvn -B -pl server package -DskipTests" >&2; exit 1; }
"$JAVA25" -version 2>&1 | grep -q 'version "2[5-9]' || { echo "$JAVA25 is not a JDK 25 or newer" >&2; exit 1; }

rm -rf target/careweave "$CACHE"
java -Djarmode=tools -jar "$JAR" extract --destination target/careweave

TRAIN="$PEER/train-seed7"
if [ ! -d "$TRAIN/fhir" ]; then
  echo "Generating the training data (Synthea, seed 7, 60 patients) into $TRAIN"
  (cd "$PEER" && java -Xmx6g -cp "synthea/lib/*" App -s 7 -cs 7 -r 20260101 -p 60 \
    --exporter.baseDirectory="$TRAIN/" --exporter.fhir.export=true --exporter.hospital.fhir.export=true \
    --exporter.practitioner.fhir.export=true --exporter.csv.export=false --exporter.ccda.export=false \
    --exporter.text.export=false --exporter.cpcds.export=false Massachusetts > "$TRAIN.log" 2>&1)
fi

DATA=$(mktemp -d "${TMPDIR:-/tmp}/careweave-aot-XXXXXX")
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
"$JAVA25" -Xmx4g -XX:AOTCacheOutput="$CACHE" -jar target/careweave/careweave-exec.jar --server.port="$PORT" \
  --careweave.mllp.port=0 --careweave.data-dir="$DATA" --careweave.demo.enabled=false \
  --careweave.bootstrap.organisation=SYN01 --careweave.bootstrap.client-id=synthea \
  --careweave.bootstrap.client-secret=synthea-secret-123 > "$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 1; done

AUTH=(--token-url "http://127.0.0.1:$PORT/oauth2/token" --client-id synthea --client-secret synthea-secret-123)
java -cp "$PEER/classes" Driver ingest --base "http://127.0.0.1:$PORT/fhir" --dir "$TRAIN/fhir" --clients 4 \
  --label aot-train --out "$DATA/results" "${AUTH[@]}" | grep 'total:'
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
psql -qh 127.0.0.1 -p "$PG_PORT" -U postgres -c "insert into care_relationship (person_id, kind, organisation_id)
  select p.id, 'CARE_TEAM', o.id from person p, organisation o where o.ods_code = 'SYN01'" postgres
psql -qh 127.0.0.1 -p "$PG_PORT" -U postgres -c "vacuum analyze" postgres
java -cp "$PEER/classes" Driver reads --base "http://127.0.0.1:$PORT/fhir" --dir "$TRAIN/fhir" --patients 60 \
  --seed 1 --clients 8 --warmup 30 --out "$DATA/results" "${AUTH[@]}" | grep -A1 'timed clients=8:'

# The cache is written as the JVM exits.
kill -TERM "$SERVER"
wait "$SERVER" || true
[ -f "$CACHE" ] || { echo "No cache was written; see the server log" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
echo "Wrote $CACHE ($(du -h "$CACHE" | cut -f1)) for target/careweave/careweave-exec.jar on $("$JAVA25" -version 2>&1 | head -1)"
