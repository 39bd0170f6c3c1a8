"""Whole-process peer of benchmark/sections/whole-process.ts: what a numpy/scipy/sklearn user runs for
`convergent align A.npy B.npy --method M`, timed by the caller from process start to exit (interpreter start,
imports, np.load, statistics, method).

usage: align_process_peer.py A.npy B.npy METHOD [CLUSTERS] [PENALTIES]
  hungarian: C = np.corrcoef(A, B, rowvar=False)[:p, p:]; scipy linear_sum_assignment(C, maximize=True)
  spectral:  R = np.corrcoef([A B]); W = |R|, zero diagonal; SpectralClustering(k, affinity='precomputed',
             random_state=0).fit(W)
  cka:       linear CKA as numpy users write it (float64, centred): |XᵀY|_F² / (|XᵀX|_F |YᵀY|_F)
  sparse:    standardise A, B (float64); Lasso(alpha, fit_intercept=False, precompute=True, warm_start=True) on all of
             B's units at once, for each penalty largest first
Prints JSON {summary} (the caller compares it with ours).
"""
import json
import sys

import numpy as np

a_path, b_path, method = sys.argv[1], sys.argv[2], sys.argv[3]
A = np.load(a_path)
B = np.load(b_path)
p = A.shape[1]
with np.errstate(invalid="ignore", divide="ignore"):
    if method == "hungarian":
        from scipy.optimize import linear_sum_assignment

        C = np.nan_to_num(np.corrcoef(A, B, rowvar=False)[:p, p:])
        rows, cols = linear_sum_assignment(C, maximize=True)
        print(json.dumps({"meanCorr": float(C[rows, cols].mean())}))
    elif method == "cka":
        X = A.astype(np.float64)
        Y = B.astype(np.float64)
        X -= X.mean(axis=0)
        Y -= Y.mean(axis=0)
        linear = np.linalg.norm(X.T @ Y) ** 2 / (np.linalg.norm(X.T @ X) * np.linalg.norm(Y.T @ Y))
        print(json.dumps({"linear": float(linear)}))
    elif method == "spectral":
        from sklearn.cluster import SpectralClustering

        k = int(sys.argv[4])
        W = np.abs(np.nan_to_num(np.corrcoef(A, B, rowvar=False)))
        np.fill_diagonal(W, 0.0)
        labels = SpectralClustering(n_clusters=k, affinity="precomputed", random_state=0).fit(W).labels_
        print(json.dumps({"clusters": int(len(set(labels.tolist())))}))
    elif method == "sparse":
        from sklearn.linear_model import Lasso

        alphas = sorted((float(x) for x in sys.argv[5].split(",")), reverse=True)
        X = A.astype(np.float64)
        Y = B.astype(np.float64)
        for M in (X, Y):
            M -= M.mean(axis=0)
            sd = M.std(axis=0)
            sd[sd == 0] = 1.0
            M /= sd
        model = Lasso(alpha=alphas[0], fit_intercept=False, precompute=True, warm_start=True)
        nonzero = []
        for alpha in alphas:
            model.set_params(alpha=alpha)
            model.fit(X, Y)
            nonzero.append(float((model.coef_ != 0).sum(axis=1).mean()))
        print(json.dumps({"meanNonzero": nonzero}))
    else:
        raise SystemExit(f"unknown method {method}")
