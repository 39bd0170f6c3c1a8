"""Peer for the .npy reading benchmark: numpy loads the file and brings it to the layout our reader yields
(row-major float32 rows; NCHW conv maps as [images*H*W, C]). Args: file.npy mode (c | f64 | fortran | nchw).
Prints JSON {ms (best of 3), checksum (float64 sum of the float32 rows)}."""
import json
import sys
import time

import numpy as np

path, mode = sys.argv[1], sys.argv[2]


def load():
    a = np.load(path)
    if mode == "nchw":
        return np.ascontiguousarray(a.transpose(0, 2, 3, 1)).reshape(-1, a.shape[1]).astype(np.float32, copy=False)
    return np.ascontiguousarray(a, dtype=np.float32)


times = []
for _ in range(3):
    t0 = time.perf_counter()
    rows = load()
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"ms": min(times), "checksum": float(rows.sum(dtype=np.float64))}))
