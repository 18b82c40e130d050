#!/usr/bin/env bash
# Benchmark fitlab's .pth writer/reader against torch.save/torch.load (PyTorch in /usr/bin/python3).
# Usage: bench/pth-bench.sh [iterations]   (not a test: prints ms per op and the torch/fitlab ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B test-compile
# The benchmark itself needs only fitlab's classes; add the dependency classpath when the (offline)
# dependency plugin can resolve it.
cp=""
if mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null 2>&1; then
  cp=":$(cat target/bench.classpath)"
fi
exec java -cp "target/classes:target/test-classes${cp}" fitlab.pth.bench.PthBench "$@"
