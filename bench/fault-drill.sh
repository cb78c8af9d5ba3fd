#!/usr/bin/env bash
# Fault drill: Plumbline runs as a separate process against PostgreSQL (Debian's cluster 15/main) and a
# Kafka broker in its own process. Phase 1 kills -9 Plumbline in the middle of a stream of N events and
# restarts it; phase 2 restarts PostgreSQL (immediate mode, i.e. a crash) in the middle of N more. After
# each phase every event must be staged exactly once and validated exactly once.
#   bash bench/fault-drill.sh            (N=1000000; N=100000 for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
WORK=${WORK:-/tmp/plumbline-drill}
KAFKA_PORT=${KAFKA_PORT:-19092}
HTTP_PORT=${HTTP_PORT:-18080}
TOPIC=drill
DB=plumbline_drill
export PGPASSWORD=drill

log() { printf '%s  %s\n' "$(date +%T)" "$*"; }
sql() { psql -h 127.0.0.1 -U drill -d "$DB" -Atc "$1"; }

log "building"
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
CP="target/classes:target/test-classes:$(cat target/test.classpath)"

log "PostgreSQL 15 (Debian cluster main) and a fresh database $DB"
pg_ctlcluster 15 main start 2>/dev/null || true
su postgres -c "psql -qc \"DO \\\$\\\$BEGIN CREATE ROLE drill LOGIN PASSWORD 'drill'; EXCEPTION WHEN duplicate_object THEN NULL; END\\\$\\\$\""
su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $DB' -c 'CREATE DATABASE $DB OWNER drill'"

rm -rf "$WORK" && mkdir -p "$WORK"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=drill \
       QUARKUS_DATASOURCE_PASSWORD=drill PLUMBLINE_DATA_DIR="$WORK" PLUMBLINE_EMBEDDED_KAFKA_PORT=$KAFKA_PORT
log "Kafka broker in its own process on :$KAFKA_PORT"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" dev.plumbline.embedded.EmbeddedServers > "$WORK/kafka.log" 2>&1 &
KAFKA_PID=$!
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_HTTP_PORT=$HTTP_PORT \
       PLUMBLINE_ACCESS_BOOTSTRAP_ADMIN_USERNAME=drill PLUMBLINE_ACCESS_BOOTSTRAP_ADMIN_PASSWORD=drill-password
PLUMBLINE_PID=
trap 'kill $PLUMBLINE_PID $KAFKA_PID 2>/dev/null || true' EXIT
until grep -q '^kafka.bootstrap.servers=' "$WORK/kafka.log"; do sleep 1; done

start_plumbline() {
  java -jar target/quarkus-app/quarkus-run.jar >> "$WORK/plumbline.log" 2>&1 &
  PLUMBLINE_PID=$!
  until curl -sf "localhost:$HTTP_PORT/q/health/ready" > /dev/null; do sleep 1; done
  log "Plumbline up (pid $PLUMBLINE_PID)"
}
staged() { sql "SELECT count(*) FROM staged_record WHERE topic = '$TOPIC'"; }
wait_until_staged() {
  until [ "$(staged)" -ge "$1" ]; do sleep 1; done
}
wait_until_done() {
  local expected=$1 deadline=$((SECONDS + 1800))
  until [ "$(sql "SELECT coalesce(sum(cardinality(staged_ids)), 0) FROM validation_run")" -ge "$expected" ]; do
    [ $SECONDS -lt $deadline ] || { log "timed out"; return 1; }
    sleep 2
  done
}
check() {
  local expected=$1 phase=$2
  # pending: staged records in no run; judged: records named by runs, twice if twice (counted apart from the runs'
  # own record counts, which must agree)
  read -r rows ids pending validated judged distinct quarantined runs <<< "$(sql "
    WITH judged AS (SELECT u.id FROM validation_run r CROSS JOIN unnest(r.staged_ids) AS u (id))
    SELECT (SELECT count(*) FROM staged_record WHERE topic = '$TOPIC'),
           (SELECT count(DISTINCT payload->>'transaction_id') FROM staged_record WHERE topic = '$TOPIC'),
           (SELECT count(*) FROM staged_record s WHERE topic = '$TOPIC'
                                                   AND NOT EXISTS (SELECT 1 FROM judged j WHERE j.id = s.id)),
           (SELECT coalesce(sum(record_count), 0) FROM validation_run),
           (SELECT count(*) FROM judged),
           (SELECT count(DISTINCT id) FROM judged),
           (SELECT count(*) FROM quarantined_record),
           (SELECT count(*) FROM validation_run)" | tr '|' ' ')"
  local lost=$((expected - ids)) duplicated=$((rows - ids))
  log "$phase: published $expected, staged $rows ($ids distinct ids): lost $lost, duplicated $duplicated;" \
      "validated $validated in $runs runs (records named by runs: $judged, $distinct distinct), pending $pending," \
      "quarantined $quarantined"
  [ "$lost" -eq 0 ] && [ "$duplicated" -eq 0 ] && [ "$pending" -eq 0 ] && [ "$validated" -eq "$expected" ] \
    && [ "$judged" -eq "$expected" ] && [ "$distinct" -eq "$expected" ]
}

csrf_token() { sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1; }
start_plumbline
# Sign in as the bootstrap administrator through the login form, as a browser does, then register the
# dataset and its contract with the session and its CSRF token.
JAR="$WORK/cookies"
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "localhost:$HTTP_PORT/login" | csrf_token)
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode j_username=drill --data-urlencode j_password=drill-password \
     --data-urlencode "csrf-token=$TOKEN" "localhost:$HTTP_PORT/j_security_check"
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "localhost:$HTTP_PORT/" | csrf_token)
curl -sf -o /dev/null -b "$JAR" -H "X-CSRF-Token: $TOKEN" -X PUT -H 'Content-Type: application/json' \
     -d "{\"topic\":\"$TOPIC\",\"owningTeam\":\"drill\"}" "localhost:$HTTP_PORT/api/datasets/$TOPIC"
curl -sf -o /dev/null -b "$JAR" -H "X-CSRF-Token: $TOKEN" -X PUT -H 'Content-Type: application/yaml' \
     --data-binary @src/main/resources/demo/transactions.odcs.yaml "localhost:$HTTP_PORT/api/datasets/$TOPIC/contract"

log "phase 1: $N events; kill -9 Plumbline once a third is staged"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" dev.plumbline.bench.DrillProducer "$KAFKA_BOOTSTRAP_SERVERS" $TOPIC 0 "$N" > "$WORK/producer1.log" 2>&1 &
PRODUCER=$!
wait_until_staged $((N / 3))
kill -9 "$PLUMBLINE_PID"; wait "$PLUMBLINE_PID" 2>/dev/null || true
log "killed Plumbline with $(staged) staged"
start_plumbline
wait $PRODUCER && cat "$WORK/producer1.log"
wait_until_done "$N"
check "$N" "phase 1 (kill -9)"

log "phase 2: $N more events; PostgreSQL crashes (immediate restart) once a third is staged"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" dev.plumbline.bench.DrillProducer "$KAFKA_BOOTSTRAP_SERVERS" $TOPIC "$N" "$N" > "$WORK/producer2.log" 2>&1 &
PRODUCER=$!
wait_until_staged $((N + N / 3))
pg_ctlcluster 15 main restart -m immediate
log "PostgreSQL restarted with $(staged) staged"
wait $PRODUCER && cat "$WORK/producer2.log"
wait_until_done $((2 * N))
check $((2 * N)) "phase 2 (PostgreSQL crash)"
