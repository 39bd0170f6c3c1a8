"""Peer for the MI matrix on the same row sample: the same definition (zero bin + percentile bins, plug-in MI in
bits minus (Bx-1)(By-1)/(2 N ln 2)) vectorised with numpy: per unit of A, one bincount over all units of B.
Args: a.f32 b.f32 rows p q bins [ours_mi.f64]. Prints JSON {ms, cpuMs, maxAbsDiff}."""
import json
import sys
import time

import numpy as np

a_path, b_path, n, p, q, bins = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
a = np.fromfile(a_path, dtype=np.float32).reshape(n, p).astype(np.float64)
b = np.fromfile(b_path, dtype=np.float32).reshape(n, q).astype(np.float64)
B = bins + 1


def codes(x):
    out = np.zeros(x.shape, dtype=np.int64)
    for u in range(x.shape[1]):
        col = x[:, u]
        nz = col != 0
        s = np.sort(col[nz])
        m = len(s)
        if m:
            edges = s[(np.arange(1, bins) * m) // bins]
            out[nz, u] = 1 + np.searchsorted(edges, col[nz], side="right")
    return out


def mi_matrix():
    ca, cb = codes(a), codes(b)
    out = np.empty((p, q))
    offs = (np.arange(q) * B * B)[None, :]
    cb_off = cb + offs
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(p):
            joint = np.bincount((ca[:, i:i + 1] * B + cb_off).ravel(), minlength=q * B * B).reshape(q, B, B) / n
            px = joint.sum(2, keepdims=True)
            py = joint.sum(1, keepdims=True)
            terms = np.where(joint > 0, joint * np.log2(joint / (px * py)), 0.0)
            bx = (px > 0).sum(1).ravel()
            by = (py > 0).sum(2).ravel()
            out[i] = terms.sum((1, 2)) - (bx - 1) * (by - 1) / (2 * n * np.log(2))
    return out


c0 = time.process_time()
t0 = time.perf_counter()
m = mi_matrix()
res = {"ms": (time.perf_counter() - t0) * 1000, "cpuMs": (time.process_time() - c0) * 1000}
if len(sys.argv) > 7:
    ours = np.fromfile(sys.argv[7], dtype=np.float64).reshape(p, q)
    res["maxAbsDiff"] = float(np.abs(ours - m).max())
print(json.dumps(res))
