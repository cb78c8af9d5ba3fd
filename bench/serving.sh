#!/usr/bin/env bash
# W5, online serving: Plumbline runs as its own process (the packaged application) against PostgreSQL and a Kafka
# broker in another process (dev.plumbline.embedded.EmbeddedServers), with the serving baseline endpoint on
# (plumbline.bench.serving-baseline). ServingBenchmark seeds a 50-feature view with ENTITIES online values and
# drives open-loop load at fixed rates, the baseline and Plumbline in turn.
#   bash bench/serving.sh                                  (100,000 entities, 10 s runs, 3 rounds, 1k and 5k req/s)
#   SECONDS_PER_RUN=5 ROUNDS=2 bash bench/serving.sh       (a quick run)
#   PLUMBLINE_OPTS='-XX:StartFlightRecording=filename=/tmp/w5.jfr,settings=profile' bash bench/serving.sh
# CACHE_BYTES sizes the online cache (default 1G, room for every seeded entity).
set -euo pipefail
cd "$(dirname "$0")/.."
ENTITIES=${ENTITIES:-100000}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROUNDS=${ROUNDS:-3}
RATES=${RATES:-1000,5000}
WARM_UP=${WARM_UP:-20}
WORK=${WORK:-/tmp/plumbline-w5}
KAFKA_PORT=${KAFKA_PORT:-19095}
POSTGRES_PORT=${POSTGRES_PORT:-15435}
HTTP_PORT=${HTTP_PORT:-18085}

source bench/processes.sh
build
start_servers
# The online refresh recomputes values older than its interval from their events; the seeded values have none,
# so it would replace them with empty aggregates while the load runs. A day keeps it out of the measurement.
# The in-memory copy of the online table is sized to hold all the seeded entities (about 3.5 KB each), as a
# deployment would size it for its working set; the warm-up's batches read every one of them.
start_plumbline PLUMBLINE_BENCH_SERVING_BASELINE=true PLUMBLINE_FEATURES_ONLINE_REFRESH=24h \
  PLUMBLINE_FEATURES_ONLINE_CACHE_MAX_BYTES=${CACHE_BYTES:-1G}

# Sign in through the login form and create the API token both sides of the comparison authenticate with.
csrf_token() { sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1; }
JAR="$WORK/cookies"
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "localhost:$HTTP_PORT/login" | csrf_token)
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode j_username=bench --data-urlencode j_password=bench-password \
     --data-urlencode "csrf-token=$TOKEN" "localhost:$HTTP_PORT/j_security_check"
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "localhost:$HTTP_PORT/" | csrf_token)
API_TOKEN=$(curl -sf -b "$JAR" -H "X-CSRF-Token: $TOKEN" -H 'Content-Type: application/json' -d '{"name":"w5"}' \
     "localhost:$HTTP_PORT/api/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

log "benchmark: $ENTITIES entities, $SECONDS_PER_RUN s per run, $ROUNDS rounds at $RATES req/s; $(uptime)"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" dev.plumbline.bench.ServingBenchmark \
  "http://127.0.0.1:$HTTP_PORT" "$API_TOKEN" "$JDBC_URL" "$DB_USER" unused "$ENTITIES" "$SECONDS_PER_RUN" "$ROUNDS" \
  "$RATES" "$WARM_UP"
log "done; $(uptime)"
