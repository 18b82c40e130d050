#!/usr/bin/env bash
# Whole lessons: `./fitlab run LESSON` as one process against bench/torch_lessons.py (PyTorch + matplotlib doing the
# same work on the same data from the same initial weights; what it does and leaves out is written at its top).
# usage: bench/lessons.sh [REPEATS] [LESSON...]   (default 3 repeats of lessons 01 02 05 13; BENCH_QUICK=1 adds --quick)
# Runs are interleaved (fitlab, torch, fitlab, torch, ...) and the median of each is printed with the ratios, wall
# and CPU (user+sys of the whole process tree, from /usr/bin/time). Then, for each lesson: `fitlab report` alone on
# the finished run folder (twice: the first after the run, the second reusing the recorded reload check) and the
# phases of the last fitlab run from its own files' timestamps: start-up (process start to command.txt), data
# (to fingerprint.json), training (to summary.csv) and report (to report/index.html).
# Wall time depends on what else the machine runs: the load average is printed with every table.
# Needs: Maven and Java 17 (to build), /usr/bin/python3 with torch, matplotlib and yaml. Writes under a temp folder
# it removes.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
repeats="${1:-3}"
shift || true
lessons=("$@")
[ ${#lessons[@]} -gt 0 ] || lessons=(01 02 05 13)
quick=()
[ -n "${BENCH_QUICK:-}" ] && quick=(--quick)
torch_py="${TORCH_PYTHON:-/usr/bin/python3}"
work="$(mktemp -d "${BENCH_TMP:-/tmp}/fitlab-lessons.XXXXXX")"
log="$work/stderr.log"
trap 'rc=$?; if [ $rc -ne 0 ] && [ -s "$log" ]; then tail -40 "$log" >&2; fi; rm -rf "$work"' EXIT

./fitlab --version >/dev/null   # builds target/fitlab.jar (and its CDS archive) if needed

# timed CMD... -> appends "wall cpu" to $out; the command's output goes to the log
timed() {
  local out=$1; shift
  /usr/bin/time -o "$work/t" -f '%e %U %S' "$@" >>"$log" 2>&1
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/t" >> "$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { cut -d' ' -f"$1" "$2" | median; }
mtime() { stat -c %.Y "$1"; }

lesson_file() { ls experiments/"$1"-*.yaml | head -1; }

printf '%s\n' "load before: $(uptime | sed 's/.*load average: //')"
printf '%-28s %9s %9s %9s %9s %8s %8s\n' lesson fitlab-s torch-s fitlab-cpu torch-cpu wall-x cpu-x
for l in "${lessons[@]}"; do
  yaml="$(lesson_file "$l")"
  name="$(basename "$yaml" .yaml)"
  : > "$work/$l.f"; : > "$work/$l.t"
  for rep in $(seq "$repeats"); do
    # earlier repeats' folders are moved aside, not deleted, until the end: on an ext4 without a journal (this VM's)
    # an inode freed less than 30 s ago is skipped one by one at every file creation, so deleting the last run's
    # 1 800 checkpoints charged the next run of either tool for them (lesson 01: 0.25-0.35 sys-s and 0.15 s wall a run)
    [ -e "$work/$l-run" ] && mv "$work/$l-run" "$work/old-$l-run-$rep"
    start=$(date +%s.%N)
    timed "$work/$l.f" ./fitlab run "$yaml" ${quick[@]+"${quick[@]}"} --out "$work/$l-run"
    echo "$start" > "$work/$l.start"
    [ -e "$work/$l-torch" ] && mv "$work/$l-torch" "$work/old-$l-torch-$rep"
    timed "$work/$l.t" "$torch_py" bench/torch_lessons.py "$work/$l-run" "$work/$l-torch"
  done
  fw=$(col 1 "$work/$l.f"); tw=$(col 1 "$work/$l.t"); fc=$(col 2 "$work/$l.f"); tc=$(col 2 "$work/$l.t")
  printf '%-28s %9.2f %9.2f %9.2f %9.2f %8.2f %8.2f\n' "$name" "$fw" "$tw" "$fc" "$tc" \
    "$(echo "$tw / $fw" | bc -l)" "$(echo "$tc / $fc" | bc -l)"
done
printf '%s\n' "load after: $(uptime | sed 's/.*load average: //')"
echo "(x = torch time / fitlab time: above 1, fitlab is faster; medians of $repeats interleaved runs)"

echo
printf '%-28s %8s %8s %8s %8s   %s\n' lesson start-up data training report '(last fitlab run, s wall)'
for l in "${lessons[@]}"; do
  r="$work/$l-run"
  s=$(cat "$work/$l.start")
  c=$(mtime "$r/command.txt"); d=$(mtime "$r/fingerprint.json"); t=$(mtime "$r/summary.csv"); e=$(mtime "$r/report/index.html")
  printf '%-28s %8.2f %8.2f %8.2f %8.2f\n' "$(basename "$(lesson_file "$l")" .yaml)" \
    "$(echo "$c - $s" | bc -l)" "$(echo "$d - $c" | bc -l)" "$(echo "$t - $d" | bc -l)" "$(echo "$e - $t" | bc -l)"
done

echo
printf '%-28s %10s %10s %10s %10s %8s\n' lesson report-s report-cpu again-s again-cpu size-MB
for l in "${lessons[@]}"; do
  r="$work/$l-run"
  : > "$work/$l.r1"; : > "$work/$l.r2"
  rm -f "$r/report/reload-check.json"
  timed "$work/$l.r1" ./fitlab report "$r"
  timed "$work/$l.r2" ./fitlab report "$r"
  printf '%-28s %10.2f %10.2f %10.2f %10.2f %8.1f\n' "$(basename "$(lesson_file "$l")" .yaml)" \
    "$(col 1 "$work/$l.r1")" "$(col 2 "$work/$l.r1")" "$(col 1 "$work/$l.r2")" "$(col 2 "$work/$l.r2")" \
    "$(du -sk "$r/report" | awk '{print $1 / 1024}')"
done
echo "(report-s: with the reload check; again-s: a second report reusing report/reload-check.json)"

echo
: > "$work/v"; : > "$work/list"
for i in 1 2 3 4 5; do timed "$work/v" ./fitlab --version; timed "$work/list" ./fitlab list; done
printf 'start-up (median of 5, CDS archive warm): fitlab --version %.2f s wall %.2f s cpu; fitlab list %.2f s wall %.2f s cpu\n' \
  "$(col 1 "$work/v")" "$(col 2 "$work/v")" "$(col 1 "$work/list")" "$(col 2 "$work/list")"
printf '%s\n' "load at the end: $(uptime | sed 's/.*load average: //')"
