#!/usr/bin/python3
"""Numerical search for zero-loss networks on Z_d under a symmetry or block ansatz (examples/min_width/README.md).

NUMERICAL ONLY, never a proof: nothing here is exact. It minimises the span residual
||(I - F F^+) G||^2 (F: the columns f_j(x, y) = (W_a[j, x] + W_b[j, y])^2 / 2, G: the targets g(x + y) for
the basis g = delta_i - 1/d, i = 1..d-1; V is eliminated by least squares, docs/theory.md section 5b) by
Levenberg-Marquardt with a central-difference Jacobian, over the free parameters of an ansatz:

  aut ORBITS       the node set is invariant under Aut(Z_d): each of ORBITS base nodes (W_a, W_b rows of d
                   entries) brings its images x -> g^i x (d - 1 nodes per orbit)
  conj ORBITS      invariant under x -> -x (2 nodes per orbit)
  block K1,K2,...  one node per entry, at the frequency pair {k, -k} of that entry, with DC offsets on its
                   W_a and W_b rows if the entry ends in 'd' (e.g. 1d,1,2d,2)

For a run below 1e-20 it prints the singular values of the Jacobian at the end point (the number of
near-zero ones minus the gauges tells whether the point is isolated) and, with --refine DIGITS, refines
the point by Gauss-Newton in mpmath (aut and conj only, with the gauge fixed: row mean of W_a 0,
W_a[., 1] = 1 for each base node) and prints the residual of each step.

Usage: ansatz_search.py D MODE ARG SEEDS [--dc] [--invariant-node] [--iterations N] [--refine DIGITS]
  ansatz_search.py 5 aut 2 0-5 --dc                   # seed 5: 3.0e-29, Jacobian rank 16 of 20 (isolated)
  ansatz_search.py 5 aut 2 5 --dc --refine 300        # residual 1e-15, 1e-29, 1e-59, 1e-117, 1e-234, ...
  ansatz_search.py 5 block 1d,1d,1d,1d,2d,2d,2d,2d 8 --iterations 600  # 2.3e-27
Needs numpy (and mpmath for --refine): the Debian packages python3-numpy, python3-mpmath.
"""
import argparse
import sys

import numpy as np


def generator(d):
    for g in range(2, d):
        if len({pow(g, k, d) for k in range(d - 1)}) == d - 1:
            return g
    raise SystemExit("Z_%d has no cyclic unit group generator in 2..d-1" % d)


def parse_seeds(text):
    out = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


class Ansatz:
    def __init__(self, d, mode, arg, dc, invariant_node=False):
        self.d, self.mode, self.dc, self.invariant = d, mode, dc, invariant_node
        self.x = np.arange(d)
        s = (self.x[:, None] + self.x[None, :]) % d
        self.targets = np.stack([(np.eye(d)[i] - 1.0 / d)[s].ravel() for i in range(1, d)], 1)
        if mode in ("aut", "conj"):
            self.orbits = int(arg)
            g = generator(d)
            self.mults = [pow(g, k, d) for k in range(d - 1)] if mode == "aut" else [1, d - 1]
            self.size = 2 * d * self.orbits
        elif mode == "block":
            self.spec = [(int(t.rstrip("d")), t.endswith("d")) for t in arg.split(",")]
            self.offsets = np.cumsum([0] + [6 if dc_ else 4 for _, dc_ in self.spec])
            self.size = int(self.offsets[-1])
        else:
            raise SystemExit("MODE must be aut, conj or block")
        if invariant_node:
            self.size += 2

    def nodes(self, p):
        d, x = self.d, self.x
        out = []
        if self.invariant:  # the Aut-invariant zero-mean node: rows s (d delta_0 - 1), t (d delta_0 - 1)
            u = d * np.eye(d)[0] - 1
            out.append((p[-2] * u, p[-1] * u))
            p = p[:-2]
        if self.mode in ("aut", "conj"):
            for a, b in p.reshape(self.orbits, 2, d):
                if not self.dc:
                    a, b = a - a.mean(), b - b.mean()
                for m in self.mults:
                    idx = (m * x) % d
                    out.append((a[idx], b[idx]))
        else:
            for o, (k, dc_) in enumerate(self.spec):
                w = p[self.offsets[o]:self.offsets[o + 1]]
                c, s = np.cos(2 * np.pi * k * x / d), np.sin(2 * np.pi * k * x / d)
                a, b = w[0] * c + w[1] * s, w[2] * c + w[3] * s
                out.append((a + w[4], b + w[5]) if dc_ else (a, b))
        return out

    def residual(self, p):
        f = np.stack([((a[:, None] + b[None, :]) ** 2 / 2).ravel() for a, b in self.nodes(p)], 1)
        c = np.linalg.lstsq(f, self.targets, rcond=None)[0]
        return (f @ c - self.targets).ravel()

    def jacobian(self, p, h=1e-7):
        return np.stack([(self.residual(p + h * e) - self.residual(p - h * e)) / (2 * h) for e in np.eye(p.size)], 1)


def levenberg_marquardt(ans, p, iterations):
    lam, r = 1e-3, ans.residual(p)
    loss = r @ r
    for _ in range(iterations):
        j = ans.jacobian(p)
        a, g = j.T @ j, j.T @ r
        while True:
            dp = np.linalg.solve(a + lam * np.diag(np.diag(a) + 1e-12), -g)
            r2 = ans.residual(p + dp)
            if r2 @ r2 < loss:
                p, r, loss, lam = p + dp, r2, r2 @ r2, max(lam / 3, 1e-12)
                break
            lam *= 4
            if lam > 1e12:
                return p, loss
        if loss < 1e-28:
            break
    return p, loss


def refine(ans, p, digits):
    """Gauss-Newton in mpmath on the gauge-fixed base rows (aut / conj only)."""
    import mpmath as mp

    mp.mp.dps = digits
    d = ans.d
    base = []
    for a, b in p.reshape(ans.orbits, 2, d):
        shift = a.mean()
        a, b = (a - shift) / (a[1] - shift), (b + shift) / (a[1] - shift)
        base += list(a[2:]) + list(b)
    u = mp.matrix([mp.mpf(float(t)) for t in base])
    per = 2 * d - 2

    def rows(u):
        out = []
        for o in range(ans.orbits):
            w = u[per * o:per * (o + 1)]
            a = [None, mp.mpf(1)] + [w[i] for i in range(d - 2)]
            a[0] = -sum(a[1:])
            b = [w[i] for i in range(d - 2, per)]
            for m in ans.mults:
                out.append(([a[(m * x) % d] for x in range(d)], [b[(m * x) % d] for x in range(d)]))
        return out

    def residual(u):
        nodes = rows(u)
        f = mp.matrix(d * d, len(nodes))
        for j, (a, b) in enumerate(nodes):
            for x in range(d):
                for y in range(d):
                    f[x * d + y, j] = (a[x] + b[y]) ** 2 / 2
        ftf, res = f.T * f, []
        for i in range(1, d):
            g = mp.matrix([(1 if (x + y) % d == i else 0) - mp.mpf(1) / d for x in range(d) for y in range(d)])
            r = f * mp.lu_solve(ftf, f.T * g) - g
            res += [r[k] for k in range(d * d)]
        return mp.matrix(res)

    h = mp.mpf(10) ** (-digits // 2)
    for step in range(60):
        r = residual(u)
        norm = mp.sqrt(sum(t ** 2 for t in r))
        print("  refine step %d: residual %s" % (step, mp.nstr(norm, 5)), flush=True)
        if norm < mp.mpf(10) ** (-digits + 20):
            break
        j = mp.matrix(len(r), len(u))
        for i in range(len(u)):
            e = mp.matrix(len(u), 1)
            e[i] = h
            ri = residual(u + e)
            for k in range(len(r)):
                j[k, i] = (ri[k] - r[k]) / h
        u = u + mp.lu_solve(j.T * j, -(j.T * r))
    print("  gauge-fixed coordinates (first 3):", [mp.nstr(u[i], 30) for i in range(3)])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("d", type=int)
    ap.add_argument("mode")
    ap.add_argument("arg")
    ap.add_argument("seeds")
    ap.add_argument("--dc", action="store_true", help="aut / conj: allow DC input rows (block: use 'd' entries)")
    ap.add_argument("--invariant-node", action="store_true", help="add the Aut-invariant node (rows multiples of d delta_0 - 1)")
    ap.add_argument("--iterations", type=int, default=400)
    ap.add_argument("--refine", type=int, default=0, metavar="DIGITS")
    args = ap.parse_args()
    if args.d < 3 or args.d > 31:
        raise SystemExit("d must be in 3..31")
    ans = Ansatz(args.d, args.mode, args.arg, args.dc, args.invariant_node)
    width = len(ans.nodes(np.zeros(ans.size)))
    print("Z_%d, %s %s, width %d, %d parameters" % (args.d, args.mode, args.arg, width, ans.size))
    for seed in parse_seeds(args.seeds):
        p, loss = levenberg_marquardt(ans, np.random.default_rng(seed).normal(size=ans.size), args.iterations)
        print("seed %d: residual %.3e" % (seed, loss), flush=True)
        if loss < 1e-20:
            sv = np.linalg.svd(ans.jacobian(p, 1e-6), compute_uv=False)
            print("  Jacobian singular values:", np.array2string(sv, precision=2, max_line_width=200))
            if args.refine and args.mode in ("aut", "conj") and not args.invariant_node:
                refine(ans, p, args.refine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
