#!/usr/bin/env bash
# Kills CareWeave (JVM and its embedded PostgreSQL) with kill -9 while MllpLoadBench sends ADT messages, restarts
# it, lets the driver resend what was not acknowledged, and checks that every acknowledged control id is stored
# exactly once and applied. Run from the repository root after
#   mvn -B -q -DskipTests -pl server,bench package
# Usage: bench/mllp-crash.sh [messages] [seconds-before-kill]
set -euo pipefail
MESSAGES=${1:-20000}
KILL_AFTER=${2:-20}
DATA=${CAREWEAVE_BENCH_DATA:-/tmp/careweave-mllp-crash}
HTTP_PORT=${HTTP_PORT:-18480}
MLLP_PORT=${MLLP_PORT:-12575}
JAR=server/target/careweave-exec.jar
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
CP="bench/target/classes:$PG_JAR"
ACKED="$DATA/acked.txt"
mkdir -p "$DATA"

start_server() {
  java -jar "$JAR" --careweave.data-dir="$DATA" --server.port="$HTTP_PORT" --careweave.mllp.port="$MLLP_PORT" \
      --careweave.demo.residents=${RESIDENTS:-30000} >>"$DATA/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited; see $DATA/server.log"; exit 1; fi
    sleep 1
  done
  echo "server not ready after 600 s"; exit 1
}

start_server
echo "server $SERVER ready; sending $MESSAGES messages, kill -9 after $KILL_AFTER s"
java -cp "$CP" org.careweave.bench.MllpLoadBench --port "$MLLP_PORT" --messages "$MESSAGES" --connections 4 \
    --resend true --acked "$ACKED" --data-dir "$DATA" &
DRIVER=$!
sleep "$KILL_AFTER"
POSTGRES=$(head -1 "$DATA/postgres/postmaster.pid")
echo "kill -9 server $SERVER and its PostgreSQL $POSTGRES; $(wc -l <"$ACKED") messages acknowledged so far"
BACKENDS=$(pgrep -P "$POSTGRES" || true)
kill -9 "$SERVER" "$POSTGRES" $BACKENDS
wait "$SERVER" 2>/dev/null || true
sleep 2
start_server
echo "restarted as $SERVER"
wait "$DRIVER"
java -cp "$CP" org.careweave.bench.MllpLoadBench --check-acked "$ACKED" --data-dir "$DATA"
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
