#!/usr/bin/env python3
"""Side-by-side timing of `cogo train` and the PyTorch CPU reference (bench/train_pytorch.py) on the
paper's experiment: same d, q, lr, wd, split fraction, thread count; median time per optimizer step,
ratio, and achieved GFLOP/s (GEMM flops of one step: 3 x 2 N q d for N train pairs, counted the same
way for both; PyTorch's one-hot input matmuls are extra work it does but are not counted).

  /usr/bin/python3 bench/compare_pytorch.py --cogo build-train/src/cogo --threads 2
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, env):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cogo", default=os.path.join(HERE, "..", "build", "src", "cogo"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--width", type=int, default=512)
    ap.add_argument("--ds", default="23,71,127")
    ap.add_argument("--steps", default="300,100,40", help="steps per d (comma-separated, same order as --ds)")
    ap.add_argument("--wd", type=float, default=5e-5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    env = dict(os.environ)
    # Both sides get the same number of threads, in every thread pool they have.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(args.threads)
    rows = []
    for d, steps in zip(args.ds.split(","), args.steps.split(",")):
        common = ["--d", d, "--width", str(args.width), "--lr", "0.01", "--wd", str(args.wd), "--steps", steps,
                  "--test-fraction", "0.1", "--seed", str(args.seed), "--threads", str(args.threads),
                  "--eval-every", steps]
        c = run([args.cogo, "train", *common, "--json", "--no-progress"], env)
        p = run([sys.executable, os.path.join(HERE, "train_pytorch.py"), *common], env)
        flops = c["gemm_flops_per_step"]
        rows.append((d, c["train_size"], steps, c["median_step_seconds"], p["median_step_seconds"], flops))
        print(f"d={d}: cogo {c['median_step_seconds']*1e3:.3f} ms, pytorch {p['median_step_seconds']*1e3:.3f} ms",
              file=sys.stderr, flush=True)
    print(f"threads = {args.threads}, q = {args.width}")
    print("| d | train pairs | steps timed | cogo ms/step | PyTorch ms/step | speed-up | cogo GFLOP/s | PyTorch GFLOP/s |")
    print("|---|---|---|---|---|---|---|---|")
    for d, n, steps, c, p, flops in rows:
        print(f"| {d} | {n} | {steps} | {c*1e3:.3f} | {p*1e3:.3f} | {p/c:.2f}x | {flops/c/1e9:.1f} | {flops/p/1e9:.1f} |")


if __name__ == "__main__":
    main()
