"""Training time of a finished sweep: from the first cell's epoch-0000.pth to the last cell's summary.json (file times).

usage: python3 bench/sweep_phases.py RUN_FOLDER
prints: <seconds of training, all cells>
The run's wall time also holds JVM start, data generation and the report, which no thread count shortens alike.
"""
import glob
import os
import sys

run = sys.argv[1]
starts = [os.stat(p).st_mtime for p in glob.glob(os.path.join(run, "cells", "*", "checkpoints", "epoch-0000.pth"))]
ends = [os.stat(p).st_mtime for p in glob.glob(os.path.join(run, "cells", "*", "summary.json"))]
print("%.2f" % (max(ends) - min(starts)))
