"""One symbolic family from Python, as proofs/families.cpp and proofs/more_families.cpp state it: z_nu=i z_syn_ab
/ 6 is a global optimum for ALL unit alpha, beta; the kill sets of z_syn_ab, z_nu and of the product (the
composition lemma) for all parameter values; z_n(a) z_nu=i z_xi / 8 for every complex a = r t. Expected
answers come from docs/theory.md section 5 (worked out in the comments), not from the tool."""
import pytest

import cogo

R_C = {"a'bc", "ab'c", "a'b'c"}
R_N = {"|a|^2c", "|b|^2c"}
R_STAR = {"a^2c", "b^2c", "a'^2c", "b'^2c"}
NINE = R_C | R_N | R_STAR


@pytest.mark.parametrize("group", [5, 7, 9, "3x3"])
def test_nui_synab_is_proved_for_all_alpha_beta(group):
    report = cogo.verify("sum(nui * synab(al, be)) / 6", group=group, symbols=["al", "be"])
    assert report["verdict"] == "PROVED" and report["exit_code"] == 0
    assert report["failing"] == 0 and report["residuals"] == []


def test_a_wrong_normalisation_is_refuted_with_the_exact_residual():
    # / 5 instead of / 6: r_kkk = 6/5 at each of the 4 non-zero frequencies of Z_5, for every alpha, beta
    report = cogo.verify("sum(nui * synab(al, 1/8)) / 5", group=5, symbols=["al"])
    assert report["verdict"] == "REFUTED" and report["exit_code"] == 1
    assert report["solution"]["no_solution"] is True
    assert len(report["residuals"]) == 4
    assert all(r["kind"] == "one" and r["residual"] == "1/5" for r in report["residuals"])
    # with two parameters the residuals are not solved one by one, but a residual that is a non-zero constant
    # fails for every value of both: REFUTED (it was CONDITIONAL before the multi-parameter rule)
    two = cogo.verify("sum(nui * synab(al, be)) / 5", group=5, symbols=["al", "be"])
    assert two["verdict"] == "REFUTED" and two["exit_code"] == 1
    assert [r["residual"] for r in two["residuals"]] == ["1/5"] * 4
    assert two["common_zeros"]["status"] == "none" and two["common_zeros"]["constant_residual"] is not None


def test_kill_sets_for_all_parameter_values():
    # z_syn_ab: every node has abc = 1 (abc = 3); a'b'c = 1 + w + w' = 0 and |a|^2c = |b|^2c = sum c = 0
    row = cogo.kills("synab(al, be)@1", group=7, symbols=["al", "be"])["rows"][0]
    assert set(row["kills"]) == {"a'b'c"} | R_N
    assert row["values"]["abc"] == "3" and row["bias_killed"] is True
    # z_nu kills exactly a^2c, b^2c; a'bc = 1 + t^-2 vanishes iff t^2 = -1 (z_nu=i)
    row = cogo.kills("nu(t)@1", group=7, symbols=["t"])["rows"][0]
    assert set(row["kills"]) == {"a^2c", "b^2c"}
    assert row["values"]["abc"] == "2"
    assert "t^2 = -1" in row["kill_conditions"]["a'bc"]
    # the composition lemma: z_nu=i kills a'bc, ab'c, R_*; with z_syn_ab the product kills all nine
    table = cogo.kills("nui@1", group=7, symbols=["al", "be"], times="synab(al, be)@1")
    assert table["composition_lemma"] is True
    product = table["composition"][0]["product"]
    assert set(product["kills"]) == NINE and product["values"]["abc"] == "6"


def test_order8_product_for_every_complex_a():
    report = cogo.verify("sum(zn(r, t) * nui * xi(x)) / 8", group=5, symbols=["t", "x"], real_symbols=["r"])
    assert report["verdict"] == "PROVED"
    row = cogo.kills("zn(r, t)@1", group=5, symbols=["t"], real_symbols=["r"])["rows"][0]
    assert set(row["kills"]) == R_N and row["values"]["abc"] == "2"
