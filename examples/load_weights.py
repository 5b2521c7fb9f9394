#!/usr/bin/env python3
"""Load weights exported by `cogo construct` into NumPy and run the network on every input pair.

    cogo construct --d 23 --solution F6 --out weights/
    python3 examples/load_weights.py weights/

W_a.npy and W_b.npy are q x d and V.npy is d x q: exactly PyTorch's nn.Linear(d, q).weight and
nn.Linear(q, d).weight, so `layer.weight.data = torch.from_numpy(np.load(...))` loads them into a model
o(x, y) = V @ (W_a e_x + W_b e_y)**2. Prints the loss of docs/theory.md section 1 (projected MSE over all d^2
pairs) and the accuracy; exits 1 unless the loss is below 1e-20 relative to (d-1)/d and every prediction
(argmax_m o(x, y)[m] == (x + y) mod d) is right.
"""
import sys

import numpy as np


def main(directory: str) -> int:
    wa = np.load(f"{directory}/Wa.npy")
    wb = np.load(f"{directory}/Wb.npy")
    v = np.load(f"{directory}/V.npy")
    q, d = wa.shape
    assert wb.shape == (q, d) and v.shape == (d, q), "shapes must be q x d, q x d, d x q"
    x, y = np.meshgrid(np.arange(d), np.arange(d), indexing="ij")
    x, y = x.ravel(), y.ravel()
    hidden = (wa[:, x] + wb[:, y]) ** 2          # q x d^2
    out = v @ hidden                             # d x d^2
    target = np.zeros_like(out)
    target[(x + y) % d, np.arange(d * d)] = 1.0
    residual = (out - target) - (out - target).mean(axis=0, keepdims=True)   # P (o - e)
    loss = (residual ** 2).sum(axis=0).mean()
    accuracy = (out.argmax(axis=0) == (x + y) % d).mean()
    relative = loss / ((d - 1) / d)
    print(f"d = {d}, q = {q}: loss {loss:.3e} (relative {relative:.3e}), accuracy {accuracy:.4f}")
    return 0 if relative < 1e-20 and accuracy == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
