#!/usr/bin/env python3
"""Whole training epochs, PyTorch against Bregman, interleaved round by round in one invocation.

PyTorch side (--model mlp, the default): the MLP 784-512-512-10 (ReLU, biases), cross-entropy, the first N
Fashion-MNIST training images (pixels / 255), mini-batches in order, float32; --model cnn: the seed's 2.2 M-parameter
CNN on Fashion-MNIST; --model resnet18: the CIFAR ResNet-18 on random images in CIFAR-10's format, a few batches.
Each with (a) torch.optim.SGD and (b) the q-norm SMD optimizer as Azizan, Lale & Hassibi's code writes it (SMD_qnorm: one tensor operation at a time, psi(w) = |w|^q):

    update = q * |w|^(q-1) * sign(w) - lr * grad
    w      = |update / q|^(1/(q-1)) * sign(update)

Bregman side: `bregman bench FILE --epoch --json` (the same model, data, batch order, loss, float32 and thread
count; SGD and the generated QNorm(q) step), one JVM per round. Each round times PyTorch's two epochs (medians of
--inner epochs after a warm-up) and then Bregman's (medians of --inner rounds after two warm-up rounds); the ratios
are taken within a round, so load that drifts over minutes cancels; the table gives their median and quartiles.

Needs Debian's PyTorch with an optimised BLAS (apt-get install python3-torch libopenblas0-pthread: without the
second, Debian's PyTorch multiplies with the reference BLAS, ~1.5 GFLOP/s; run with /usr/bin/python3), the data set package
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


def mlp(nn):
    return nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))


def cnn(nn):
    """Bregman's default `cnn`: the seed's MNIST network, 2,171,786 parameters (valid 5x5 convolutions, 2x2 pooling)."""
    return nn.Sequential(nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(1024, 2048), nn.ReLU(), nn.Linear(2048, 10))


def resnet18(nn):
    """kuangliu/pytorch-cifar's ResNet-18, the layout of Bregman's `resnet18` (11,173,962 parameters)."""
    F = nn.functional

    class Block(nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
            self.b1 = nn.BatchNorm2d(cout)
            self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
            self.b2 = nn.BatchNorm2d(cout)
            self.short = nn.Sequential()
            if stride != 1 or cin != cout:
                self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

        def forward(self, x):
            out = F.relu(self.b1(self.c1(x)))
            return F.relu(self.b2(self.c2(out)) + self.short(x))

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.c = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
            self.b = nn.BatchNorm2d(64)
            layers, cin = [], 64
            for cout, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
                layers += [Block(cin, cout, stride), Block(cout, cout, 1)]
                cin = cout
            self.layers = nn.Sequential(*layers)
            self.out = nn.Linear(512, 10)

        def forward(self, x):
            out = self.layers(F.relu(self.b(self.c(x))))
            return self.out(F.adaptive_avg_pool2d(out, 1).flatten(1))

    return Net()


MODELS = {  # name: (torch builder, Bregman's model, default images, default batch)
    "mlp": (mlp, "mlp(512, 512)", 2048, 64),
    "cnn": (cnn, "cnn", 256, 64),
    "resnet18": (resnet18, "resnet18", 256, 128),
}


def torch_epochs(torch, build, x, y, batch, lr, q, inner, warm=True):
    nn = torch.nn
    gen = torch.Generator().manual_seed(1)

    def fresh():
        net = build(nn)
        with torch.no_grad():
            for p in net.parameters():
                p.copy_(torch.randn(p.shape, generator=gen) * 0.01)
        net.train()
        return net

    loss_fn = nn.CrossEntropyLoss()
    times = {"sgd": [], "smd": []}
    for r in range(-1 if warm else 0, inner):  # one warm-up epoch of each
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


def bregman_epochs(model, data, batch, lr, q, threads, inner, warmup):
    cmd = [os.path.join(ROOT, "bregman"), "bench", os.path.join(ROOT, "examples/potentials/qnorm.potential"), "--epoch",
           "--potential", "QNorm", "--set", "q=%g" % q, "--model", model, "--data", data,
           "--batch", str(batch), "--lr", "%g" % lr, "--threads", str(threads), "--rounds", str(inner), "--warmup", str(warmup), "--json"]
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
    ap.add_argument("--model", choices=sorted(MODELS), default="mlp")
    ap.add_argument("--n", type=int, help="training images (default: 2048 for mlp, 256 for cnn and resnet18)")
    ap.add_argument("--batch", type=int, help="mini-batch size (default: 64, 128 for resnet18)")
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
    build, bregman_model, n_default, batch_default = MODELS[a.model]
    a.n = a.n or n_default
    a.batch = a.batch or batch_default
    tmp = None
    if a.model == "resnet18":
        # CIFAR-10 itself cannot be fetched here: random images in its binary format, read by both sides
        import random
        import tempfile
        tmp = tempfile.mkdtemp(prefix="bregman-cifar")
        rnd = random.Random(1)
        n = a.n
        records = bytearray()
        for _ in range(n):
            records.append(rnd.randrange(10))
            records += bytes(rnd.randrange(256) for _ in range(3072))
        with open(os.path.join(tmp, "data_batch_1.bin"), "wb") as f:
            f.write(records)
        raw = torch.frombuffer(records, dtype=torch.uint8).reshape(n, 3073)
        x = raw[:, 1:].float().reshape(n, 3, 32, 32) / 255
        y = raw[:, 0].long()
        data = 'cifar10(dir = "%s", limit = %d, test = 0)' % (tmp, n)
    else:
        pixels, n, d = idx_images(os.path.join(a.data_dir, "train-images-idx3-ubyte.gz"), a.n)
        labels = idx_labels(os.path.join(a.data_dir, "train-labels-idx1-ubyte.gz"), n)
        x = torch.frombuffer(bytearray(pixels), dtype=torch.uint8).reshape(n, d).float() / 255
        if a.model == "cnn":
            x = x.reshape(n, 1, 28, 28)
        y = torch.tensor(list(labels), dtype=torch.long)
        data = "fashionMnist(limit = %d)" % n
    rows = []
    backend = "?"
    for r in range(a.rounds):
        pt = torch_epochs(torch, build, x, y, a.batch, a.lr, a.q, a.inner, a.model != "resnet18")
        br = bregman_epochs(bregman_model, data, a.batch, a.lr, a.q, a.threads, a.inner, 0 if a.model == "resnet18" else 2)
        backend = br["backend"]
        b = br["epochSeconds"]
        rows.append({"torch": pt, "bregman": b})
        print("round %d: pytorch sgd %.4f s, smd %.4f s; bregman sgd %.4f s, smd %.4f s" % (r + 1, pt["sgd"], pt["smd"], b["sgd"], b["smd"]),
              file=sys.stderr)
    if tmp:
        import shutil
        shutil.rmtree(tmp)
    print("%s (%s, %d parameters), %d %s images, batch %d, %d thread(s); PyTorch %s; Bregman: nd4j-native %s"
          % (a.model, br["model"], br["parameters"], n, "random CIFAR-format" if tmp else "Fashion-MNIST", a.batch, a.threads,
             torch.__version__, backend))
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
