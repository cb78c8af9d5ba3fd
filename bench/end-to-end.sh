#!/usr/bin/env bash
# W4, end to end: Plumbline runs as its own process (the packaged application) against PostgreSQL and a Kafka
# broker in another process (dev.plumbline.embedded.EmbeddedServers). EndToEndBenchmark measures the raw
# ceilings (Kafka produce+consume, COPY, Jackson), finds the highest rate Plumbline sustains with bounded lag,
# and measures publish-to-validation latency at half that rate.
#   bash bench/end-to-end.sh                 (STEP=30 seconds per rate step)
#   STEP=15 CEILING=100000 bash bench/end-to-end.sh     (a quick run)
#   RATE=20000 STEP=60 bash bench/end-to-end.sh          (no ceilings, no search: one step at 20,000 events/s
#                                                          after the warm-up, e.g. to profile Plumbline)
# Plumbline's settings pass through the environment (PLUMBLINE_VALIDATE_MAX_RECORDS=2000) or PLUMBLINE_OPTS
# (PLUMBLINE_OPTS=-Dmp.messaging.incoming.ingest.max.poll.records=2000).
set -euo pipefail
cd "$(dirname "$0")/.."
STEP=${STEP:-30}
CEILING=${CEILING:-300000}
START_RATE=${START_RATE:-2000}
RATE=${RATE:-}
WORK=${WORK:-/tmp/plumbline-e2e}
KAFKA_PORT=${KAFKA_PORT:-19093}
POSTGRES_PORT=${POSTGRES_PORT:-15433}
HTTP_PORT=${HTTP_PORT:-18081}
TOPIC=e2e

source bench/processes.sh
build
start_servers
start_plumbline

# Sign in through the login form, as the fault drill does, and register the dataset with the demo contract.
csrf_token() { sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1; }
JAR="$WORK/cookies"
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "localhost:$HTTP_PORT/login" | csrf_token)
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode j_username=bench --data-urlencode j_password=bench-password \
     --data-urlencode "csrf-token=$TOKEN" "localhost:$HTTP_PORT/j_security_check"
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "localhost:$HTTP_PORT/" | csrf_token)
curl -sf -o /dev/null -b "$JAR" -H "X-CSRF-Token: $TOKEN" -X PUT -H 'Content-Type: application/json' \
     -d "{\"topic\":\"$TOPIC\",\"owningTeam\":\"bench\"}" "localhost:$HTTP_PORT/api/datasets/$TOPIC"
curl -sf -o /dev/null -b "$JAR" -H "X-CSRF-Token: $TOKEN" -X PUT -H 'Content-Type: application/yaml' \
     --data-binary @src/main/resources/demo/transactions.odcs.yaml "localhost:$HTTP_PORT/api/datasets/$TOPIC/contract"

log "benchmark: $STEP s per step, ceilings over $CEILING records"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" dev.plumbline.bench.EndToEndBenchmark \
  "$BOOTSTRAP" "$JDBC_URL" "$DB_USER" unused "$TOPIC" "$TOPIC" "$STEP" "$CEILING" "$START_RATE" "$RATE"
