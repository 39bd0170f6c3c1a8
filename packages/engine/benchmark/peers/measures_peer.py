"""Peer for the newer measures on the same data as ours (raw float32 files a, b: n x p, n x q):
SVCCA, PWCCA, orthogonal Procrustes and mutual kNN, each by the same definition (methods.md), timed from the loaded
float32 arrays to the number (float64 except the kNN products, float32 like ours).

Two numpy routes for the CCA measures: `svd` follows the reference code (google/svcca, anatome: SVD of the centred
data, CCA by QR + SVD), `cov` is the fastest numpy of the same definition (covariance by one GEMM, eigh per side,
SVD of the whitened cross-covariance). Args: a.f32 b.f32 n p q k [knn_images] (kNN on the first rows only).
Prints one JSON object."""
import json
import sys
import time

import numpy as np

a_path, b_path = sys.argv[1], sys.argv[2]
n, p, q, k = map(int, sys.argv[3:7])
KN = int(sys.argv[7]) if len(sys.argv) > 7 else n
A = np.fromfile(a_path, dtype=np.float32).reshape(n, p)
B = np.fromfile(b_path, dtype=np.float32).reshape(n, q)
NULL = 1e-6


def timed(fn):
    c0 = time.process_time()
    t0 = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


# ---- SVD route (reference code)
def reduce_svd(x, keep):
    xc = x.astype(np.float64)
    xc -= xc.mean(0)
    _, s, vt = np.linalg.svd(xc, full_matrices=False)
    var = s ** 2
    r = int((var > NULL * var[0]).sum())
    if keep < 1:
        r = int(np.searchsorted(np.cumsum(var[:r]) / var.sum(), keep - 1e-15) + 1)
    return xc @ vt[:r].T, xc


def cca_qr(xr, yr):
    qx, _ = np.linalg.qr(xr)
    qy, _ = np.linalg.qr(yr)
    u, rho, _ = np.linalg.svd(qx.T @ qy, full_matrices=False)
    m = min(xr.shape[1], yr.shape[1])
    return qx @ u[:, :m], np.clip(rho[:m], 0, 1)


def svcca_svd():
    xr, _ = reduce_svd(A, 0.99)
    yr, _ = reduce_svd(B, 0.99)
    return float(cca_qr(xr, yr)[1].mean())


def pwcca_svd():
    xr, xc = reduce_svd(A, 1)
    yr, _ = reduce_svd(B, 1)
    h, rho = cca_qr(xr, yr)
    w = np.abs(h.T @ xc).sum(1)
    return float((w / w.sum() * rho).sum())


# ---- covariance route (fastest numpy of the same definition)
def covariances():
    x = np.hstack([A, B]).astype(np.float64)
    x -= x.mean(0)
    c = (x.T @ x) / n
    return c[:p, :p], c[p:, p:], c[:p, p:]


def side(cov, keep):
    lam, u = np.linalg.eigh(cov)
    lam, u = lam[::-1], u[:, ::-1]
    r = int((lam > NULL * lam[0]).sum())
    if keep < 1:
        r = int(np.searchsorted(np.cumsum(lam[:r]) / lam[lam > 0].sum(), keep - 1e-15) + 1)
    return lam[:r], u[:, :r]


def cca_cov(keep, weights):
    caa, cbb, cab = covariances()
    la, ua = side(caa, keep)
    lb, ub = side(cbb, keep)
    t = (ua / np.sqrt(la)).T @ cab @ (ub / np.sqrt(lb))
    pl, rho, _ = np.linalg.svd(t, full_matrices=False)
    rho = np.clip(rho, 0, 1)
    if not weights:
        return float(rho.mean())
    loadings = (ua * np.sqrt(la)) @ pl
    w = np.abs(loadings).sum(0)
    return float((w / w.sum() * rho).sum())


def procrustes():
    x = A.astype(np.float64)
    y = B.astype(np.float64)
    x -= x.mean(0)
    y -= y.mean(0)
    x /= np.linalg.norm(x)
    y /= np.linalg.norm(y)
    return float(2 - 2 * np.linalg.svd(x.T @ y, compute_uv=False).sum())


def knn_lists(x):
    x = x[:KN]
    xc = x - x.mean(0)
    sq = np.einsum("ij,ij->i", xc, xc)
    out = np.empty((KN, k), dtype=np.int64)
    block = 2048
    for s in range(0, KN, block):
        e = min(KN, s + block)
        d = sq[None, :] - 2 * (xc[s:e] @ xc.T)
        d[np.arange(e - s), np.arange(s, e)] = np.inf
        part = np.argpartition(d, k, axis=1)[:, :k]
        order = np.argsort(np.take_along_axis(d, part, 1), axis=1, kind="stable")
        out[s:e] = np.take_along_axis(part, order, 1)
    return out


def mutual_knn():
    la, lb = knn_lists(A), knn_lists(B)
    common = sum(len(np.intersect1d(la[i], lb[i], assume_unique=True)) for i in range(KN))
    return common / (KN * k)


result = {}
for name, fn in [("svccaSvd", svcca_svd), ("svccaCov", lambda: cca_cov(0.99, False)), ("pwccaSvd", pwcca_svd), ("pwccaCov", lambda: cca_cov(1, True)),
                 ("procrustes", procrustes), ("knn", mutual_knn)]:
    if name == "knn" and "--no-knn" in sys.argv:
        continue
    value, ms, cpu = timed(fn)
    result[name] = {"value": value, "ms": ms, "cpuMs": cpu}
print(json.dumps(result))
