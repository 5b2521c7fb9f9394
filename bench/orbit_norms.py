#!/usr/bin/env python3
"""Orbit-minimal L2 norms of the constructions (docs/theory.md section 6) at d = 5, 23, 71, from `cogo norm --json`.

Prints a Markdown table: norm of z_F6, the cyclic order-7 family, the order-8 product, z_F4/6 and z_M, and the
ratios of the single-frequency families to z_F6 next to (order / 6)^(1/3), the law norm ~ order^(1/3).
Usage: bench/orbit_norms.py [path/to/cogo]   (default build/src/cogo)
"""
import json
import subprocess
import sys

COGO = sys.argv[1] if len(sys.argv) > 1 else "build/src/cogo"
FAMILIES = [
    ("z_F6 (6 per frequency)", ["--solution", "F6"], 6),
    ("cyclic C_7(1, 3) (7)", ["--solution", "cyclic", "--q", "7", "--pairs", "1:3"], 7),
    ("z_n z_nu=i z_xi (8)", ["--solution", "order8", "--a", "1"], 8),
    ("z_F4/6", ["--solution", "F46"], None),
    ("z_M", ["--solution", "M"], None),
]


def norm(d, args):
    out = subprocess.run([COGO, "norm", "--d", str(d), "--json", *args], check=True, capture_output=True, text=True).stdout
    j = json.loads(out)
    return j["order"], j["norm"]


def main():
    print("| d | element | order | orbit-minimal norm | norm / norm(z_F6) | (q/6)^(1/3) |")
    print("|---|---|---|---|---|---|")
    for d in (5, 23, 71):
        base = None
        for name, args, per_frequency in FAMILIES:
            order, value = norm(d, args)
            if base is None:
                base = value
            ratio = f"{value / base:.6f}"
            law = f"{(per_frequency / 6) ** (1 / 3):.6f}" if per_frequency else "-"
            print(f"| {d} | {name} | {order} | {value:.2f} | {ratio} | {law} |")


if __name__ == "__main__":
    main()
