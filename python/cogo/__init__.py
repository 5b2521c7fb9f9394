"""cogo: exact verification of composed global optima of 2-layer quadratic networks on Abelian group tasks
(arXiv:2410.01779), from Python.

The network: o(a, b) = V (Wa e_a + Wb e_b)^2 with Wa, Wb of shape (q, d) and V of shape (d, q), d = |G|,
trained to output e_{a+b} (PyTorch layout: Wa = layera.weight, Wb = layerb.weight, V = layerc.weight).
See docs/theory.md for the maths (section 3 potentials and the loss, section 4 the semi-ring, section 5
the blocks) and docs/ for the reports.

Quick tour::

    import cogo
    z = cogo.construct.F6(d=23)                      # an exact element (nu = 1/3 turn)
    cogo.verify(z).verdict                           # 'PROVED'
    w = cogo.construct(z)                            # NumPy arrays w.Wa, w.Wb, w.V
    report = cogo.crosscheck(w.Wa, w.Wb, w.V)        # or cogo.crosscheck(model) / (state_dict) / ("model.pt")
    report.verdict, report.to_pandas()
    run = cogo.train(d=23, width=64, steps=2000)     # the paper's trainer; run.Wa, run.metrics
    cogo.crosscheck(run).verdict

Errors: ValueError for bad input, cogo.LimitError for a resource limit, with the CLI's messages.
"""

import decimal
import json
import os

from . import _cogo
from ._cogo import Group, LimitError
from .report import CrosscheckReport, TrainResult, Verification, Weights, exact

__all__ = ["Group", "Element", "LimitError", "construct", "verify", "crosscheck", "train", "load_checkpoint", "kills",
           "Verification", "CrosscheckReport", "TrainResult", "Weights", "exact"]
__version__ = "0.1.0"

Element = _cogo.Element


def _group(group):
    if isinstance(group, Group):
        return group
    return Group(str(group))


def _parse(text, group):
    """Element.parse(text, group): evaluates a ring expression, e.g. "sum(nu(1/4)*syn)/6" (docs/theory.md section 4).

    Atoms: one, syn, nui, nu(T), xi(T[, S]), synab(T, T), u(T, T, T) with T a turn p/q, zn(R[, T]) and
    syndc(R) with R a non-zero rational (z_n(a), a = R exp(2 pi i T); z_syn with DC inputs, 3k = 0), and at a real
    frequency k = -k real1[(R[, S])] (the node (R, S R, S/R^2)) and real2[(R)] (the two-node block); operators + (sum),
    * (product), /n (c-row divided by n), @k (at frequency k), sum(...[, except K]) over the frequency pairs,
    pairsum(...) (the pairs of any group), realsum(...) (the real frequencies), conj(...), cancel(Z, B) (Z + B, B's
    nodes carrying the outputs that cancel Z's biases: z_F4/6 is
    "cancel(sum(nui*xi(1/8), except 1)/4, (nu(1/3)*syn)@1/6)"), debias(Z[, k0]) (Z + the bias node at k0).
    """
    return _cogo.parse_element(_group(group), text)


def _potential_exact(self, k1, k2, k):
    """r_{k1,k2,k}(z) exactly: a Fraction when rational, else cogo's string for the cyclotomic number."""
    return exact(self.potential(k1, k2, k))


Element.parse = staticmethod(_parse)
Element.read = staticmethod(_cogo.read_element_file)
Element.r = _potential_exact


def _turns(value):
    """A turn (or a list of turns, or signs) as cogo's comma-separated exact text; floats are refused."""
    if isinstance(value, (list, tuple)):
        return ",".join(_turns(v) for v in value)
    if isinstance(value, float):
        raise ValueError(f"parameter {value!r}: give turns exactly, as a string '1/3' or a fractions.Fraction")
    return str(value)


class _Construct:
    """cogo.construct: named exact constructions, and their real-domain weights.

    cogo.construct.F6(d=23, nu="1/3") etc. return a cogo.Element (the catalogue of `cogo construct
    --solution`); cogo.construct(element) returns the float64 weights (Wa, Wb: q x d, V: d x q) as NumPy
    arrays; cogo.construct("F46", d=11) does both in one call.
    """

    _NAMES = {"F6": "F6", "F46": "F46", "nui_synab": "nui-synab", "order4": "order4", "M": "M", "min": "min",
              "min_zero_mean": "min-zero-mean", "F6R": "F6R"}

    def element(self, solution, d=None, *, group=None, nu="1/3", xi="1/8", sign=1, alpha="1/4", beta="1/8", k0=None):
        """The named construction `solution` (F6, F46, nui-synab, order4, M, min, min-zero-mean, F6R) on Z_d or `group`."""
        if (d is None) == (group is None):
            raise ValueError("construct: give exactly one of d (for Z_d) or group")
        spec = str(d) if d is not None else _group(group).spec
        z, description, _ = _cogo.named_element(spec, self._NAMES.get(solution, solution), _turns(nu), _turns(xi),
                                                _turns(sign), _turns(alpha), _turns(beta), k0)
        z.description = description
        return z

    def __getattr__(self, name):
        if name in self._NAMES:
            def build(d=None, **kwargs):
                return self.element(name, d, **kwargs)
            build.__name__ = name
            build.__doc__ = f"The exact element z_{name} (as `cogo construct --solution {self._NAMES[name]}`)."
            return build
        raise AttributeError(name)

    def __call__(self, element, d=None, **kwargs):
        """Real-domain float64 weights of an element (or of a named construction): a cogo.Weights."""
        if isinstance(element, str):
            element = self.element(element, d, **kwargs)
        arrays = _cogo.real_weights(element)
        return Weights(arrays["Wa"], arrays["Wb"], arrays["V"], group=element.group)


construct = _Construct()


def verify(element, *, max_terms=400_000_000, symbols=None, real_symbols=None, group=None, certificate=None):
    """Decides exactly whether `element` is a global optimum of the all-pairs L2 loss (l(z) = 0).

    Returns a cogo.Verification: verdict ('PROVED', 'REFUTED', 'UNKNOWN'), loss (exact: a Fraction when
    rational), failing (number of failing conditions), counterexample (the first one, readable), reason
    (why UNKNOWN) and certificate (the JSON text, re-checkable by `cogo check-cert`; .certificate_dict()).

    With symbols=['t'] (unit-modulus parameters) and/or real_symbols=['r'], `element` is an expression
    text with parameters and group= its group: the parametric verification of `cogo verify --expr EXPR
    --symbol t` (one scalar product counts 1,000 terms against max_terms). It returns that command's JSON
    report as a dict: verdict 'PROVED' (for ALL parameter values), 'CONDITIONAL' or 'REFUTED', the residual
    conditions, and for one parameter their solution (e.g. holds 'iff t^4 = -1', roots [{order, power}]); for
    none or several, common_zeros (status 'none' = REFUTED: a constant residual or a Groebner basis {1});
    certificate= a path writes the symbolic certificate for `cogo check-cert`.
    """
    if symbols or real_symbols:
        if not isinstance(element, str) or group is None:
            raise ValueError("verify with symbols: give the expression text and group=, e.g. "
                             "cogo.verify('sum(nu(t) * syn) / 6', group=7, symbols=['t'])")
        code, text = _cogo.verify_symbolic(_group(group).spec, element, list(symbols or []),
                                           list(real_symbols or []), max_terms, str(certificate or ""))
        report = json.loads(text)
        report["exit_code"] = code
        return report
    if isinstance(element, str):
        raise ValueError("verify: give a cogo.Element (cogo.construct.F6(d=23), cogo.Element.parse(text, group=...))")
    statement = "l(z) = 0 for " + getattr(element, "description", repr(element))
    return Verification(_cogo.verify(element, max_terms, statement))


def kills(expr, *, group, symbols=None, real_symbols=None, times=None):
    """The kill table of `cogo kills --expr EXPR [--symbol ...] [--times EXPR2] --json` as a dict: per
    frequency the ten named potentials (docs/theory.md section 5), which are killed (for ALL parameter
    values), the values left, for one parameter the condition under which each left one vanishes
    ('kill_conditions'), and with times= the composition lemma checked ('composition_lemma')."""
    code, text = _cogo.kills(_group(group).spec, expr, list(symbols or []), list(real_symbols or []), times or "")
    report = json.loads(text)
    report["exit_code"] = code
    return report


def load_checkpoint(path):
    """The tensors of a torch.save checkpoint as {name: float64 array}, read without executing the pickle
    (the restricted reader of `cogo crosscheck model.pt`: tensors and plain containers only)."""
    return {name: array for name, _dtype, array in _cogo.read_checkpoint(str(path))}


def _as_numpy(value):
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu()
        if str(value.dtype) in ("torch.float16", "torch.bfloat16"):
            value = value.float()
        return value.numpy()
    return value


def _flatten(tree, prefix, depth=0):
    """(dotted name, array) of every tensor/array in nested dicts, like the checkpoint reader's names."""
    if depth > 32:
        raise ValueError("crosscheck: containers nested deeper than 32")
    for key, value in tree.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if hasattr(value, "items") and not hasattr(value, "shape"):
            yield from _flatten(value, name, depth + 1)
        elif hasattr(value, "shape"):
            yield name, _as_numpy(value)


def _weights_from(model, keys):
    """(Wa, Wb, V, source) from a state_dict, an nn.Module, a checkpoint path, a Weights or a TrainResult."""
    import os
    if isinstance(model, (Weights, TrainResult)):
        return model.Wa, model.Wb, model.V, type(model).__name__
    if isinstance(model, (str, os.PathLike)):
        named = list(load_checkpoint(model).items())
        source = str(model)
    else:
        if hasattr(model, "state_dict") and callable(model.state_dict):
            model = model.state_dict()
        if not hasattr(model, "items"):
            raise ValueError("crosscheck: give Wa, Wb, V arrays, a state_dict, an nn.Module or a checkpoint path")
        named = list(_flatten(model, ""))
        source = "state_dict"
    picked = _cogo.select_weights(named, list(keys) if keys else [])
    return picked["Wa"], picked["Wb"], picked["V"], source + ": " + picked["source"]


def crosscheck(wa, wb=None, v=None, *, group=None, keys=None, verify=True, max_terms=400_000_000, svg=True):
    """Cross-checks trained weights like `cogo crosscheck` and returns a cogo.CrosscheckReport.

    Give the weights as three arrays crosscheck(Wa, Wb, V) (Wa, Wb: q x d, V: d x q, any float dtype or torch
    tensors), or one object: a state_dict, an nn.Module, a checkpoint path (.pt), a cogo.Weights or a
    cogo.TrainResult. keys=(wa, wb, v) names the tensors of a state_dict (default: layera/layerb/layerc.weight,
    or the nn.Linear layouts). group: a cogo.Group or spec ("23", "2x3x4"); default Z_d (or the run's group).
    """
    source = "arrays"
    if wb is None and v is None:
        if isinstance(wa, TrainResult) and group is None:
            group = wa.group
        wa, wb, v, source = _weights_from(wa, keys)
    elif wb is None or v is None:
        raise ValueError("crosscheck: give all three of Wa, Wb, V (or one state_dict / model / path)")
    spec = "" if group is None else _group(group).spec
    raw = _cogo.crosscheck(spec, _as_numpy(wa), _as_numpy(wb), _as_numpy(v), bool(verify), int(max_terms), bool(svg))
    return CrosscheckReport(raw, source)


def _fraction_text(value, what):
    """A share as plain decimal digits (what --train-fraction reads): 0.9 -> '0.9', 1e-5 -> '0.00001'."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, decimal.Decimal)):
        raise ValueError(f"{what} must be a number or a decimal string, got {value!r}")
    if isinstance(value, float):
        value = decimal.Decimal(repr(value))  # the shortest decimal that reads back as this float
    return format(decimal.Decimal(value), "f")


def train(d=23, *, group=None, width=512, lr=0.01, weight_decay=5e-5, steps=10000, test_fraction=None,
          train_fraction=None, seed=1, threads=1, precision="float32", loss="mse", activation="quadratic",
          optimizer="adam", momentum=0.9, eval_every=1, batch_size=0, init_scale=1.0, gradient_path="auto",
          init=None, init_pad_scale=0.0, init_balance=False):
    """Trains the paper's network with cogo's trainer (`cogo train`; defaults = the paper's run) and returns a
    cogo.TrainResult: Wa, Wb, V (float64 NumPy arrays, PyTorch layout), metrics (dict of arrays: step,
    train_loss, train_accuracy, test_loss, test_accuracy; .metrics_frame() for pandas), curves_svg,
    gradient_path (the path the run took).

    The options are those of `cogo train`: test_fraction (default 0.1) or train_fraction (1 - F computed
    exactly from its decimal digits; not both), optimizer "adam" (coupled L2 weight decay, the paper),
    "adamw" (decoupled, torch.optim.AdamW) or "sgd" (with momentum), batch_size (0: full batch), init_scale
    (factor on PyTorch's default init), gradient_path "auto", "direct" or "all-pairs", init (a folder of
    `cogo construct` or `cogo train` to start from, padded to width with zero nodes or PyTorch's init times
    init_pad_scale; init_balance moves every node to its orbit-minimal gauge first). A bad value raises
    ValueError."""
    spec = _group(group).spec if group is not None else str(d)
    if test_fraction is not None and train_fraction is not None:
        raise ValueError("train: give test_fraction or train_fraction, not both")
    for name, value in (("width", width), ("steps", steps), ("seed", seed), ("threads", threads),
                        ("eval_every", eval_every), ("batch_size", batch_size)):
        if isinstance(value, bool) or int(value) != value or value < 0:
            raise ValueError(f"train: {name} must be a whole number >= 0, got {value!r}")
    train_text = "" if train_fraction is None else _fraction_text(train_fraction, "train: train_fraction")
    raw = _cogo.train(spec, int(width), float(lr), float(weight_decay), int(steps),
                      0.1 if test_fraction is None else float(test_fraction), train_text, int(seed), int(threads),
                      precision, loss, activation, optimizer, float(momentum), int(eval_every), int(batch_size),
                      float(init_scale), str(gradient_path), "" if init is None else os.fspath(init),
                      float(init_pad_scale), bool(init_balance))
    return TrainResult(raw)
