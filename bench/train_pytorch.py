#!/usr/bin/env python3
"""PyTorch CPU reference for `cogo train`: the paper's experiment (docs/theory.md section 7) written the
plain PyTorch way, as the paper's code does it: one-hot inputs, nn.Linear(d, q) twice, square,
nn.Linear(q, d), projected MSE loss, full-batch torch.optim.Adam (coupled weight decay), default init.

Times each optimizer step (zero_grad, forward, loss, backward, step) and prints a JSON summary with
the median step time; test metrics are computed every --eval-every steps outside the timed region.
Run with Debian's python3-torch: /usr/bin/python3 bench/train_pytorch.py --d 23 --steps 300
"""
import argparse
import json
import math
import statistics
import time

import torch


def projected_mse(out, target_onehot):
    r = out - target_onehot
    r = r - r.mean(dim=1, keepdim=True)  # P = I - 11^T/d
    return (r * r).sum(dim=1).mean()


class Net(torch.nn.Module):
    def __init__(self, d, q, relu=False):
        super().__init__()
        self.wa = torch.nn.Linear(d, q, bias=False)
        self.wb = torch.nn.Linear(d, q, bias=False)
        self.v = torch.nn.Linear(q, d, bias=False)
        self.relu = relu

    def forward(self, xa, xb):
        pre = self.wa(xa) + self.wb(xb)
        h = torch.relu(pre) if self.relu else pre * pre
        return self.v(h)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--d", type=int, default=23)
    ap.add_argument("--width", type=int, default=512)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--wd", type=float, default=5e-5)
    ap.add_argument("--steps", type=int, default=10000)
    ap.add_argument("--test-fraction", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--eval-every", type=int, default=1)
    ap.add_argument("--float64", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    dtype = torch.float64 if args.float64 else torch.float32
    d, q = args.d, args.width
    x = torch.arange(d).repeat_interleave(d)
    y = torch.arange(d).repeat(d)
    target = (x + y) % d
    perm = torch.randperm(d * d)
    n_test = int(math.floor(args.test_fraction * d * d))
    test, train = perm[:n_test], perm[n_test:]
    eye = torch.eye(d, dtype=dtype)
    xa, xb, t = eye[x[train]], eye[y[train]], eye[target[train]]
    txa, txb, tt = eye[x[test]], eye[y[test]], target[test]

    model = Net(d, q).to(dtype)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.wd)
    times, cpu_times, rows = [], [], []
    for step in range(args.steps + 1):
        start, cpu_start = time.perf_counter(), time.process_time()
        opt.zero_grad()
        out = model(xa, xb)
        loss = projected_mse(out, t)
        if step < args.steps:
            loss.backward()
            opt.step()
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
        if step % args.eval_every == 0 or step == args.steps:
            with torch.no_grad():
                train_acc = (out.argmax(dim=1) == target[train]).double().mean().item()
                test_loss = test_acc = float("nan")
                if n_test:
                    tout = model(txa, txb)
                    test_loss = projected_mse(tout, eye[tt]).item()
                    test_acc = (tout.argmax(dim=1) == tt).double().mean().item()
            rows.append((step, loss.item(), train_acc, test_loss, test_acc))
    first_perfect = -1
    for r in rows:
        if r[4] == 1.0:
            first_perfect = r[0] if first_perfect < 0 else first_perfect
        else:
            first_perfect = -1
    n_train = len(train)
    last = rows[-1]
    print(json.dumps({
        "implementation": "pytorch " + torch.__version__,
        "group": str(d), "width": q, "steps": args.steps, "threads": args.threads,
        "train_size": n_train, "test_size": n_test,
        "final": {"train_loss": last[1], "train_accuracy": last[2], "test_loss": last[3], "test_accuracy": last[4]},
        "first_perfect_test_step": first_perfect,
        "median_step_seconds": statistics.median(times) if times else 0.0,
        "median_step_cpu_seconds": statistics.median(cpu_times) if cpu_times else 0.0,
        "gemm_flops_per_step": 6.0 * n_train * q * d,
    }, indent=2))


if __name__ == "__main__":
    main()
