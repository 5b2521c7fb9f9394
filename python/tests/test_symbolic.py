"""Symbolic parameters from Python (symbols=, real_symbols=) agree with `cogo verify/kills --symbol` and give
the statements of proofs/families.cpp: z_F6 with a free nu is optimal for every nu; z_syn z_xi(x) z_xi(x, -1)
/ 12 is optimal iff x^4 = -1."""
import json

import pytest

import cogo


def test_free_nu_is_proved_for_all_values(cli):
    report = cogo.verify("sum(nu(t) * syn) / 6", group=7, symbols=["t"])
    assert report["verdict"] == "PROVED" and report["exit_code"] == 0
    code, j = cli("verify", "--d", "7", "--expr", "sum(nu(t) * syn) / 6", "--symbol", "t")
    assert code == 0 and j["verdict"] == report["verdict"] and j["conditions"] == report["conditions"]


def test_finite_solution_set_and_certificate(cli, tmp_path):
    path = tmp_path / "cert.json"
    report = cogo.verify("sum(syn * xi(x) * xi(x, -1)) / 12", group=7, symbols=["x"], certificate=path)
    assert report["verdict"] == "CONDITIONAL" and report["exit_code"] == 1
    assert "x^4 = -1" in report["solution"]["holds"]
    assert sorted((r["order"], r["power"]) for r in report["solution"]["roots"]) == [(8, 1), (8, 3), (8, 5), (8, 7)]
    code, j = cli("check-cert", str(path))
    assert code == 1 and j["accepted"] and j["verdict"] == "CONDITIONAL"


def test_real_symbol_and_kills():
    report = cogo.verify("r * sum(nu(1/3) * syn) / 6", group=5, real_symbols=["r"])
    assert report["solution"]["real_root"] == "1"
    table = cogo.kills("xi(x)@1", group=7, symbols=["x"])
    assert table["rows"][0]["kills"] == ["a'b'c"]
    assert "a^2c" in table["rows"][0]["kill_conditions"]
    lemma = cogo.kills("nu(t)@1", group=7, symbols=["t"], times="syn@1")
    assert lemma["composition_lemma"] is True


def test_bad_symbols_are_value_errors():
    with pytest.raises(ValueError, match="clashes with the built-in name 'nu'"):
        cogo.verify("sum(nu(1/3) * syn) / 6", group=7, symbols=["nu"])
    with pytest.raises(ValueError, match="cannot be a frequency"):
        cogo.verify("syn@t", group=7, symbols=["t"])
    with pytest.raises(ValueError, match="give the expression text and group="):
        cogo.verify("sum(nu(t) * syn) / 6", symbols=["t"])


def test_bias_operators_and_real_frequency_atoms():
    # z_F4/6 written with cancel(Z, B): 2n nodes, a global optimum, numerically and for all unit x, t
    f46 = "cancel(sum(nui * xi(1/8), except 1) / 4, (nu(1/3) * syn)@1 / 6)"
    z = cogo.Element.parse(f46, 7)
    assert "14 nodes" in repr(z) and cogo.verify(z).verdict == "PROVED"
    report = cogo.verify("cancel(sum(nui * xi(x), except 1) / 4, (nu(t) * syn)@1 / 6)", group=7, symbols=["x", "t"])
    assert report["verdict"] == "PROVED"
    # --solution min on Z_6 (bias node at the real frequency 3) and F6R on Z_2 x Z_4
    assert cogo.verify(cogo.Element.parse("debias(pairsum(nui * xi(1/8)) / 4 + realsum(real1), 3)", 6)).verdict == "PROVED"
    assert cogo.verify(cogo.Element.parse("pairsum(nu(1/3) * syn) / 6 + realsum(real2)", "2x4")).verdict == "PROVED"
    # the real block alone keeps its bias 1: refuted
    assert cogo.verify(cogo.Element.parse("pairsum(nu(1/3) * syn) / 6 + realsum(real1)", "2x4")).verdict == "REFUTED"
