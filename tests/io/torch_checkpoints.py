#!/usr/bin/python3
"""Writes the PyTorch checkpoints read by tests/io/test_torch_checkpoint.cpp, with Debian's python3-torch.

Usage: torch_checkpoints.py OUTDIR [WEIGHTS_DIR]

Each NAME.pt comes with NAME.expected.npz (arrays Wa, Wb, V in float64, written by NumPy) holding the
values the reader must return. WEIGHTS_DIR (Wa.npy, Wb.npy, V.npy from `cogo construct`) becomes
construction.pt, the state_dict of the paper's model. Exits non-zero if torch is missing.
"""
import collections
import os
import sys

import numpy as np
import torch


class Paper(torch.nn.Module):
    """The paper's network: layera, layerb (d -> q) and layerc (q -> d), no biases."""

    def __init__(self, d, q, dtype=torch.float32):
        super().__init__()
        self.layera = torch.nn.Linear(d, q, bias=False, dtype=dtype)
        self.layerb = torch.nn.Linear(d, q, bias=False, dtype=dtype)
        self.layerc = torch.nn.Linear(q, d, bias=False, dtype=dtype)

    def forward(self, a, b):
        return self.layerc((self.layera(a) + self.layerb(b)) ** 2)


class Shell:
    """An object whose unpickling would run a shell command (the classic malicious pickle)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, ("touch " + self.marker,))


def expected(path, wa, wb, v):
    np.savez(path, Wa=np.asarray(wa, dtype=np.float64), Wb=np.asarray(wb, dtype=np.float64),
             V=np.asarray(v, dtype=np.float64))


def main(out, weights_dir=None):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(7)
    d, q = 5, 7
    j = lambda name: os.path.join(out, name)  # noqa: E731

    for dtype, name in ((torch.float32, "paper32"), (torch.float64, "paper64")):
        net = Paper(d, q, dtype)
        torch.save(net.state_dict(), j(name + ".pt"))
        expected(j(name + ".expected.npz"), net.layera.weight.detach().numpy(), net.layerb.weight.detach().numpy(),
                 net.layerc.weight.detach().numpy())
        if dtype == torch.float32:
            # a training checkpoint: the state_dict nested in a dict with other entries
            torch.save({"model": net.state_dict(), "epoch": 3, "lr": 1e-3, "tag": "run", "done": True,
                        "history": [1.5, None]}, j("nested.pt"))
            torch.save(net, j("module.pt"))  # a whole nn.Module: read from its __dict__
            torch.save(net.state_dict(), j("legacy.pt"), _use_new_zipfile_serialization=False)
            half = {k: t.half() for k, t in net.state_dict().items()}
            torch.save(collections.OrderedDict(half), j("paper16.pt"))
            expected(j("paper16.expected.npz"), half["layera.weight"].float().numpy(),
                     half["layerb.weight"].float().numpy(), half["layerc.weight"].float().numpy())

    # views: storage offsets, transposes, a shared storage
    big = torch.randn(q + 2, 3 * d, dtype=torch.float32)
    wa = big[1:q + 1, 2:2 + d]           # offset, row stride 3d
    wb = big[1:q + 1, d + 3:2 * d + 3]   # same storage, other offset
    v = torch.randn(q, d, dtype=torch.float32).t()  # d x q, column-major
    assert not wa.is_contiguous() and not v.is_contiguous()
    torch.save({"in_a": wa, "in_b": wb, "out": v}, j("views.pt"))
    expected(j("views.expected.npz"), wa.numpy(), wb.numpy(), v.numpy())

    # nn.Linear(2d, q) on the concatenated one-hots, then nn.Linear(q, d)
    seq = torch.nn.Sequential(torch.nn.Linear(2 * d, q, bias=False), torch.nn.Linear(q, d, bias=False))
    torch.save(seq.state_dict(), j("concat.pt"))
    w0 = seq[0].weight.detach().numpy()
    expected(j("concat.expected.npz"), w0[:, :d], w0[:, d:], seq[1].weight.detach().numpy())

    # nonzero biases: refused
    biased = torch.nn.Sequential(torch.nn.Linear(2 * d, q), torch.nn.Linear(q, d))
    torch.save(biased.state_dict(), j("biased.pt"))

    # custom names, for --keys
    torch.save({"emb_a": wa.clone(), "emb_b": wb.clone(), "unemb": v.clone(), "extra": torch.zeros(q, d)}, j("custom.pt"))

    # a malicious checkpoint: unpickling it with torch.load would run `touch MARKER`
    torch.save({"layera.weight": Shell(j("PWNED"))}, j("malicious.pt"))

    if weights_dir:
        net = Paper(int(np.load(os.path.join(weights_dir, "Wa.npy")).shape[1]),
                    int(np.load(os.path.join(weights_dir, "Wa.npy")).shape[0]), torch.float64)
        with torch.no_grad():
            net.layera.weight.copy_(torch.from_numpy(np.load(os.path.join(weights_dir, "Wa.npy"))))
            net.layerb.weight.copy_(torch.from_numpy(np.load(os.path.join(weights_dir, "Wb.npy"))))
            net.layerc.weight.copy_(torch.from_numpy(np.load(os.path.join(weights_dir, "V.npy"))))
        torch.save(net.state_dict(), j("construction.pt"))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
