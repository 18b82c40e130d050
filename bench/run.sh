#!/usr/bin/env bash
# Benchmarks fitlab against PyTorch on the reference workload W1 (see bench/README.md) and prints a table.
# usage: bench/run.sh [EPOCHS]   (default 300; width 256 runs a third of that)
# Needs: Maven (to build), Java 17, PyTorch at /usr/bin/python3. Writes only under a temp folder it removes.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
epochs="${1:-300}"
wide_epochs=$(( epochs / 3 ))
torch_py="${TORCH_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d /tmp/fitlab-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

./fitlab --version >/dev/null   # builds target/fitlab.jar if needed
mkdir -p target/bench
javac -d target/bench -cp target/fitlab.jar src/test/java/fitlab/bench/*.java
cp="target/fitlab.jar:target/bench"

ms() { "$torch_py" bench/epoch_ms.py "$1" "$2"; }
first() { echo "$1" | cut -d' ' -f1; }

echo "== fitlab: ./fitlab run (real pipeline: train, 3 evals, metrics.csv, early stopping, .pth every epoch)" >&2
./fitlab run bench/w1.yaml --out "$work/w1" --set "training.epochs=$epochs" >/dev/null
./fitlab run bench/w1.yaml --out "$work/w256" --set 'model.hidden=[256,256]' --set "training.epochs=$wide_epochs" >/dev/null
skip=$(( epochs / 6 )); wide_skip=$(( wide_epochs / 6 ))
f64=$(ms "$work/w1/cells/base/metrics.csv" "$skip")
f256=$(ms "$work/w256/cells/base/metrics.csv" "$wide_skip")

echo "== PyTorch: same data, same initial weights, same per-epoch work, torch.save every epoch" >&2
torch_run() { # run-dir epochs threads -> "threads steady overall"
  local out="$work/torch-$(basename "$1")-$3"
  local line; line=$("$torch_py" bench/torch_w1.py "$1" base "$2" "$3" "$out")
  echo "$(echo "$line" | cut -d' ' -f2) $(ms "$out/metrics.csv" "$4")"
  rm -rf "$out"
}
t64_1=$(torch_run "$work/w1" "$epochs" 1 "$skip")
t64_d=$(torch_run "$work/w1" "$epochs" default "$skip")
t256_1=$(torch_run "$work/w256" "$wide_epochs" 1 "$wide_skip")
t256_d=$(torch_run "$work/w256" "$wide_epochs" default "$wide_skip")

echo "== fitlab epoch parts (hand-written harness, warm JIT)" >&2
parts64=$(java -cp "$cp" fitlab.bench.EpochBench bench/w1.yaml "$work/eb64")
parts256=$(java -cp "$cp" fitlab.bench.EpochBench bench/w1.yaml "$work/eb256" --set 'model.hidden=[256,256]' --epochs-per-round 20 --rounds 5 --warmup 2)
kernels=$(java -cp "$cp" fitlab.bench.KernelBench 64 256)

echo "== sweep: 4 cells of W1 (200 epochs each), --threads 1 vs 2, wall time" >&2
wall() { local s e; s=$(date +%s.%N); ./fitlab run bench/w1-sweep.yaml --threads "$1" --out "$work/sweep-$1" >/dev/null; e=$(date +%s.%N); rm -rf "$work/sweep-$1"; echo "$e - $s" | bc; }
sweep1=$(wall 1)
sweep2=$(wall 2)

ratio() { echo "scale=2; $2 / $1" | bc; }
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ms/epoch = steady state (after the first sixth of the epochs), from metrics.csv's cumulative 'seconds'"
printf '%-34s %12s %18s %8s\n' workload "fitlab ms" "PyTorch ms" "ratio"
row() { printf '%-34s %12s %18s %8s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")x"; }
row "W1 64 x$epochs ep, torch 1 thread" "$(first "$f64")" "$(echo "$t64_1" | cut -d' ' -f2)"
row "W1 64, torch default ($(first "$t64_d") thr)" "$(first "$f64")" "$(echo "$t64_d" | cut -d' ' -f2)"
row "W1 256 x$wide_epochs ep, torch 1 thread" "$(first "$f256")" "$(echo "$t256_1" | cut -d' ' -f2)"
row "W1 256, torch default ($(first "$t256_d") thr)" "$(first "$f256")" "$(echo "$t256_d" | cut -d' ' -f2)"
echo
echo "$parts64"
echo "$parts256"
echo "$kernels"
echo
echo "checkpoint share of fitlab's W1 epoch (build + serialize + write) / epoch:"
echo "$parts64" | awk '$1=="build"||$1=="serialize"||$1=="write"{c+=$2} $1=="epoch"{e=$2} END{printf "  %.1f us of %.1f us = %.1f%%\n", c, e, 100*c/e}'
echo
echo "sweep of 4 W1 cells: --threads 1 ${sweep1}s, --threads 2 ${sweep2}s, speed-up $(ratio "$sweep2" "$sweep1")x"
