#!/usr/bin/env python3
"""Whole training epochs, PyTorch against Bregman, interleaved round by round in one invocation.

PyTorch side: the MLP 784-512-512-10 (ReLU, biases), cross-entropy, the first N Fashion-MNIST training images
(pixels / 255), mini-batches in order, float32, with (a) torch.optim.SGD and (b) the q-norm SMD optimizer as
Azizan, Lale & Hassibi's code writes it (SMD_qnorm: one tensor operation at a time, psi(w) = |w|^q):

    update = q * |w|^(q-1) * sign(w) - lr * grad
    w      = |update / q|^(1/(q-1)) * sign(update)

Bregman side: `bregman bench FILE --epoch --json` (the same model, data, batch order, loss, float32 and thread
count; SGD and the generated QNorm(q) step), one JVM per round. Each round times PyTorch's two epochs (medians of
--inner epochs after a warm-up) and then Bregman's (medians of --inner rounds after two warm-up rounds); the ratios
are taken within a round, so load that drifts over minutes cancels; the table gives their median and quartiles.

Needs Debian's PyTorch (apt-get install python3-torch; run with /usr/bin/python3), the data set package
(dataset-fashion-mnist, or --data-dir) and the built CLI (./bregman builds it on first use).

    /usr/bin/python3 benchmarks/pytorch/epoch.py --rounds 5 --threads 1
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def idx_images(path, limit):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    n = min(n, limit)
    return data[16:16 + n * rows * cols], n, rows * cols


def idx_labels(path, limit):
    with gzip.open(path, "rb") as f:
        data = f.read()
    return data[8:8 + limit]


class SMD_qnorm:
    """The authors' optimizer, step for step (their torch.optim.Optimizer subclass without the bookkeeping)."""

    def __init__(self, torch, params, lr, q):
        self.torch, self.params, self.lr, self.q = torch, list(params), lr, q

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def step(self):
        torch, q = self.torch, self.q
        with torch.no_grad():
            for p in self.params:
                update = q * torch.abs(p) ** (q - 1) * torch.sign(p) - self.lr * p.grad
                p.copy_(torch.abs(update / q) ** (1 / (q - 1)) * torch.sign(update))


def torch_epochs(torch, x, y, batch, lr, q, inner):
    nn = torch.nn
    gen = torch.Generator().manual_seed(1)

    def fresh():
        net = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
        with torch.no_grad():
            for p in net.parameters():
                p.copy_(torch.randn(p.shape, generator=gen) * 0.01)
        return net

    loss_fn = nn.CrossEntropyLoss()
    times = {"sgd": [], "smd": []}
    for r in range(-1, inner):  # one warm-up epoch of each
        for kind in ("sgd", "smd"):
            net = fresh()
            opt = torch.optim.SGD(net.parameters(), lr=lr) if kind == "sgd" else SMD_qnorm(torch, net.parameters(), lr, q)
            t0 = time.perf_counter()
            for i in range(0, x.shape[0], batch):
                opt.zero_grad()
                loss = loss_fn(net(x[i:i + batch]), y[i:i + batch])
                loss.backward()
                opt.step()
            if r >= 0:
                times[kind].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def bregman_epochs(n, batch, lr, q, threads, inner):
    cmd = [os.path.join(ROOT, "bregman"), "bench", os.path.join(ROOT, "examples/potentials/qnorm.potential"), "--epoch",
           "--potential", "QNorm", "--set", "q=%g" % q, "--model", "mlp(512, 512)", "--data", "fashionMnist(limit = %d)" % n,
           "--batch", str(batch), "--lr", "%g" % lr, "--threads", str(threads), "--rounds", str(inner), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def quartiles(v):
    v = sorted(v)
    if len(v) == 1:
        return v[0], v[0], v[0]
    q = statistics.quantiles(v, n=4, method="inclusive")
    return q[0], q[1], q[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--inner", type=int, default=3, help="timed epochs per side and round")
    ap.add_argument("--n", type=int, default=2048)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--q", type=float, default=3.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    a = ap.parse_args()
    # OpenBLAS and OpenMP start their own threads unless told: hold PyTorch to --threads as Bregman is held
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(a.threads)
    try:
        import torch
    except ImportError:
        sys.exit("PyTorch is missing: apt-get install python3-torch, then run this with /usr/bin/python3")
    torch.set_num_threads(a.threads)
    pixels, n, d = idx_images(os.path.join(a.data_dir, "train-images-idx3-ubyte.gz"), a.n)
    labels = idx_labels(os.path.join(a.data_dir, "train-labels-idx1-ubyte.gz"), n)
    x = torch.frombuffer(bytearray(pixels), dtype=torch.uint8).reshape(n, d).float() / 255
    y = torch.tensor(list(labels), dtype=torch.long)
    rows = []
    backend = "?"
    for r in range(a.rounds):
        pt = torch_epochs(torch, x, y, a.batch, a.lr, a.q, a.inner)
        br = bregman_epochs(n, a.batch, a.lr, a.q, a.threads, a.inner)
        backend = br["backend"]
        b = br["epochSeconds"]
        rows.append({"torch": pt, "bregman": b})
        print("round %d: pytorch sgd %.4f s, smd %.4f s; bregman sgd %.4f s, smd %.4f s" % (r + 1, pt["sgd"], pt["smd"], b["sgd"], b["smd"]),
              file=sys.stderr)
    print("MLP 784-512-512-10, %d Fashion-MNIST images, batch %d, %d thread(s); PyTorch %s; Bregman: nd4j-native %s, sgemm network"
          % (n, a.batch, a.threads, torch.__version__, backend))
    print("%d rounds; per round the median of %d epochs per side; ratios within a round, median [quartiles] over rounds" % (a.rounds, a.inner))
    print()
    print("| epoch | seconds (median of rounds) | Bregman / PyTorch SGD | Bregman / PyTorch authors' SMD |")
    print("|---|---:|---:|---:|")
    for side, kind, label in (("torch", "sgd", "PyTorch SGD"), ("torch", "smd", "PyTorch SMD_qnorm (authors')"),
                              ("bregman", "sgd", "Bregman SGD"), ("bregman", "smd", "Bregman SMD QNorm(q = %g)" % a.q)):
        secs = statistics.median(r[side][kind] for r in rows)
        if side == "torch":
            print("| %s | %.4f | | |" % (label, secs))
            continue
        vs_sgd = quartiles([r[side][kind] / r["torch"]["sgd"] for r in rows])
        vs_smd = quartiles([r[side][kind] / r["torch"]["smd"] for r in rows])
        print("| %s | %.4f | %.2f [%.2f, %.2f] | %.2f [%.2f, %.2f] |" % (label, secs, vs_sgd[1], vs_sgd[0], vs_sgd[2], vs_smd[1], vs_smd[0], vs_smd[2]))


if __name__ == "__main__":
    main()
