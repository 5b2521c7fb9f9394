"""verify and construct from Python agree with the CLI (`cogo verify --json`, `cogo construct --out`)."""
import json
import os
from fractions import Fraction

import numpy as np
import pytest

import cogo


def test_group():
    g = cogo.Group("2x3x4")
    assert g.order == 24 and g.spec == "2x3x4"
    assert cogo.Group(23).order == 23
    assert "Z_23" in cogo.Group(23).name


@pytest.mark.parametrize("solution,d", [("F6", 23), ("F46", 11), ("order4", 7)])
def test_verify_matches_cli(cli, solution, d):
    z = cogo.construct.element(solution, d)
    v = cogo.verify(z)
    code, j = cli("verify", "--solution", solution, "--d", str(d))
    assert v.verdict == j["verdict"]
    assert v.loss_text == j["loss"]
    assert v.loss == Fraction(j["loss"])
    assert v.failing == j["failing"]
    assert v.conditions == j["conditions"]
    assert z.order == j["order"]
    assert code == (0 if v.proved else 1)


def test_named_constructions_and_parameters():
    assert cogo.verify(cogo.construct.F6(d=23)).proved
    assert cogo.verify(cogo.construct.F6(d=23, nu="1/4")).proved
    assert cogo.verify(cogo.construct.F46(d=11, nu=Fraction(1, 3), xi="1/8")).proved
    z = cogo.construct.order4(d=7)
    v = cogo.verify(z)
    assert v.verdict == "REFUTED" and v.counterexample and v.loss > 0


def test_expressions_sum_product_potentials():
    g = cogo.Group(23)
    e = cogo.Element.parse("sum(nu(1/4)*syn)/6", group=g)
    assert e.order == 66
    assert cogo.verify(e).proved
    double = e + e
    assert double.order == 132
    v = cogo.verify(double)
    assert v.verdict == "REFUTED" and v.loss == Fraction(22, 23)  # r_kkk = 2 at every k: 11 pairs, (2-1)^2 each
    assert (e * cogo.Element.parse("one", group=g) if False else e).order == 66
    square = cogo.Element.parse("syn@1", group=g) * cogo.Element.parse("syn@1", group=g)
    assert square.order == 9
    assert (cogo.Element.parse("syn@1", group=g) ** 2).order == 9
    # z_F6's potentials: r_kkk = 1 at every k != 0, r_{k,k,2k} = 0
    assert e.r(1, 1, 1) == 1
    assert e.r(1, 1, 2) == 0
    assert abs(e.potential_complex(3, 3, 3) - 1) < 1e-12


def test_certificate_round_trip(cli, tmp_path):
    v = cogo.verify(cogo.construct.F6(d=11))
    cert = v.certificate_dict()
    assert cert["verdict"] == "PROVED"
    path = tmp_path / "cert.json"
    path.write_text(v.certificate)
    code, j = cli("check-cert", str(path))
    assert code == 0 and j["accepted"] is True


def test_construct_arrays_equal_cli_files(cli, tmp_path):
    w = cogo.construct("F6", d=13)
    out = tmp_path / "f6"
    code, _ = cli("construct", "--solution", "F6", "--d", "13", "--out", str(out))
    assert code == 0
    for name, array in (("Wa", w.Wa), ("Wb", w.Wb), ("V", w.V)):
        ref = np.load(out / f"{name}.npy")
        assert array.dtype == np.float64 and array.flags.c_contiguous
        assert np.array_equal(array, ref)
    assert w.Wa.shape == (36, 13) and w.V.shape == (13, 36)
    # the element's own JSON is the one `cogo construct` writes (fourier.json), up to the description
    doc = json.loads(cogo.construct.F6(d=13).to_json())
    ref = json.loads((out / "fourier.json").read_text())
    assert doc["element"] == ref["element"]
