"""Peer for the statistics pass: numpy corrcoef of the joint [A B] matrix (float32 input, numpy computes in float64).
Args: a.f32 b.f32 n p q [ours_rab.f64]. Prints JSON {ms, cpuMs, maxAbsDiff (vs ours, when given)}."""
import json
import sys
import time

import numpy as np

a_path, b_path, n, p, q = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
a = np.fromfile(a_path, dtype=np.float32).reshape(n, p)
b = np.fromfile(b_path, dtype=np.float32).reshape(n, q)
runs = []
for _ in range(2):
    c0 = time.process_time()
    t0 = time.perf_counter()
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.corrcoef(np.hstack([a, b]), rowvar=False)
    runs.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
wall, cpu = min(runs)
out = {"ms": wall, "cpuMs": cpu}
if len(sys.argv) > 6:
    ours = np.fromfile(sys.argv[6], dtype=np.float64).reshape(p, q)
    ref = np.nan_to_num(r[:p, p:])
    out["maxAbsDiff"] = float(np.abs(ours - ref).max())
print(json.dumps(out))
