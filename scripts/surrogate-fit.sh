#!/usr/bin/env bash
# Fits the embedded NAS-Bench-101 surrogate: `scripts/surrogate-fit.sh [--data DIR] [--out DIR] [--json]`.
# XGBoost4J is needed at fit time only, so the runnable jar leaves it out; this runs the CLI on the Maven class path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/fit-classpath.txt >&2
exec java ${NAS4J_JAVA_OPTS:--Xmx6g -XX:+UseParallelGC} -cp "target/classes:$(cat target/fit-classpath.txt)" \
  nas4j.cli.Main surrogate fit "$@"
