#!/usr/bin/env bash
# W1, engine only: Plumbline vs Amazon Deequ on local Spark, same JVM, same data, same checks.
#   bash bench/w1-deequ.sh                          # 10k, 100k, 1M rows; 10 and 80 columns
#   bash bench/w1-deequ.sh 10000,100000 narrow      # a quick run
# Builds Plumbline, resolves Deequ and Spark through bench/deequ/pom.xml (never part of ./mvnw verify), and
# runs dev.plumbline.bench.deequ.W1Benchmark. W1_HEAP sets the heap (default 16g: the 1M-row, 80-column batch
# holds about 1.5 GiB of JSON text and its decoded columns next to Spark's cache).
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${W1_OFFLINE:--o}
./mvnw -B -q $OFFLINE compile
./mvnw -B -q $OFFLINE -f bench/deequ/pom.xml compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath
# Spark 3.5 on Java 17 reaches into these JDK internals.
OPENS=""
for pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS="$OPENS --add-opens=java.base/$pkg=ALL-UNNAMED"
done
# Transparent huge pages: both engines touch gigabytes of heap; with 4 KiB pages Plumbline's scans of Jackson
# trees (before it read the JSON text) spent much of their time in TLB misses (Spark's cache gains too).
exec java $OPENS -Djdk.reflect.useDirectMethodHandle=false -XX:+UseTransparentHugePages -Xmx"${W1_HEAP:-16g}" \
    -cp "bench/deequ/target/classes:$(cat bench/deequ/target/classpath)" \
    dev.plumbline.bench.deequ.W1Benchmark "$@"
