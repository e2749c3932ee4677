#!/usr/bin/env bash
# nas4j on a SLURM cluster: one shard of an experiment per array task, then a merge job that starts once every
# task has succeeded. Documented in docs/cluster.md.
#
#   scripts/slurm-array.sh FILE.yaml N [OUT]     # on the login node, from anywhere
#
# submits
#   1. an array job of N tasks; task I runs   nas4j run FILE.yaml --shard I/N --out OUT --resume
#      (OUT defaults to results/<file name>; each task writes OUT/shard-I-of-N-<config hash>/)
#   2. a merge job, --dependency=afterok on the whole array, that runs
#      nas4j merge OUT OUT/shard-*-of-N-*     (OUT then holds trace.csv, runs.csv, summary.csv, run.json exactly
#                                            as an unsharded run writes them)
# If a task fails, SLURM cancels the merge job (--kill-on-invalid-dep); submit the same command again: finished
# runs are kept (--resume), so a resubmitted shard executes only its missing runs.
#
# The #SBATCH lines below are the per-task defaults; edit them for your cluster or override them on the command
# line through SBATCH_* environment variables (e.g. SBATCH_PARTITION=short, SBATCH_TIMELIMIT=2:00:00).
# Memory: a task holds the benchmark table (163 MB for the surrogate or nasbench_full, 41 MB for only108) plus
# about 200 MB; 1 GB is ample whatever the number of runs (docs/cluster.md, "Memory").
#
#SBATCH --job-name=nas4j
#SBATCH --cpus-per-task=4
#SBATCH --mem=1G
#SBATCH --time=01:00:00
#SBATCH --output=nas4j-%A_%a.out
set -euo pipefail

if [ -z "${SLURM_JOB_ID:-}" ]; then
  # ---- on the login node: build once, check the config, submit the array and the merge job
  if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 FILE.yaml N [OUT]   (N shards, one SLURM array task each, then a dependent merge job)" >&2
    exit 2
  fi
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cfg="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  n="$2"
  case "$n" in '' | *[!0-9]* | 0) echo "$0: N must be a positive integer; got '$n'" >&2; exit 2 ;; esac
  out="${3:-results/$(basename "$cfg" .yaml)}"
  out="$(mkdir -p "$out" && cd "$out" && pwd)"
  # builds target/nas4j.jar if needed (before the tasks start, so they never build concurrently) and fails here,
  # not in N tasks, if the config is wrong
  "$here/nas4j" validate "$cfg"
  export NAS4J_HOME="$here"
  array=$(sbatch --parsable --array=1-"$n" --export=ALL "$here/scripts/slurm-array.sh" shard "$cfg" "$n" "$out")
  array="${array%%;*}" # --parsable prints "jobid" or "jobid;cluster"
  merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes --cpus-per-task=1 \
    --job-name=nas4j-merge --output=nas4j-merge-%j.out --export=ALL "$here/scripts/slurm-array.sh" merge "$cfg" "$n" "$out")
  echo "submitted shards: array job $array (tasks 1-$n); merge: job ${merge%%;*} (after all tasks succeed) -> $out"
  exit 0
fi

# ---- inside a SLURM job (sbatch runs a copy of this file, so the checkout comes from NAS4J_HOME)
step="$1" cfg="$2" n="$3" out="$4"
nas4j="${NAS4J_HOME:?NAS4J_HOME is not set: submit with $0 FILE.yaml N [OUT] from a login node}/nas4j"
case "$step" in
  shard)
    exec "$nas4j" run "$cfg" --shard "$SLURM_ARRAY_TASK_ID/$n" --out "$out" --resume \
      --threads "${SLURM_CPUS_PER_TASK:-1}" --progress plain
    ;;
  merge)
    exec "$nas4j" merge "$out" "$out"/shard-*-of-"$n"-*
    ;;
  *)
    echo "$0: unknown step '$step' (shard or merge)" >&2
    exit 2
    ;;
esac
