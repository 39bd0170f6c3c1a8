"""Peer for CKA: google-research's feature_space_linear_cka (linear and debiased) on the raw matrices.
Args: a.f32 b.f32 n p q. Prints JSON {ms, cpuMs, linear, debiased}."""
import json
import sys
import time

import numpy as np

a_path, b_path, n, p, q = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
x0 = np.fromfile(a_path, dtype=np.float32).reshape(n, p)
y0 = np.fromfile(b_path, dtype=np.float32).reshape(n, q)


def helper(xty, ssx, ssy, nx, ny, n):
    return xty - n / (n - 2.0) * ssx.dot(ssy) + nx * ny / ((n - 1) * (n - 2))


def cka():
    x = x0.astype(np.float64)
    y = y0.astype(np.float64)
    x = x - x.mean(0, keepdims=True)
    y = y - y.mean(0, keepdims=True)
    xy = np.linalg.norm(x.T.dot(y)) ** 2
    xx = np.linalg.norm(x.T.dot(x))
    yy = np.linalg.norm(y.T.dot(y))
    linear = xy / (xx * yy)
    ssx = np.einsum("ij,ij->i", x, x)
    ssy = np.einsum("ij,ij->i", y, y)
    nx, ny = ssx.sum(), ssy.sum()
    d_xy = helper(xy, ssx, ssy, nx, ny, n)
    d_xx = np.sqrt(helper(xx ** 2, ssx, ssx, nx, nx, n))
    d_yy = np.sqrt(helper(yy ** 2, ssy, ssy, ny, ny, n))
    return linear, d_xy / (d_xx * d_yy)


c0 = time.process_time()
t0 = time.perf_counter()
lin, deb = cka()
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "cpuMs": (time.process_time() - c0) * 1000, "linear": float(lin), "debiased": float(deb)}))
