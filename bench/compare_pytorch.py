#!/usr/bin/env python3
"""Side-by-side timing of `cogo train` and the PyTorch CPU reference (bench/train_pytorch.py) on the
paper's experiment: same d, q, lr, wd, split fraction and thread count; median time per optimizer step
(forward, backward, update), the ratio, and achieved GFLOP/s. The flop count of one step is the same
for both, 3 x 2 N q d for N train pairs (the three GEMMs of forward and backward); PyTorch's one-hot
input matmuls are extra work it does and are not counted.

For every thread count T both programs get T threads in every pool they have (torch.set_num_threads(T),
OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = T; cogo --threads T). Runs alternate cogo / PyTorch and are
repeated; the table shows the median over repeats of each run's median step time (wall clock), and
the median CPU time per step of the whole process (all its threads), which a loaded machine inflates far
less than wall time.

  /usr/bin/python3 bench/compare_pytorch.py --cogo build-train/src/cogo --threads 1,2 --repeats 3
  /usr/bin/python3 bench/compare_pytorch.py --cogo build/src/cogo --threads 1 --cogo-paths direct,auto

GFLOP/s counts the direct path's GEMM flops for every path (for the all-pairs path: "direct-equivalent").
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, threads):
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(threads)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out)


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cogo", default=os.path.join(HERE, "..", "build", "src", "cogo"))
    ap.add_argument("--threads", default="1,2", help="thread counts, comma-separated")
    ap.add_argument("--width", type=int, default=512)
    ap.add_argument("--ds", default="23,71,127")
    ap.add_argument("--steps", default="200,40,15", help="steps per d (comma-separated, same order as --ds)")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--wd", type=float, default=5e-5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cogo-paths", default="auto",
                    help="cogo's --gradient-path values to time, comma-separated (e.g. direct,auto): one cogo "
                         "run per path beside each PyTorch run")
    args = ap.parse_args()
    results = {}
    loads = [load()]
    for rep in range(args.repeats):
        for threads in [int(t) for t in args.threads.split(",")]:
            for d, steps in zip(args.ds.split(","), args.steps.split(",")):
                common = ["--d", d, "--width", str(args.width), "--lr", "0.01", "--wd", str(args.wd), "--steps",
                          steps, "--test-fraction", "0.1", "--seed", str(args.seed), "--threads", str(threads),
                          "--eval-every", steps]
                p = run([sys.executable, os.path.join(HERE, "train_pytorch.py"), *common], threads)
                for path in args.cogo_paths.split(","):
                    c = run([args.cogo, "train", *common, "--gradient-path", path, "--json", "--no-progress"], threads)
                    key = (threads, int(d), path)
                    entry = results.setdefault(key, {"cogo": [], "torch": [], "cogo_cpu": [], "torch_cpu": [],
                                                     "n": c["train_size"], "steps": steps,
                                                     "flops": c["gemm_flops_per_step"],
                                                     "path": c.get("gradient_path", "direct")})
                    entry["cogo"].append(c["median_step_seconds"])
                    entry["torch"].append(p["median_step_seconds"])
                    entry["cogo_cpu"].append(c["median_step_cpu_seconds"])
                    entry["torch_cpu"].append(p["median_step_cpu_seconds"])
                    print(f"repeat {rep + 1}, T={threads}, d={d}, path {path}: cogo {c['median_step_seconds'] * 1e3:.3f} ms,"
                          f" pytorch {p['median_step_seconds'] * 1e3:.3f} ms", file=sys.stderr, flush=True)
        loads.append(load())
    print(f"q = {args.width}; median over {args.repeats} repeats of the median step time; "
          f"1-min load average during the run: {' -> '.join(loads)}")
    print("| threads | d | train pairs | steps timed | cogo path | cogo ms/step | PyTorch ms/step | speed-up | "
          "cogo GFLOP/s | PyTorch GFLOP/s | cogo CPU ms/step | PyTorch CPU ms/step | CPU-time ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (threads, d, _), e in sorted(results.items()):
        c, p = statistics.median(e["cogo"]), statistics.median(e["torch"])
        cc, pc = statistics.median(e["cogo_cpu"]), statistics.median(e["torch_cpu"])
        print(f"| {threads} | {d} | {e['n']} | {e['steps']} | {e['path']} | {c * 1e3:.3f} | {p * 1e3:.3f} | {p / c:.1f}x | "
              f"{e['flops'] / c / 1e9:.1f} | {e['flops'] / p / 1e9:.1f} | {cc * 1e3:.3f} | {pc * 1e3:.3f} | "
              f"{pc / cc:.1f}x |")


if __name__ == "__main__":
    main()
