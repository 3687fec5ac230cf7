"""scikit-learn's side of the threshold-sweep benchmark, on the very arrays hpo4j's side reads.

    java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.metrics.SweepData benchmarks/target/sweep-10000000.bin
    /usr/bin/python3 benchmarks/peers/sklearn_sweep.py benchmarks/target/sweep-10000000.bin

File layout (SweepData.java): n as little-endian int64, n label bytes, n float64 scores, n float64
rounded scores. Prints each function's best of 3 timings, and the values, to compare with hpo4j's.
"""
import sys
import time

import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

path = sys.argv[1]
n = int(np.fromfile(path, dtype="<i8", count=1)[0])
y = np.fromfile(path, dtype=np.uint8, count=n, offset=8).astype(bool)
scores = np.fromfile(path, dtype="<f8", count=n, offset=8 + n)
rounded = np.fromfile(path, dtype="<f8", count=n, offset=8 + n + 8 * n)
print(f"{n} scores, {int(y.sum())} positives, {len(np.unique(scores))} distinct, {len(np.unique(rounded))} distinct rounded")
for name, s in (("rounded", rounded), ("distinct", scores)):
    for f in (precision_recall_curve, roc_auc_score, average_precision_score):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            r = f(y, s)
            best = min(best, time.perf_counter() - t0)
        value = r if np.isscalar(r) else len(r[0])
        print(f"{name} {f.__name__}: {best:.2f} s (value {value})")
