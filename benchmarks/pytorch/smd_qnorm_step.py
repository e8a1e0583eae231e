#!/usr/bin/env python3
"""The authors' q-norm SMD step in PyTorch, timed against Bregman's generated kernel on this machine.

The PyTorch step is written the way the SMD_qnorm optimizer of Azizan, Lale & Hassibi's code does it:
one tensor operation at a time, each allocating a new tensor (psi(w) = |w|^q there, so
grad psi = q |w|^(q-1) sign(w)):

    update = q * |w|^(q-1) * sign(w) - lr * g
    w      = |update / q|^(1/(q-1)) * sign(update)

Both run here, in the same session, on CPU float32 tensors of the same sizes and thread count; the
script prints nanoseconds per element (medians) and the ratios PyTorch / Bregman.

Needs Debian's PyTorch (apt-get install python3-torch; run with /usr/bin/python3) and the built CLI
(./bregman builds it on first use).

    /usr/bin/python3 benchmarks/pytorch/smd_qnorm_step.py --sizes 670k,10M --q 3 --threads 2
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def size(text):
    t = text.strip().lower()
    unit = {"k": 1_000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if unit > 1 else t) * unit)


def torch_step_ns(torch, n, q, lr, runs):
    gen = torch.Generator().manual_seed(42)
    w0 = torch.rand(n, generator=gen, dtype=torch.float32) * 1.8 - 0.9
    g = torch.rand(n, generator=gen, dtype=torch.float32) * 2 - 1
    w = w0.clone()

    def step(p):
        update = q * (torch.abs(p) ** (q - 1)) * torch.sign(p) - lr * g
        return (torch.abs(update / q) ** (1 / (q - 1))) * torch.sign(update)

    for _ in range(5):  # warm-up
        w = step(w)
    times = []
    for r in range(runs):
        if r % 5 == 0:
            w = w0.clone()
        t0 = time.perf_counter_ns()
        w = step(w)
        times.append((time.perf_counter_ns() - t0) / n)
    return statistics.median(times)


def bregman_ns(n, q, threads, runs):
    cmd = [os.path.join(ROOT, "bregman"), "bench", os.path.join(ROOT, "examples/potentials/qnorm.potential"),
           "--potential", "QNorm", "--set", "q=%g" % q, "--size", str(n), "--threads", str(threads),
           "--runs", str(runs), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    r = json.loads(out.stdout)
    return {x["kernel"]: x["nsPerElement"] for x in r["results"]}, r.get("kernelKind", "?")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="670k,10M")
    ap.add_argument("--q", type=float, default=3.0)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    try:
        import torch
    except ImportError:
        sys.exit("PyTorch is missing: apt-get install python3-torch, then run this with /usr/bin/python3")
    torch.set_num_threads(a.threads)
    print("PyTorch %s, %d thread(s), q = %g; medians of %d runs, ns per element" % (torch.__version__, a.threads, a.q, a.runs))
    print("%-10s %12s %12s %12s %12s %14s %14s" % ("size", "pytorch", "bregman smd", "bregman sgd", "copy", "pytorch/smd", "smd/sgd"))
    for s in a.sizes.split(","):
        n = size(s)
        pt = torch_step_ns(torch, n, a.q, 1e-6, a.runs)
        ours, kind = bregman_ns(n, a.q, a.threads, a.runs)
        print("%-10d %12.3f %12.3f %12.3f %12.3f %13.1fx %13.2fx   (%s)" % (
            n, pt, ours["smd"], ours["sgd"], ours["copy"], pt / ours["smd"], ours["smd"] / ours["sgd"], kind))


if __name__ == "__main__":
    main()
