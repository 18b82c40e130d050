#!/usr/bin/env bash
# Benchmarks fitlab against PyTorch on the reference workload W1 (see bench/README.md) and prints a table.
# usage: bench/run.sh [EPOCHS] [REPEATS]   (default 1200 epochs, 3 repeats; width 256 runs a third of the epochs)
# Each fitlab and PyTorch run is repeated REPEATS times, interleaved, and the fastest is reported: on a shared
# machine the fastest run is the one least disturbed by other processes.
# Needs: Maven (to build), Java 17, PyTorch at /usr/bin/python3. Writes only under a temp folder it removes.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
epochs="${1:-1200}"
repeats="${2:-3}"
wide_epochs=$(( epochs / 3 ))
torch_py="${TORCH_PYTHON:-/usr/bin/python3}"
# Checkpoints go to disk (BENCH_TMP, default /tmp); W1 is also run on tmpfs (/dev/shm) when there is one, to
# separate the cost of creating a file per epoch on this machine's disk from fitlab's own work.
work="$(mktemp -d "${BENCH_TMP:-/tmp}/fitlab-bench.XXXXXX")"
shm=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then shm="$(mktemp -d /dev/shm/fitlab-bench.XXXXXX)"; fi
log="$work/stderr.log"   # the runs' stderr; shown if the script fails
trap 'rc=$?; if [ $rc -ne 0 ] && [ -s "$log" ]; then tail -40 "$log" >&2; fi; rm -rf "$work" ${shm:+"$shm"}' EXIT

./fitlab --version >/dev/null   # builds target/fitlab.jar if needed
mkdir -p target/bench
javac -d target/bench -cp target/fitlab.jar src/test/java/fitlab/bench/*.java
cp="target/fitlab.jar:target/bench"

ms() { "$torch_py" bench/epoch_ms.py "$1" "$2"; }
first() { echo "$1" | cut -d' ' -f1; }

min_of() { sort -g | head -1; }
skip=$(( epochs / 6 )); wide_skip=$(( wide_epochs / 6 ))
fitlab_run() { # dir epochs skip [--set ...] -> steady ms/epoch; keeps the run folder for the PyTorch side
  local dir=$1 n=$2 k=$3; shift 3
  rm -rf "$dir"
  ./fitlab run bench/w1.yaml --out "$dir" --set "training.epochs=$n" "$@" >/dev/null 2>>"$log"
  first "$(ms "$dir/cells/base/metrics.csv" "$k")"
}
torch_run() { # run-dir epochs threads skip -> "threads steady-ms" (writes next to run-dir)
  local out="$1-torch-$3" line
  line=$("$torch_py" bench/torch_w1.py "$1" base "$2" "$3" "$out" 2>>"$log")
  echo "$(echo "$line" | cut -d' ' -f2) $(first "$(ms "$out/metrics.csv" "$4")")"
  rm -rf "$out"
}
echo "== W1 width 64 and 256: ./fitlab run (train, 3 evals, metrics.csv, early stopping, .pth every epoch) and PyTorch" >&2
: > "$work/f64"; : > "$work/f256"; : > "$work/t64_1"; : > "$work/t64_d"; : > "$work/t256_1"; : > "$work/t256_d"
: > "$work/fshm"; : > "$work/tshm"; : > "$work/f64_1"; : > "$work/t64_2"
for rep in $(seq "$repeats"); do
  fitlab_run "$work/w1" "$epochs" "$skip" >> "$work/f64"
  fitlab_run "$work/w1-one" "$epochs" "$skip" --threads 1 >> "$work/f64_1"; rm -rf "$work/w1-one"
  fitlab_run "$work/w256" "$wide_epochs" "$wide_skip" --set 'model.hidden=[256,256]' >> "$work/f256"
  if [ -n "$shm" ]; then
    fitlab_run "$shm/w1" "$epochs" "$skip" >> "$work/fshm"
    torch_run "$shm/w1" "$epochs" 1 "$skip" >> "$work/tshm"
  fi
  torch_run "$work/w1" "$epochs" 1 "$skip" >> "$work/t64_1"
  torch_run "$work/w1" "$epochs" default "$skip" >> "$work/t64_d"
  torch_run "$work/w1" "$epochs" 2 "$skip" >> "$work/t64_2"
  torch_run "$work/w256" "$wide_epochs" 1 "$wide_skip" >> "$work/t256_1"
  torch_run "$work/w256" "$wide_epochs" default "$wide_skip" >> "$work/t256_d"
done
f64=$(min_of < "$work/f64"); f256=$(min_of < "$work/f256")
tmin() { cut -d' ' -f2 "$1" | min_of; }
tthreads() { head -1 "$1" | cut -d' ' -f1; }

echo "== fitlab epoch parts (hand-written harness, warm JIT)" >&2
parts64=$(java -cp "$cp" fitlab.bench.EpochBench bench/w1.yaml "$work/eb64" 2>>"$log")
parts256=$(java -cp "$cp" fitlab.bench.EpochBench bench/w1.yaml "$work/eb256" --set 'model.hidden=[256,256]' --epochs-per-round 20 --rounds 5 --warmup 2 2>>"$log")
kernels=$(java -cp "$cp" fitlab.bench.KernelBench 64 256 2>>"$log")
partsShm=""
if [ -n "$shm" ]; then partsShm=$(java -cp "$cp" fitlab.bench.EpochBench bench/w1.yaml "$shm/eb64" 2>>"$log" | sed 's/^EpochBench base/EpochBench base, checkpoints on tmpfs/'); fi

echo "== sweep: 4 cells of W1 (1000 epochs each), --threads 1 vs 2, wall time" >&2
wall() { # threads -> "wall-seconds training-seconds"
  local s e t; s=$(date +%s.%N); ./fitlab run bench/w1-sweep.yaml --threads "$1" --out "$work/sweep-$1" >/dev/null 2>>"$log"; e=$(date +%s.%N)
  t=$("$torch_py" bench/sweep_phases.py "$work/sweep-$1"); rm -rf "$work/sweep-$1"; echo "$(echo "$e - $s" | bc) $t"; }
sweep1=$(wall 1)
sweep2=$(wall 2)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ms/epoch = steady state (after the first sixth of the epochs), from metrics.csv's cumulative 'seconds'"
printf '%-34s %12s %18s %8s\n' workload "fitlab ms" "PyTorch ms" "ratio"
row() { printf '%-34s %12s %18s %8s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")x"; }
row "W1 64 x$epochs ep, torch 1 thread" "$f64" "$(tmin "$work/t64_1")"
row "W1 64, torch default ($(tthreads "$work/t64_d") thr)" "$f64" "$(tmin "$work/t64_d")"
row "W1 64, torch 2 threads" "$f64" "$(tmin "$work/t64_2")"
row "W1 64, fitlab --threads 1" "$(min_of < "$work/f64_1")" "$(tmin "$work/t64_1")"
row "W1 256 x$wide_epochs ep, torch 1 thread" "$f256" "$(tmin "$work/t256_1")"
row "W1 256, torch default ($(tthreads "$work/t256_d") thr)" "$f256" "$(tmin "$work/t256_d")"
if [ -n "$shm" ]; then row "W1 64 on tmpfs, torch 1 thread" "$(min_of < "$work/fshm")" "$(tmin "$work/tshm")"; fi
echo "(all runs, ms/epoch: fitlab 64: $(tr '\n' ' ' < "$work/f64")| fitlab 64 --threads 1: $(tr '\n' ' ' < "$work/f64_1")| fitlab 256: $(tr '\n' ' ' < "$work/f256")| torch 64 1thr: $(cut -d' ' -f2 "$work/t64_1" | tr '\n' ' ')| torch 256 1thr: $(cut -d' ' -f2 "$work/t256_1" | tr '\n' ' '))"
echo
echo "$parts64"
echo "$partsShm"
echo "$parts256"
echo "$kernels"
echo
echo "checkpoint share of fitlab's W1 epoch on the training thread (build the snapshot + hand-off to the writer thread) / epoch, disk and tmpfs:"
for parts in "$parts64" "$partsShm"; do
  if [ -z "$parts" ]; then continue; fi
  echo "$parts" | awk '$1=="build"||$1=="hand-off"{c+=$2} $1=="epoch"{e=$2} END{printf "  %.1f us of %.1f us = %.1f%%\n", c, e, 100*c/e}'
done
echo
w1=$(first "$sweep1"); w2=$(first "$sweep2"); tr1=$(echo "$sweep1" | cut -d' ' -f2); tr2=$(echo "$sweep2" | cut -d' ' -f2)
echo "sweep of 4 W1 cells (1000 epochs): wall --threads 1 ${w1}s, --threads 2 ${w2}s, speed-up $(ratio "$w2" "$w1")x;" \
  "training alone (first epoch-0000.pth to last summary.json) ${tr1}s and ${tr2}s, speed-up $(ratio "$tr2" "$tr1")x"
