"""Bad input raises ValueError and resource limits cogo.LimitError, with the CLI's messages."""
import numpy as np
import pytest

import cogo


def test_bad_group():
    with pytest.raises(ValueError, match="d >= 2"):
        cogo.Group("1")
    with pytest.raises(ValueError):
        cogo.Group("x")


def test_bad_expression_names_position():
    with pytest.raises(ValueError, match="position|expected|unknown"):
        cogo.Element.parse("sum(nu(1/3)*)", group="23")


def test_bad_construction_parameters(cli):
    with pytest.raises(ValueError, match="exactly"):
        cogo.construct.F6(d=23, nu=0.3)
    with pytest.raises(ValueError) as err:
        cogo.construct.element("nope", 23)
    code, text = cli("verify", "--solution", "nope", "--d", "23", json_output=False)
    assert code == 2 and str(err.value) in text
    with pytest.raises(ValueError):
        cogo.construct.F6(d=24)  # F6 needs odd order


def test_bad_weights():
    w = cogo.construct("F6", d=11)
    with pytest.raises(ValueError, match="mismatched"):
        cogo.crosscheck(w.Wa[:, :10], w.Wb, w.V)
    bad = w.Wa.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError):
        cogo.crosscheck(bad, w.Wb, w.V)
    with pytest.raises(ValueError, match="2-D"):
        cogo.crosscheck(w.Wa[0], w.Wb, w.V)
    with pytest.raises(ValueError, match="order"):
        cogo.crosscheck(w.Wa, w.Wb, w.V, group="2x6")
    with pytest.raises(ValueError):
        cogo.crosscheck(w.Wa, w.Wb)


def test_bad_train_options():
    with pytest.raises(ValueError, match="precision"):
        cogo.train(d=11, steps=1, precision="float16")
    with pytest.raises(ValueError):
        cogo.train(d=11, steps=1, lr=-1)


def test_limit_error_is_not_a_value_error():
    assert issubclass(cogo.LimitError, RuntimeError) and not issubclass(cogo.LimitError, ValueError)
    # the verifier's work limit is a verdict, not an exception
    v = cogo.verify(cogo.construct.F6(d=23), max_terms=10)
    assert v.verdict == "UNKNOWN" and "exceeds" in v.reason


def test_checkpoint_errors(tmp_path):
    p = tmp_path / "x.pt"
    p.write_bytes(b"not a checkpoint")
    with pytest.raises(ValueError, match="not a PyTorch checkpoint"):
        cogo.load_checkpoint(p)
    with pytest.raises(ValueError, match="cannot open"):
        cogo.load_checkpoint(tmp_path / "missing.pt")
