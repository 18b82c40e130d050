#!/usr/bin/env bash
# Runs a fitlab sweep on a Slurm cluster: N array tasks (one shard each), then a merge job that starts when all of
# them have succeeded. WORK_DIR must be on a file system every node sees; the run folder is WORK_DIR/run.
#   examples/slurm/submit.sh [--wait] EXPERIMENT.yaml N WORK_DIR [fitlab run options, e.g. --set ...]
# --wait returns when the merge job has finished (its exit code is sbatch's).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wait=()
if [[ "${1:-}" == "--wait" ]]; then
  wait=(--wait)
  shift
fi
if [[ $# -lt 3 ]]; then
  echo "usage: $0 [--wait] EXPERIMENT.yaml N WORK_DIR [fitlab run options...]" >&2
  exit 2
fi
experiment="$(realpath "$1")"
n="$2"
mkdir -p "$3/logs"
work="$(realpath "$3")"
shift 3
array=$(sbatch --parsable --array="0-$((n - 1))" --output="$work/logs/shard-%a.out" \
  "$here/sweep-array.sbatch" "$experiment" "$work/shards" "$@")
array="${array%%;*}"
echo "array job $array: $n shards into $work/shards"
merge=$(sbatch --parsable "${wait[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$work/logs/merge.out" "$here/merge.sbatch" "$work/shards" "$work/run")
echo "merge job ${merge%%;*}: $work/run"
