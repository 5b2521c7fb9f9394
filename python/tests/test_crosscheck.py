"""crosscheck from Python: a constructed solution is PROVED, a perturbed one is not; the report matches the CLI."""
import numpy as np

import cogo


def test_constructed_solution_proved_and_matches_cli(cli, tmp_path):
    out = tmp_path / "f46"
    code, _ = cli("construct", "--solution", "F46", "--d", "11", "--out", str(out))
    assert code == 0
    wa, wb, v = (np.load(out / f"{n}.npy") for n in ("Wa", "Wb", "V"))
    r = cogo.crosscheck(wa, wb, v)
    assert r.proved and r.exact_loss == 0
    code, j = cli("crosscheck", str(out))
    assert code == 0
    assert r.summary["verdict"] == j["summary"]["verdict"] == "PROVED"
    assert r.summary["classified"] == j["summary"]["classified"] == 5
    assert [b["family"] for b in r.blocks] == [b["family"] for b in j["blocks"]]
    records = r.to_records()
    assert len(records) == 5 and all(rec["verified"] for rec in records)
    frame = r.to_pandas()
    assert list(frame["k"]) == [b["k"] for b in j["blocks"]]
    html = r._repr_html_()
    assert "<table>" in html and "PROVED" in html
    assert r.rounded is not None and cogo.verify(r.rounded).proved
    assert r.spectrum_svg.startswith("<svg") or "<svg" in r.spectrum_svg[:200]


def test_float32_and_fortran_order_inputs():
    w = cogo.construct("F6", d=11)
    r = cogo.crosscheck(w.Wa.astype(np.float32), np.asfortranarray(w.Wb), w.V)
    assert r.proved


def test_perturbed_solution_not_proved():
    w = cogo.construct("F6", d=11)
    rng = np.random.default_rng(5)
    wa = w.Wa + 0.3 * rng.standard_normal(w.Wa.shape)
    r = cogo.crosscheck(wa, w.Wb, w.V)
    assert not r.proved
    assert r.summary["verified"] < r.summary["blocks"]


def test_weights_object_and_no_verify():
    w = cogo.construct("F6", d=11)
    assert cogo.crosscheck(w).proved
    r = cogo.crosscheck(w, verify=False, svg=False)
    assert r.spectrum_svg == ""
    assert r.summary["classified"] == 5


def test_train_then_crosscheck():
    run = cogo.train(d=11, width=32, steps=50, eval_every=10)
    assert run.Wa.shape == (32, 11) and run.V.shape == (11, 32)
    assert list(run.metrics["step"])[-1] == 50
    assert run.metrics["train_loss"][-1] < run.metrics["train_loss"][0]
    assert "<svg" in run.curves_svg
    r = cogo.crosscheck(run)
    assert r.verdict in ("PROVED", "REFUTED", "UNKNOWN")
    assert len(r.blocks) == 5
    assert run.metrics_frame().shape[0] == len(run.metrics["step"])
