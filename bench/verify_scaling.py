#!/usr/bin/env python3
"""Scaling of exact verification: `cogo verify` and `cogo check-cert` for the paper's constructions.

For every modulus d and construction it runs `cogo verify --d D --solution S --json --certificate F`
REPEAT times, then `cogo check-cert F --json` REPEAT times, and reports medians of
  * wall: the whole process (start-up, construction, verification, certificate writing),
  * verify: the verification alone (cogo's own clock, `seconds_verify`),
  * peak: peak resident memory of the verify process (MiB, cogo's own report),
  * check: the independent certificate checker's wall time,
and the ratio of each wall median to the baseline (d = 23, F6) measured in the same run.

Usage: bench/verify_scaling.py [--cogo build/src/cogo] [--repeat 5] [--d 23,127,255,511,1001]
       [--solutions F6,F46,nui-synab,order4] [--memorisation 7,11,15] [--markdown]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_json(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"verify_scaling: {' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()}")
    return wall, json.loads(proc.stdout), proc.returncode


def measure(cogo, d, solution, repeat, tmp):
    cert = os.path.join(tmp, f"cert_{solution}_{d}.json")
    walls, verifies, peaks = [], [], []
    verdict = order = conditions = None
    for _ in range(repeat):
        wall, out, _ = run_json([cogo, "verify", "--d", str(d), "--solution", solution, "--json", "--certificate", cert])
        walls.append(wall)
        verifies.append(out["seconds_verify"])
        peaks.append(out["peak_memory_mib"])
        verdict, order, conditions = out["verdict"], out["order"], out["conditions"]
    checks = []
    for _ in range(repeat):
        wall, out, code = run_json([cogo, "check-cert", cert, "--json"])
        if code != 0:
            sys.exit(f"verify_scaling: check-cert rejected the certificate of {solution} at d = {d}")
        checks.append(wall)
    size = os.path.getsize(cert)
    os.remove(cert)
    return {
        "d": d, "solution": solution, "verdict": verdict, "order": order, "conditions": conditions,
        "wall": statistics.median(walls), "verify": statistics.median(verifies),
        "peak": statistics.median(peaks), "check": statistics.median(checks), "cert_kib": size / 1024,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cogo", default="build/src/cogo")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--d", default="23,127,255,511,1001")
    ap.add_argument("--solutions", default="F6,F46,nui-synab,order4")
    ap.add_argument("--memorisation", default="7,11,15", help="moduli for z_M (O(d^5) work)")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    if not os.access(args.cogo, os.X_OK):
        sys.exit(f"verify_scaling: {args.cogo} is not an executable (build first: ./cogo.sh build)")

    cases = [(int(d), s) for d in args.d.split(",") for s in args.solutions.split(",")]
    cases += [(int(d), "M") for d in args.memorisation.split(",") if d]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        baseline = measure(args.cogo, 23, "F6", args.repeat, tmp)
        for i, (d, s) in enumerate(cases, 1):
            print(f"[{i}/{len(cases)}] d = {d}, {s}", file=sys.stderr, flush=True)
            rows.append(measure(args.cogo, d, s, args.repeat, tmp))
    head = ("d", "solution", "order", "conditions", "verdict", "wall s", "verify s", "x baseline",
            "peak MiB", "check-cert s", "cert KiB")
    lines = []
    if args.markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
    else:
        lines.append("  ".join(head))
    for r in rows:
        cells = (str(r["d"]), r["solution"], str(r["order"]), str(r["conditions"]), r["verdict"],
                 f"{r['wall']:.3f}", f"{r['verify']:.4f}", f"{r['wall'] / baseline['wall']:.1f}",
                 f"{r['peak']:.1f}", f"{r['check']:.3f}", f"{r['cert_kib']:.0f}")
        lines.append(("| " + " | ".join(cells) + " |") if args.markdown else "  ".join(cells))
    print(f"baseline: cogo verify --d 23 --solution F6, median wall {baseline['wall']:.4f} s over {args.repeat} runs")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
