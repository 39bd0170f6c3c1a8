"""Peers for one-to-one matching on the same correlation matrix: numpy argmax both ways (semi-matching) and
scipy.optimize.linear_sum_assignment(maximize=True) (max-weight matching).
Args: rab.f64 p q. Prints JSON {semiMs, semiCpuMs, semiMean, lsaMs, lsaCpuMs, lsaMean, lsaTotal}."""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

path, p, q = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = np.fromfile(path, dtype=np.float64).reshape(p, q)


def best(fn, reps):
    """One untimed warm-up call, then the median-by-wall of reps runs: (wall ms, cpu ms of that run), result.
    The same protocol as the engine side (BenchContext.measure)."""
    fn()
    ts = []
    for _ in range(reps):
        c0 = time.process_time()
        t0 = time.perf_counter()
        res = fn()
        ts.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
    ts.sort()
    return ts[len(ts) // 2], res


def semi():
    m = r.argmax(1)
    rev = r.argmax(0)
    corr = r[np.arange(p), m]
    one = float(np.mean(rev[m] == np.arange(p)))
    return float(corr.mean()), one


semi_ms, (semi_mean, _) = best(semi, 5)
lsa_ms, (rows, cols) = best(lambda: linear_sum_assignment(r, maximize=True), 5)
print(json.dumps({"semiMs": semi_ms[0], "semiCpuMs": semi_ms[1], "semiMean": semi_mean,
                  "lsaMs": lsa_ms[0], "lsaCpuMs": lsa_ms[1], "lsaMean": float(r[rows, cols].mean()),
                  "lsaTotal": float(r[rows, cols].sum())}))
