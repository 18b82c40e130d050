"""Steady-state milliseconds per epoch from a metrics.csv whose `seconds` column is cumulative wall time.

usage: python3 bench/epoch_ms.py METRICS_CSV [SKIP]
prints: <ms/epoch over epochs SKIP..last> <ms/epoch over all epochs>
The first SKIP epochs (default 50) are left out of the first number: they include JIT warm-up.
"""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
skip = int(sys.argv[2]) if len(sys.argv) > 2 else 50
seconds = {int(r["epoch"]): float(r["seconds"]) for r in rows}
last = max(seconds)
first = min(e for e in seconds if e >= 1)
skip = min(skip, last - 1)
steady = (seconds[last] - seconds[skip]) * 1e3 / (last - skip)
overall = (seconds[last] - seconds[first]) * 1e3 / (last - first)
print("%.3f %.3f" % (steady, overall))
