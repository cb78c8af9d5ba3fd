# Sourced by the benchmarks that run Plumbline as the packaged application in its own process, against PostgreSQL
# and a Kafka broker in a third (dev.plumbline.embedded.EmbeddedServers). The caller sets WORK, POSTGRES_PORT,
# KAFKA_PORT and HTTP_PORT; both processes are stopped when the caller exits.

log() { printf '%s  %s\n' "$(date +%T)" "$*"; }

# Builds the jar and the test classpath, unless SKIP_BUILD is set; sets CP.
build() {
  if [ -z "${SKIP_BUILD:-}" ]; then
    log "building"
    ./mvnw -B -q package -DskipTests
    ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
  fi
  CP="target/classes:target/test-classes:$(cat target/test.classpath)"
}

# Starts PostgreSQL and the broker with their data under a fresh WORK; sets JDBC_URL, DB_USER and BOOTSTRAP.
start_servers() {
  rm -rf "$WORK" && mkdir -p "$WORK"
  log "PostgreSQL and a Kafka broker in their own process (:$POSTGRES_PORT, :$KAFKA_PORT)"
  PLUMBLINE_DATA_DIR="$WORK" PLUMBLINE_EMBEDDED_POSTGRES_PORT=$POSTGRES_PORT PLUMBLINE_EMBEDDED_KAFKA_PORT=$KAFKA_PORT \
    java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" dev.plumbline.embedded.EmbeddedServers \
    > "$WORK/servers.log" 2>&1 &
  SERVERS_PID=$!
  until grep -q '^kafka.bootstrap.servers=' "$WORK/servers.log"; do
    kill -0 $SERVERS_PID 2>/dev/null || { cat "$WORK/servers.log"; exit 1; }
    sleep 1
  done
  JDBC_URL=$(setting quarkus.datasource.jdbc.url)
  DB_USER=$(setting quarkus.datasource.username)
  BOOTSTRAP=$(setting kafka.bootstrap.servers)
}

setting() { sed -n "s/^$1=//p" "$WORK/servers.log"; }

# Starts Plumbline against them with the bootstrap administrator bench / bench-password and any further VAR=value
# settings given as arguments (PLUMBLINE_OPTS go to the JVM); returns once it is ready.
start_plumbline() {
  log "Plumbline on :$HTTP_PORT"
  env QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD=unused \
    KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" QUARKUS_HTTP_PORT=$HTTP_PORT PLUMBLINE_DATA_DIR="$WORK" \
    PLUMBLINE_ACCESS_BOOTSTRAP_ADMIN_USERNAME=bench PLUMBLINE_ACCESS_BOOTSTRAP_ADMIN_PASSWORD=bench-password "$@" \
    java ${PLUMBLINE_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$WORK/plumbline.log" 2>&1 &
  PLUMBLINE_PID=$!
  until curl -sf "localhost:$HTTP_PORT/q/health/ready" > /dev/null; do
    kill -0 $PLUMBLINE_PID 2>/dev/null || { tail -50 "$WORK/plumbline.log"; exit 1; }
    sleep 1
  done
}

SERVERS_PID=
PLUMBLINE_PID=
trap 'kill $PLUMBLINE_PID $SERVERS_PID 2>/dev/null || true' EXIT
