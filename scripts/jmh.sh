#!/usr/bin/env bash
# Runs JMH benchmarks from the test classpath: scripts/jmh.sh [REGEX] [JMH options...]
# e.g. scripts/jmh.sh QueryBench      scripts/jmh.sh 'QueryBench.queryById' -f 1 -wi 2 -i 3
# Compiles main and test classes first (the JMH annotation processor generates the benchmark list).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
regex="${1:-.}"
if [ $# -gt 0 ]; then shift; fi
./mvnw -q -B -ntp test-compile >&2
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >&2
if [ ! -s "$cpfile" ]; then
  echo "jmh.sh: could not resolve the test classpath" >&2
  exit 1
fi
if [ ! -f target/test-classes/META-INF/BenchmarkList ]; then
  echo "jmh.sh: no JMH benchmark list in target/test-classes (annotation processor not run?)" >&2
  exit 1
fi
exec java ${JMH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$cpfile")" org.openjdk.jmh.Main "$regex" "$@"
