"""Peer of benchmark/sections/spectral.ts: scikit-learn SpectralClustering on the same precomputed affinity.

usage: spectral.py corr.f64 n k
  corr.f64: the (n x n) joint correlation, row-major float64 raw little-endian (A's units first).
Timed: W = |R| with zero diagonal, then SpectralClustering(n_clusters=k, affinity='precomputed', random_state=0)
.fit (sklearn defaults: ARPACK eigen-solver, k-means with n_init=10, assign_labels='kmeans').
Printed: JSON {ms, labels, eigenSolver}.
"""
import json
import sys
import time

import numpy as np

from sklearn.cluster import SpectralClustering


def main():
    corr_path, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    R = np.fromfile(corr_path, dtype=np.float64).reshape(n, n)
    t0 = time.perf_counter()
    W = np.abs(R)
    np.fill_diagonal(W, 0.0)
    model = SpectralClustering(n_clusters=k, affinity="precomputed", random_state=0)
    labels = model.fit(W).labels_
    ms = (time.perf_counter() - t0) * 1000.0
    print(json.dumps({"ms": ms, "labels": labels.tolist(), "eigenSolver": "arpack (sklearn default)"}))


main()
