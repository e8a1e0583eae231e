#!/bin/sh
# The long fuzzing run of the command line (issue 15): N inputs (default 10000) from the grammar-aware
# generator and mutated examples, checked in batches by the real `bregman check`, then derive/eval on a
# sample. Usage: benchmarks/fuzz/run-fuzz.sh [N] [SEED] [OUT] [BATCH] [SAMPLE]
# Failing inputs are kept in OUT/failures/ (default OUT: target/fuzz). Exit status 0 when nothing failed.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cli=plugins/org.bregman.cli/target
./bregman --version >/dev/null   # builds the CLI when needed
[ -d "$cli/test-classes/org/bregman/cli/fuzz" ] || ./mvnw -q -B -o -Dheadless -pl plugins/org.bregman.cli test-compile
jar=$(ls "$cli"/org.bregman.cli-*.jar | grep -v -e sources -e javadoc | head -n 1)
# a JDK 21+ as ./bregman picks it: JAVA_HOME, else the newest under /usr/lib/jvm
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
[ -n "$java" ] || java=$(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV | head -n 1)/bin/java
# the CLI as ./bregman runs it, without its rebuild check (sources may change while this runs)
exec "$java" -Xss8m -Xmx2g -cp "$cli/test-classes:$jar:$cli/lib/*" org.bregman.cli.fuzz.FuzzMain \
  "${1:-10000}" "${2:-20261126}" "${3:-target/fuzz}" "$java -XX:+UseParallelGC -Xss8m -jar $jar" "${4:-200}" "${5:-300}"
