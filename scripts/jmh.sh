#!/usr/bin/env bash
# Runs the JMH benchmarks of src/test/java/nas4j/jmh.
#   scripts/jmh.sh REGEX [JMH args]     e.g. scripts/jmh.sh HashBenchmark -f 1 -wi 2 -i 3
#   scripts/jmh.sh -l                   lists the benchmarks
# Builds the test classes, assembles the test classpath with Maven, then runs org.openjdk.jmh.Main.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: scripts/jmh.sh REGEX [JMH args]   (scripts/jmh.sh -h for JMH's options)" >&2
  exit 2
fi
./mvnw -q -B -ntp test-compile
cp_file="target/jmh-classpath.txt"
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
# jmh.ignoreLock: other JMH runs may share the machine (their numbers and ours then disturb each other)
exec java -Djmh.ignoreLock=true -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
