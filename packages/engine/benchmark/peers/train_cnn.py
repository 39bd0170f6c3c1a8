"""PyTorch CPU peer of benchmark/train.bench.ts: the reference CNN, Adam, batch 128, on the same cached
MNIST-style uint8 images. Prints one JSON object: wall and CPU samples/s over the timed steps.

usage: train_cnn.py IMAGES_U8 LABELS_U8 N H W THREADS STEPS [WARMUP]
"""
import json
import os
import sys
import time

images_path, labels_path = sys.argv[1], sys.argv[2]
n, h, w, threads, steps = (int(v) for v in sys.argv[3:8])
# Size OpenMP's pool before torch starts it: torch.set_num_threads alone leaves the pool of one thread
# per core that import created, whose idle threads spin (measured with 1 "thread" on 2 cores: 135 ms
# CPU per step vs 87 ms with the pool at 1), inflating PyTorch's CPU time and any per-CPU-second ratio.
os.environ["OMP_NUM_THREADS"] = str(threads)
os.environ["MKL_NUM_THREADS"] = str(threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

warmup = int(sys.argv[8]) if len(sys.argv) > 8 else 2
torch.set_num_threads(threads)
torch.manual_seed(0)

images = torch.from_numpy(np.fromfile(images_path, dtype=np.uint8)[: n * h * w].reshape(n, 1, h, w).copy())
labels = torch.from_numpy(np.fromfile(labels_path, dtype=np.uint8)[:n].astype(np.int64))

# Same network as the tfjs benchmark (NCHW here, PyTorch's native layout).
net = nn.Sequential(
    nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * (h // 4) * (w // 4), 128), nn.ReLU(), nn.Linear(128, 10),
)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
batch = 128
gen = torch.Generator().manual_seed(1)


def step():
    idx = torch.randint(0, n, (batch,), generator=gen)
    x = images[idx].float().div_(255)
    y = labels[idx]
    opt.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    opt.step()
    return loss.item()


for _ in range(warmup):
    step()
t0, c0 = time.perf_counter(), time.process_time()
losses = [step() for _ in range(steps)]
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({
    "threads": threads, "steps": steps, "wallSeconds": wall, "cpuSeconds": cpu,
    "samplesPerSecond": steps * batch / wall, "samplesPerCpuSecond": steps * batch / cpu,
    "lastLoss": losses[-1], "torch": torch.__version__,
}))
