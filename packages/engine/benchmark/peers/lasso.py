"""Peer of benchmark/sections/sparse.ts: scikit-learn Lasso path on the same standardised activations.

usage: lasso.py A.f32 B.f32 n p q alphas(comma) mode [rAA.f64 rAB.f64]
  A.f32, B.f32: row-major float32 (n x p, n x q) raw little-endian.
  mode 'gram':  Lasso(alpha, fit_intercept=False, precompute=True, warm_start=True) refit for each alpha, largest
                first (the Gram matrix XᵀX is computed by sklearn inside the timed fit, as a user would run it).
  mode 'plain': the same with precompute=False (sklearn's default: coordinate descent on the n x p data).
Timed: standardising (float64, as sklearn upcasts) + the 10 fits. Printed: JSON {ms, cpuMs, mode, path: [{penalty,
meanLoss, meanNonzero, objective}] ascending}, cpuMs = process CPU time (all threads, BLAS included), where loss = FVU = mean((y − Xw)²) on standardised targets. With rAA.f64/rAB.f64 (the
engine's correlation statistics, row-major float64) the objectives are evaluated on those, so that the engine's
solution and sklearn's are compared on the same quadratic.
"""
import json
import sys
import time

import numpy as np

from sklearn.linear_model import Lasso


def main():
    a_path, b_path, n, p, q, alphas, mode = sys.argv[1:8]
    n, p, q = int(n), int(p), int(q)
    alphas = sorted((float(x) for x in alphas.split(",")), reverse=True)
    A = np.fromfile(a_path, dtype=np.float32).reshape(n, p)
    B = np.fromfile(b_path, dtype=np.float32).reshape(n, q)
    t0 = time.perf_counter()
    c0 = time.process_time()
    X = A.astype(np.float64)
    Y = B.astype(np.float64)
    for M in (X, Y):
        M -= M.mean(axis=0)
        sd = M.std(axis=0)
        sd[sd == 0] = 1.0  # dead unit: stays all zero
        M /= sd
    model = Lasso(alpha=alphas[0], fit_intercept=False, precompute=(mode == "gram"), warm_start=True)
    coefs = []
    for alpha in alphas:
        model.set_params(alpha=alpha)
        model.fit(X, Y)
        coefs.append(model.coef_.copy())  # q x p
    ms = (time.perf_counter() - t0) * 1000.0
    cpu_ms = (time.process_time() - c0) * 1000.0
    out = []
    if len(sys.argv) > 9:
        G = np.fromfile(sys.argv[8], dtype=np.float64).reshape(p, p)
        C = np.fromfile(sys.argv[9], dtype=np.float64).reshape(p, q)
    else:
        G = X.T @ X / n
        C = X.T @ Y / n
    for alpha, W in zip(alphas, coefs):
        W = W.T  # p x q
        fvu = 1.0 - 2.0 * np.einsum("jk,jk->k", W, C) + np.einsum("jk,jk->k", W, G @ W)
        obj = 0.5 * fvu + alpha * np.abs(W).sum(axis=0)
        out.append({
            "penalty": alpha,
            "meanLoss": float(fvu.mean()),
            "meanNonzero": float((W != 0).sum(axis=0).mean()),  # W is p x q: non-zeros per target
            "objective": obj.tolist(),
        })
    print(json.dumps({"ms": ms, "cpuMs": cpu_ms, "mode": mode, "path": out[::-1]}))


main()
