#!/usr/bin/python3
"""The lesson-11 MNIST network in PyTorch, on the CPU: the peer of the DL4J timing.

Same network as course.dl4j.MnistCnn (Conv2D 32 3x3 ReLU valid, MaxPool 2x2, Dropout 0.25, Flatten,
Dense 256 ReLU, Dropout 0.5, Dense 10 softmax, categorical cross-entropy), Keras's initializers
(Glorot uniform weights, zero biases), Adam with Keras's numbers (lr 0.001, betas 0.9/0.999,
eps 1e-7), batch 64, pixels scaled to [0, 1], data read from the four IDX files (plain or .gz).

It times training steps as tools/peer_timing.py does for every peer (the process pinned to --threads CPUs;
wall time and the CPU time of the whole process per step): every step is forward, loss, backward and the
optimizer step on a batch that is already in memory (as the DL4J side does: its batches are built once).
Prints one JSON object (``--json``) or a short report: median ms per step, the epoch time that implies
(938 steps), and which BLAS the process computes with (Debian's python3-torch links the reference BLAS
unless libopenblas0-pthread is installed, about 2x slower; PyPI's torch 2.x has MKL linked in).

  /usr/bin/python3 tools/mnist_torch.py --threads 1 --steps 100
  /usr/bin/python3 tools/mnist_torch.py --threads 1 --epoch      # one full epoch and validation
  .venv.bench/bin/python tools/mnist_torch.py --json             # PyTorch 2.x of the bench environment
"""
import argparse
import json
import os
import sys
import time

import torch
from torch import nn

import mnist_idx
import peer_timing


def read_idx(directory, name, magic, dims):
    shape, body = mnist_idx.read_idx(directory, name, magic, dims, "mnist_torch")
    return torch.frombuffer(bytearray(body), dtype=torch.uint8).reshape(shape)


def load(directory, prefix):
    images = read_idx(directory, f"{prefix}-images-idx3-ubyte", 0x803, 3)
    labels = read_idx(directory, f"{prefix}-labels-idx1-ubyte", 0x801, 1)
    return images.float().div_(255.0).unsqueeze(1), labels.long()


def network():
    net = nn.Sequential(
        nn.Conv2d(1, 32, kernel_size=3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25), nn.Flatten(),
        nn.Linear(13 * 13 * 32, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10))
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)  # Keras's glorot_uniform: same fan-in/fan-out for both
            nn.init.zeros_(m.bias)
    return net


def blas_library():
    """(the BLAS this process computes with, whether it is a fast one): a shared object it has mapped after
    a matrix product (Debian's torch: the reference BLAS or OpenBLAS), else what torch was built with (the
    PyPI wheel links MKL into libtorch_cpu itself)."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    if "BLAS_INFO=mkl" in torch.__config__.show():
        return "MKL (linked into torch)", True
    found = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1] if "/" in line else ""
                base = os.path.basename(path)
                # numpy's own OpenBLAS (numpy.libs) is mapped too, but torch does not compute with it
                if ("blas" in base or "mkl" in base) and "numpy.libs" not in path:
                    found.add(os.path.realpath(path))
    except OSError:
        pass
    names = sorted(found)
    return ", ".join(names) or "none found", any("openblas" in n or "mkl" in n for n in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("COURSE_MNIST_DIR") or
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "mnist"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=100, help="timed steps (after --warmup)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--epoch", action="store_true", help="train one full epoch and validate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    peer_timing.limit_threads(args.threads)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    blas, fast_blas = blas_library()
    x_train, y_train = load(args.data, "train")
    net = network()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    batch = 64
    steps_per_epoch = (len(x_train) + batch - 1) // batch
    order = torch.randperm(len(x_train))
    # batches built once, as the DL4J side does (its MnistBatches are reused arrays)
    batches = [(x_train[order[i:i + batch]].contiguous(), y_train[order[i:i + batch]].contiguous())
               for i in range(0, len(x_train), batch)]

    def step(k):
        x, y = batches[k % steps_per_epoch]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(net(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    net.train()
    started = time.perf_counter()
    timed = peer_timing.time_steps(step, 0 if args.epoch else args.warmup, steps_per_epoch if args.epoch else args.steps)
    wall = time.perf_counter() - started
    result = {"framework": f"PyTorch {torch.__version__}", "threads": torch.get_num_threads(), "blas": blas,
              "fast_blas": fast_blas, **timed, "epoch_seconds_estimate": timed["ms_per_step_median"] * steps_per_epoch / 1000}
    if args.epoch:
        result["epoch_seconds"] = wall
        x_test, y_test = load(args.data, "t10k")
        net.eval()
        with torch.no_grad():
            out = torch.cat([net(x_test[i:i + 500]) for i in range(0, len(x_test), 500)])
        result["val_loss"] = loss_fn(out, y_test).item()
        result["val_accuracy"] = (out.argmax(1) == y_test).float().mean().item()
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value:.4g}" if isinstance(value, float) else f"{key:>24}: {value}")
        if not fast_blas:
            print("WARNING: torch is not using OpenBLAS or MKL (Debian's torch: apt-get install libopenblas0-pthread); "
                  "its times are not a fair peer", file=sys.stderr)


if __name__ == "__main__":
    main()
