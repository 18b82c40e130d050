#!/usr/bin/env bash
# Regenerates docs/figures/: the main figure of every lesson, drawn by fitlab's own reporter from the lesson's full
# run, so the README shows exactly the picture the lesson's report/charts holds. Deterministic: the same code, seed
# and fonts give the same pixels. Several minutes (every lesson is trained in full).
# Usage: docs/make-figures.sh [NN ...]   (from anywhere; writes docs/figures/NN-*.png; with lesson numbers only those,
#        so a busy machine can redraw one lesson at a time; FITLAB_FIGURES_RUNS=DIR keeps the full runs there)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$home/docs/figures"
if [ -n "${FITLAB_FIGURES_RUNS:-}" ]; then
  work="$FITLAB_FIGURES_RUNS"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$out"

# lesson file stem | chart in report/charts (without .png) | full or quick run
figures=(
  "01-polynomial-degree|capacity|full"
  "02-mlp-width|capacity|full"
  "03-epochs-and-early-stopping|loss-epochs=3000|full"
  "04-l2-and-l1|setting-weight_decay|full"
  "05-more-training-data|learning-curve|full"
  "06-state-dict-vs-whole-model|refactor-kind=polynomial|full"
  "07-data-augmentation|setting-copies|full"
  "08-dropout-and-eval-mode|eval-modes|full"
  "09-learning-rate|setting-lr|full"
  "10-input-scaling-and-basis|fits|full"
  "11-bias-variance|bias-variance|full"
  "12-double-descent|double-descent|full"
  "13-classification-capacity|boundaries|full"
  "14-resume-without-early-stopping|continued-base|full"
)
for entry in "${figures[@]}"; do
  IFS='|' read -r lesson chart size <<<"$entry"
  if [ $# -gt 0 ] && [[ " $* " != *" ${lesson%%-*} "* ]]; then
    continue
  fi
  run="$work/$lesson"
  rm -rf "$run"
  quick=(); [ "$size" = quick ] && quick=(--quick)
  "$home/fitlab" run "$home/experiments/$lesson.yaml" "${quick[@]}" --out "$run" --threads 2 >/dev/null
  src="$run/report/charts/$chart.png"
  [ -f "$src" ] || { echo "make-figures: $lesson has no chart $chart (charts: $(ls "$run/report/charts" | tr '\n' ' '))" >&2; exit 1; }
  cp "$src" "$out/$lesson.png"
  echo "docs/figures/$lesson.png"
done
