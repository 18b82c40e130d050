#!/usr/bin/env bash
# Executes every notebook in this folder against fresh --quick fitlab runs, in real PyTorch.
# A notebook that raises makes this script exit non-zero. Needs (Debian): jupyter-nbconvert python3-ipykernel
# python3-nbclient python3-torch, e.g. apt-get install -y --no-install-recommends <those>.
# Usage: notebooks/run-all.sh [work-dir]   (default: a fresh temporary folder, removed on success)
set -euo pipefail
notebooks="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(dirname "$notebooks")"
if [ $# -ge 1 ]; then
  work="$1"; mkdir -p "$work"; keep=1
else
  work="$(mktemp -d -t fitlab-notebooks-XXXXXX)"; keep=0
fi

# Debian's Python (/usr/bin/python3) runs both nbconvert and the kernel: a python3 earlier on PATH may lack torch.
python=/usr/bin/python3
"$python" -c 'import nbconvert, nbclient, ipykernel' 2>/dev/null \
  || { echo "run-all.sh: $python lacks Jupyter: apt-get install jupyter-nbconvert python3-ipykernel python3-nbclient" >&2; exit 2; }
"$python" -c 'import torch' 2>/dev/null \
  || { echo "run-all.sh: $python has no torch: apt-get install python3-torch" >&2; exit 2; }

lesson="$home/experiments/01-polynomial-degree.yaml"
echo "== fitlab runs for the notebooks (in $work)"
"$home/fitlab" run "$lesson" --quick --out "$work/polynomial" --set checkpoint.whole_model=true >/dev/null
"$home/fitlab" run "$lesson" --quick --out "$work/mlp" \
  --set model.kind=mlp --set 'model.hidden=[32,32]' --set 'sweep.model.degree=[1]' --set training.lr=0.01 >/dev/null
# A classification run (two moons, cross-entropy) for a second pass of notebook 01: losses and accuracies.
"$home/fitlab" run "$lesson" --quick --out "$work/moons" --set data.kind=moons --set model.kind=mlp \
  --set 'model.hidden=[16]' --set 'sweep.model.degree=[1]' --set training.lr=0.01 --set training.epochs=200 \
  --set checkpoint.every=20 >/dev/null

export FITLAB_RUN="$work/polynomial" FITLAB_RUN_MLP="$work/mlp" FITLAB_NOTEBOOKS="$notebooks"
export PYDEVD_DISABLE_FILE_VALIDATION=1 OMP_NUM_THREADS=1
passed=0; failed=0
# name|notebook|FITLAB_RUN: every notebook on the defaults, then notebook 01 on the classification run
jobs=()
for nb in "$notebooks"/[0-9]*.ipynb; do
  jobs+=("$(basename "$nb" .ipynb)|$nb|$FITLAB_RUN")
done
jobs+=("01-reproduce-logged-losses-classification|$notebooks/01-reproduce-logged-losses.ipynb|$work/moons")
for job in "${jobs[@]}"; do
  IFS='|' read -r name nb run <<<"$job"
  if (cd "$notebooks" && FITLAB_RUN="$run" "$python" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
        --output-dir "$work/executed" --output "$name" "$nb" >"$work/$name.log" 2>&1); then
    echo "notebook $name: ok"; passed=$((passed + 1))
  else
    echo "notebook $name: FAILED" >&2; tail -40 "$work/$name.log" >&2; failed=$((failed + 1))
  fi
done
echo "notebooks: $passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "executed notebooks and logs kept in $work" >&2
  exit 1
fi
[ "$keep" = 1 ] || rm -rf "$work"
