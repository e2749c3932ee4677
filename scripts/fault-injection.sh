#!/usr/bin/env bash
# Fault injection: runs an experiment once without interruption, then TRIALS times (default 20) starts the same
# experiment in a fresh folder, stops it at a random moment (SIGKILL or SIGINT, chosen at random; every third trial
# also stops the first resume), resumes it to the end with --resume, and compares every output with the
# uninterrupted run: the same visible files (trace.csv, runs.csv, summary.csv, comparison.csv, friedman.csv, ...)
# byte for byte, run.json and report.html apart from their clock lines and executed/resumed counts.
# Exits 1 at the first difference.
#
#   scripts/fault-injection.sh [CONFIG.yaml [TRIALS [WORKDIR]]]     (default experiments/quickstart.yaml, 20)
#
# The random moments are drawn uniformly over the uninterrupted run's wall time, so they fall into benchmark
# loading, the runs, and the final assembly alike. Seed the draws with RANDOM_SEED=N for a repeatable sequence.
set -euo pipefail
set -m # background runs get their own process group and keep SIGINT (a non-interactive shell would ignore it)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="$(cd "$(dirname "${1:-$here/experiments/quickstart.yaml}")" && pwd)/$(basename "${1:-quickstart.yaml}")"
trials="${2:-20}"
work="${3:-$(mktemp -d "${TMPDIR:-/tmp}/nas4j-faults.XXXXXX")}"
RANDOM="${RANDOM_SEED:-$$}"
nas4j="$here/nas4j"
mkdir -p "$work"
"$nas4j" --version >/dev/null # build the jar first, outside the timed runs

# clock lines: run.json's started/finished/wall_seconds and executed/resumed counts, report.html's "started" row
stable() { grep -v -E '^ *"(started|finished|wall_seconds|runs_executed|runs_resumed)"|^<tr><th>started</th>' "$1"; }
same() { # reference folder, candidate folder: the same visible files, each identical (clock lines aside)
  diff <(cd "$1" && find . -type f ! -path './.*' | sort) <(cd "$2" && find . -type f ! -path './.*' | sort) \
    >/dev/null || { echo "DIFFERENT file lists: $1 vs $2" >&2; return 1; }
  local f
  while IFS= read -r f; do
    case "$f" in
      ./run.json|./report.html)
        diff <(stable "$1/$f") <(stable "$2/$f") >/dev/null || { echo "DIFFERENT: $2/$f" >&2; return 1; } ;;
      *) cmp -s "$1/$f" "$2/$f" || { echo "DIFFERENT: $2/$f" >&2; return 1; } ;;
    esac
  done < <(cd "$1" && find . -type f ! -path './.*' | sort)
}
stop_at() { # seconds(float) signal, then command...
  local delay="$1" sig="$2"; shift 2
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$delay"
  kill "-$sig" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

echo "reference run of $config into $work/ref ..." >&2
t0=$(date +%s.%N)
"$nas4j" run "$config" --out "$work/ref" --progress none >/dev/null 2>"$work/ref.log"
wall=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
echo "reference: ${wall} s" >&2

for i in $(seq 1 "$trials"); do
  out="$work/trial-$i"
  delay=$(awk -v w="$wall" -v r="$RANDOM" 'BEGIN { printf "%.2f", w * r / 32767 }')
  sig=$([ $((RANDOM % 2)) -eq 0 ] && echo KILL || echo INT)
  stop_at "$delay" "$sig" "$nas4j" run "$config" --out "$out" --progress none
  what="$sig at ${delay}s"
  if [ $((i % 3)) -eq 0 ]; then
    delay2=$(awk -v w="$wall" -v r="$RANDOM" 'BEGIN { printf "%.2f", w * r / 32767 }')
    stop_at "$delay2" KILL "$nas4j" run "$config" --out "$out" --resume --progress none
    what="$what, resume KILLed at ${delay2}s"
  fi
  "$nas4j" run "$config" --out "$out" --resume --progress none >/dev/null 2>"$out.log" \
    || { echo "trial $i ($what): the resume failed; see $out.log" >&2; exit 1; }
  same "$work/ref" "$out" || { echo "trial $i ($what): outputs differ from $work/ref" >&2; exit 1; }
  echo "trial $i/$trials ($what): identical" >&2
  rm -rf "$out" "$out.log"
done
echo "all $trials trials identical to the uninterrupted run ($work/ref)" >&2
