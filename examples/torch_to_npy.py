#!/usr/bin/env python3
"""Convert a PyTorch checkpoint of the 2-layer quadratic network into cogo's .npy layout.

    python3 examples/torch_to_npy.py model.pt OUT_DIR            # auto-detect the three weight matrices
    python3 examples/torch_to_npy.py model.pt OUT_DIR --wa embed_a.weight --wb embed_b.weight --v out.weight
    python3 examples/torch_to_npy.py model.pt OUT_DIR --w-in W.weight --v out.weight   # one input layer, width 2d
    cogo crosscheck OUT_DIR

Writes OUT_DIR/Wa.npy, Wb.npy (q x d) and V.npy (d x q), float64, exactly as PyTorch stores the weights of
nn.Linear(d, q) (W_a, W_b) and nn.Linear(q, d) (V): the network is o(x, y) = V (W_a e_x + W_b e_y)^2.
Two layouts are understood:
  * two input layers (q x d each) and one output layer (d x q);
  * one concatenated input layer of shape q x 2d acting on [e_x; e_y] (columns 0..d-1 are W_a, d..2d-1 W_b),
    and one output layer (d x q).
Auto-detection looks at the 2-D tensors of the state_dict (a checkpoint dict holding "state_dict" or "model"
is unwrapped): three tensors (q x d, q x d, d x q; the two input layers in state_dict order, i.e. the order of
definition in the module) or two (q x 2d, d x q). Anything else: name the tensors with the options. Bias
tensors must be absent or zero (the theory has no biases): a non-zero bias is an error.

Needs torch only to read the checkpoint (`torch.load(..., map_location="cpu")`); the .npy files are written
without NumPy. `--self-test` checks the layout logic and the .npy writer without torch.
"""
import argparse
import os
import struct
import sys
import tempfile


def write_npy(path, rows, cols, values):
    """Writes a float64 C-order rows x cols .npy file (format 1.0) from a flat list of floats."""
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }" % (rows, cols)
    total = 10 + len(header) + 1
    header += " " * ((64 - total % 64) % 64) + "\n"
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1"))
        f.write(struct.pack("<%dd" % len(values), *values))
    os.replace(tmp, path)


class Matrix:
    """A dense row-major float matrix (so the layout logic runs without torch or NumPy)."""

    def __init__(self, rows, cols, values):
        assert len(values) == rows * cols
        self.rows, self.cols, self.values = rows, cols, [float(v) for v in values]

    @staticmethod
    def from_tensor(t):
        t = t.detach().to("cpu").double().contiguous()
        if t.dim() != 2:
            raise ValueError("expected a 2-D weight, got shape %s" % (tuple(t.shape),))
        return Matrix(t.shape[0], t.shape[1], t.reshape(-1).tolist())

    def columns(self, lo, hi):
        return Matrix(self.rows, hi - lo, [self.values[i * self.cols + j] for i in range(self.rows) for j in range(lo, hi)])


def split_weights(named, wa=None, wb=None, v=None, w_in=None):
    """(W_a, W_b, V) from an ordered list of (name, Matrix) pairs (2-D tensors only)."""
    table = dict(named)
    def get(key):
        if key not in table:
            raise ValueError("no 2-D tensor named %r (have: %s)" % (key, ", ".join(table)))
        return table[key]
    if w_in is not None or (wa is None and wb is None and v is not None and len(named) == 2):
        if v is None:
            raise ValueError("--w-in needs --v")
        win, out = get(w_in) if w_in else [m for k, m in named if k != v][0], get(v)
        d = out.rows
        if win.cols != 2 * d or out.cols != win.rows:
            raise ValueError("concatenated layout needs W (q x 2d) and V (d x q); got %dx%d and %dx%d"
                             % (win.rows, win.cols, out.rows, out.cols))
        return win.columns(0, d), win.columns(d, 2 * d), out
    if wa is not None or wb is not None or v is not None:
        if None in (wa, wb, v):
            raise ValueError("give all of --wa, --wb, --v (or --w-in and --v)")
        a, b, out = get(wa), get(wb), get(v)
    elif len(named) == 3:
        (_, a), (_, b), (_, out) = named
        if not (a.rows == b.rows == out.cols and a.cols == b.cols == out.rows):
            # the output layer may come first or in the middle: pick the one of shape d x q
            shapes = [(m.rows, m.cols) for _, m in named]
            for i in range(3):
                others = [named[j][1] for j in range(3) if j != i]
                m = named[i][1]
                if all(o.rows == m.cols and o.cols == m.rows for o in others):
                    a, b, out = others[0], others[1], m
                    break
            else:
                raise ValueError("cannot recognise W_a, W_b (q x d) and V (d x q) among shapes %s" % shapes)
    elif len(named) == 2:
        (_, first), (_, second) = named
        win, out = (first, second) if first.cols == 2 * second.rows else (second, first)
        return split_weights([("w", win), ("v", out)], w_in="w", v="v")
    else:
        raise ValueError("found %d 2-D tensors (%s); name them with --wa/--wb/--v or --w-in/--v"
                         % (len(named), ", ".join(k for k, _ in named)))
    if not (a.rows == b.rows == out.cols and a.cols == b.cols == out.rows):
        raise ValueError("shapes do not fit: W_a %dx%d, W_b %dx%d, V %dx%d (need q x d, q x d, d x q)"
                         % (a.rows, a.cols, b.rows, b.cols, out.rows, out.cols))
    return a, b, out


def convert(named, out_dir, **keys):
    a, b, v = split_weights(named, **keys)
    os.makedirs(out_dir, exist_ok=True)
    for name, m in (("Wa.npy", a), ("Wb.npy", b), ("V.npy", v)):
        write_npy(os.path.join(out_dir, name), m.rows, m.cols, m.values)
    return a.rows, a.cols


def load_state_dict(path):
    import torch  # only needed here
    obj = torch.load(path, map_location="cpu")
    if isinstance(obj, dict):
        for key in ("state_dict", "model", "model_state_dict"):
            if key in obj and isinstance(obj[key], dict):
                obj = obj[key]
                break
    if hasattr(obj, "state_dict") and not isinstance(obj, dict):
        obj = obj.state_dict()
    named = []
    for k, t in obj.items():
        if not hasattr(t, "dim"):
            continue
        if t.dim() == 1 and k.endswith("bias"):
            if float(t.abs().max()) != 0.0:
                raise ValueError("tensor %s is a non-zero bias; the theory's network has no biases" % k)
            continue
        if t.dim() == 2:
            named.append((k, Matrix.from_tensor(t)))
    return named


def self_test():
    d, q = 3, 2
    wa = Matrix(q, d, [1, 2, 3, 4, 5, 6])
    wb = Matrix(q, d, [7, 8, 9, 10, 11, 12])
    v = Matrix(d, q, [0.5, -0.5, 1, -1, 2, -2])
    win = Matrix(q, 2 * d, [1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12])
    for named in ([("a", wa), ("b", wb), ("o", v)], [("o", v), ("a", wa), ("b", wb)], [("w", win), ("o", v)]):
        a, b, out = split_weights(named)
        assert a.values == wa.values and b.values == wb.values and out.values == v.values, named
    with tempfile.TemporaryDirectory() as tmp:
        convert([("a", wa), ("b", wb), ("o", v)], tmp)
        raw = open(os.path.join(tmp, "Wa.npy"), "rb").read()
        assert raw[:6] == b"\x93NUMPY" and (len(raw) - len(raw) % 64) % 64 == 0
        assert struct.unpack("<6d", raw[-48:]) == tuple(wa.values)
    try:
        split_weights([("a", wa), ("b", Matrix(q, d + 1, [0] * (q * (d + 1)))), ("o", v)])
    except ValueError:
        pass
    else:
        raise AssertionError("bad shapes accepted")
    print("torch_to_npy self-test: ok")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("checkpoint", nargs="?")
    p.add_argument("out_dir", nargs="?")
    p.add_argument("--wa"), p.add_argument("--wb"), p.add_argument("--v"), p.add_argument("--w-in", dest="w_in")
    p.add_argument("--self-test", action="store_true", help="check the layout logic without torch")
    args = p.parse_args()
    if args.self_test:
        return self_test()
    if not args.checkpoint or not args.out_dir:
        p.error("give CHECKPOINT and OUT_DIR")
    try:
        q, d = convert(load_state_dict(args.checkpoint), args.out_dir, wa=args.wa, wb=args.wb, v=args.v, w_in=args.w_in)
    except ImportError:
        print("torch_to_npy: PyTorch is not installed (pip install torch)", file=sys.stderr)
        return 2
    except ValueError as e:
        print("torch_to_npy: %s" % e, file=sys.stderr)
        return 2
    print("wrote %s/{Wa.npy, Wb.npy, V.npy}: q = %d, d = %d" % (args.out_dir, q, d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
