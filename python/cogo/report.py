"""Result objects of the cogo Python module: verdicts, weights, cross-check reports, training runs."""
import html as _html
import json as _json
from fractions import Fraction as _Fraction


def exact(text):
    """An exact number as printed by cogo: a fractions.Fraction when rational ("3/23"), else the string."""
    if text is None:
        return None
    try:
        return _Fraction(text)
    except (ValueError, ZeroDivisionError):
        return text


class Verification:
    """The exact verdict on one element (cogo.verify).

    verdict: 'PROVED' (a global optimum: every condition holds exactly), 'REFUTED' or 'UNKNOWN' (a work limit);
    loss: the exact loss l(z) (Fraction when rational, else cogo's string); failing: number of failing
    conditions; counterexample: the first failing condition, readable; conditions: how many were decided;
    reason: why UNKNOWN; certificate: the JSON certificate text (None if UNKNOWN), see certificate_dict().
    """

    def __init__(self, raw):
        self.verdict = raw["verdict"]
        self.loss_text = raw["loss"]
        self.loss = exact(raw["loss"])
        self.failing = raw["failing"]
        self.conditions = raw["conditions"]
        self.counterexample = raw["counterexample"]
        self.reason = raw["reason"]
        self.work = raw["work"]
        self.certificate = raw["certificate"]

    @property
    def proved(self):
        """True iff the verdict is PROVED."""
        return self.verdict == "PROVED"

    def __bool__(self):
        return self.proved

    def certificate_dict(self):
        """The certificate as a dict (None if UNKNOWN)."""
        return None if self.certificate is None else _json.loads(self.certificate)

    def __repr__(self):
        extra = f", first failing: {self.counterexample}" if self.counterexample else ""
        extra += f", {self.reason}" if self.reason else ""
        return f"<Verification {self.verdict}, exact loss {self.loss_text}, {self.failing} failing{extra}>"


class Weights:
    """Real-domain float64 weights in PyTorch's layout: Wa, Wb (q x d), V (d x q), and their group."""

    def __init__(self, wa, wb, v, group=None):
        self.Wa, self.Wb, self.V, self.group = wa, wb, v, group

    def state_dict(self):
        """{'layera.weight': Wa, 'layerb.weight': Wb, 'layerc.weight': V} as NumPy arrays (torch.from_numpy them)."""
        return {"layera.weight": self.Wa, "layerb.weight": self.Wb, "layerc.weight": self.V}

    def __iter__(self):
        return iter((self.Wa, self.Wb, self.V))

    def __repr__(self):
        return f"<Weights q = {self.Wa.shape[0]}, d = {self.Wa.shape[1]}>"


class TrainResult(Weights):
    """A training run (cogo.train): final weights Wa, Wb, V; metrics (dict of NumPy arrays); curves_svg;
    gradient_path (the path the run took)."""

    def __init__(self, raw):
        super().__init__(raw["Wa"], raw["Wb"], raw["V"], group=raw["group"])
        self.metrics = raw["metrics"]
        self.curves_svg = raw["curves_svg"]
        self.train_size, self.test_size = raw["train_size"], raw["test_size"]
        self.seconds_per_step = raw["seconds_per_step"]
        self.gradient_path = raw["gradient_path"]  # the path the run took: "direct" or "all-pairs"

    @property
    def final(self):
        """The last metrics row as a dict."""
        return {k: float(v[-1]) for k, v in self.metrics.items()}

    def metrics_frame(self):
        """The metrics as a pandas DataFrame (needs pandas)."""
        import pandas
        return pandas.DataFrame(self.metrics)

    def _repr_svg_(self):
        return self.curves_svg

    def __repr__(self):
        f = self.final
        return (f"<TrainResult on {self.group}: {int(f['step'])} steps, train loss {f['train_loss']:.3g}, "
                f"test accuracy {f['test_accuracy']:.1%}>")


_COLUMNS = ("k", "order", "family", "params", "residual", "rounding_residual", "r_kkk_abs", "spread_nodes",
            "verified", "note")


class CrosscheckReport:
    """The report of a cross-check (cogo.crosscheck), the --json output of `cogo crosscheck`.

    verdict: of the exact rounded network ('PROVED', 'REFUTED', 'UNKNOWN'); exact_loss (Fraction or string);
    blocks: one dict per frequency block (k, order, family, params, residual, verified, ...); summary, nodes,
    distance: as in the JSON; rounded: the exact rounded network (cogo.Element, or None); spectrum_svg: the
    per-node Fourier spectrum with the blocks. to_records() / to_pandas(): one row per block. In Jupyter the
    report shows as a table.
    """

    def __init__(self, raw, source="arrays"):
        self.json = _json.loads(raw["json"])
        self.rounded = raw["rounded"]
        self.spectrum_svg = raw["svg"]
        self.source = source
        self.summary = self.json["summary"]
        self.blocks = self.json["blocks"]
        self.nodes = self.json["nodes"]
        self.distance = self.json["distance"]
        self.group = self.json["group"]
        self.d = self.json["d"]
        self.q = self.json["q"]
        self.verdict = self.summary["verdict"]
        self.exact_loss = exact(self.summary["exact_loss"])

    @property
    def proved(self):
        """True iff the rounded network is PROVED a global optimum."""
        return self.verdict == "PROVED"

    def to_records(self):
        """One dict per block: k, order, family, params (text), residual, rounding_residual, r_kkk_abs,
        spread_nodes, verified, note (None for values not computed)."""
        rows = []
        for b in self.blocks:
            params = " ".join(f"{k}={v}" for k, v in b["params"].items())
            r = b["r_kkk"]
            rows.append({"k": b["k"], "order": b["order"], "family": b["family"], "params": params,
                         "residual": b["residual"], "rounding_residual": b["rounding_residual"],
                         "r_kkk_abs": (r[0] ** 2 + r[1] ** 2) ** 0.5, "spread_nodes": b["spread_nodes"],
                         "verified": b["verified"], "note": b["note"]})
        return rows

    def to_pandas(self):
        """The blocks as a pandas DataFrame (needs pandas)."""
        import pandas
        return pandas.DataFrame.from_records(self.to_records(), columns=list(_COLUMNS))

    def _repr_html_(self):
        def cell(v):
            if v is None:
                return "-"
            if isinstance(v, float):
                return f"{v:.3g}"
            return _html.escape(str(v))
        head = "".join(f"<th>{c}</th>" for c in _COLUMNS)
        body = "".join("<tr>" + "".join(f"<td>{cell(r[c])}</td>" for c in _COLUMNS) + "</tr>" for r in self.to_records())
        s = self.summary
        loss = "" if s["exact_loss"] is None else f", exact loss {_html.escape(str(s['exact_loss']))}"
        return (f"<div><b>cogo crosscheck on {_html.escape(self.group)}</b> ({_html.escape(self.source)}): "
                f"{self.q} nodes, {s['blocks']} blocks, {s['classified']} classified, {s['verified']} verified; "
                f"rounded network: {s['rounded_order']} nodes, <b>{s['verdict']}</b>{loss}"
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")

    def __repr__(self):
        s = self.summary
        return (f"<CrosscheckReport on group {self.group}: {s['blocks']} blocks, {s['classified']} classified, "
                f"{s['verified']} verified; rounded network {s['rounded_order']} nodes {s['verdict']}>")
