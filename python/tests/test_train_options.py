"""cogo.train's options beyond the paper's defaults (those of `cogo train`): each one has the effect it names,
the binding agrees with the CLI, and a bad value raises ValueError."""

import numpy as np
import pytest

import cogo

SMALL = dict(d=11, width=32, steps=20, eval_every=5, precision="float64")


def test_gradient_paths_agree_to_float_rounding():
    direct = cogo.train(**SMALL, gradient_path="direct")
    all_pairs = cogo.train(**SMALL, gradient_path="all-pairs")
    assert direct.gradient_path == "direct" and all_pairs.gradient_path == "all-pairs"
    for key in ("train_loss", "test_loss"):
        np.testing.assert_allclose(all_pairs.metrics[key], direct.metrics[key], rtol=1e-9)
    np.testing.assert_allclose(all_pairs.Wa, direct.Wa, rtol=1e-7, atol=1e-10)
    # the runs did move: the comparison is not of two unchanged initialisations
    assert direct.metrics["train_loss"][-1] < 0.9 * direct.metrics["train_loss"][0]
    assert cogo.train(**SMALL).gradient_path in ("direct", "all-pairs")


def test_init_scale_multiplies_the_default_init():
    plain = cogo.train(d=11, width=32, steps=0)
    half = cogo.train(d=11, width=32, steps=0, init_scale=0.5)
    # float32 weights times 0.5: exact
    assert np.array_equal(half.Wa, 0.5 * plain.Wa) and np.array_equal(half.V, 0.5 * plain.V)
    assert not np.array_equal(half.Wa, plain.Wa)


def test_adamw_decouples_weight_decay():
    base = dict(SMALL, weight_decay=0.0)
    adam0, adamw0 = cogo.train(**base), cogo.train(**base, optimizer="adamw")
    np.testing.assert_allclose(adamw0.Wa, adam0.Wa, rtol=1e-12)  # without weight decay they are the same method
    strong = dict(SMALL, weight_decay=0.5)
    adam, adamw = cogo.train(**strong), cogo.train(**strong, optimizer="adamw")
    assert not np.allclose(adamw.Wa, adam.Wa, rtol=1e-3)
    # AdamW's decay is lr * wd * w per step, independent of the gradient's scale: the norm shrinks by about
    # (1 - lr wd)^steps on top of Adam's normalised steps; coupled decay is normalised away by Adam
    norm = lambda r: float(np.sum(r.Wa ** 2) + np.sum(r.Wb ** 2) + np.sum(r.V ** 2))
    assert norm(adamw) < norm(adamw0)


def test_batch_size_changes_the_steps_and_full_batch_is_the_default():
    full = cogo.train(**SMALL, gradient_path="direct")
    assert full.train_size == 109  # 121 pairs, 12 held out
    same = cogo.train(**SMALL, gradient_path="direct", batch_size=109)
    np.testing.assert_allclose(same.Wa, full.Wa, rtol=1e-9, atol=1e-12)  # one batch of every pair: full batch
    mini = cogo.train(**SMALL, batch_size=16)
    assert mini.gradient_path == "direct"
    assert not np.allclose(mini.Wa, full.Wa, rtol=1e-3)
    with pytest.raises(ValueError, match="all-pairs"):
        cogo.train(**SMALL, batch_size=16, gradient_path="all-pairs")


def test_train_fraction_is_the_exact_complement():
    by_train = cogo.train(d=11, width=8, steps=1, train_fraction=0.9)
    by_test = cogo.train(d=11, width=8, steps=1, test_fraction=0.1)
    assert by_train.train_size == by_test.train_size == 109
    np.testing.assert_array_equal(by_train.Wa, by_test.Wa)  # the same split, hence the same run
    assert cogo.train(d=11, width=8, steps=1, train_fraction="0.5").train_size == \
        cogo.train(d=11, width=8, steps=1, test_fraction=0.5).train_size
    assert cogo.train(d=11, width=8, steps=1, train_fraction=1).test_size == 0


def test_sgd_momentum_matters():
    a = cogo.train(**SMALL, optimizer="sgd", momentum=0.0, lr=1e-3)
    b = cogo.train(**SMALL, optimizer="sgd", momentum=0.9, lr=1e-3)
    assert not np.allclose(a.Wa, b.Wa, rtol=1e-6)


def test_init_from_a_construct_folder_matches_the_cli(cli, tmp_path):
    src = tmp_path / "f6"
    code, _ = cli("construct", "--d", "7", "--solution", "F6", "--out", str(src))
    assert code == 0
    opts = dict(d=7, width=24, steps=5, weight_decay=0.0, test_fraction=0.0, lr=1e-2, optimizer="sgd",
                precision="float64", init=src)
    run = cogo.train(**opts)
    assert run.metrics["train_loss"][-1] < 1e-20  # an exact global optimum stays one
    assert np.all(run.Wa[18:] == 0)                # zero padding nodes stay zero
    code, j = cli("train", "--d", "7", "--width", "24", "--steps", "5", "--wd", "0", "--test-fraction", "0",
                  "--lr", "0.01", "--optimizer", "sgd", "--precision", "float64", "--init", str(src),
                  "--no-progress", "--threads", "1")
    assert code == 0
    assert j["final"]["train_loss"] == pytest.approx(float(run.metrics["train_loss"][-1]), rel=1e-9, abs=1e-30)
    padded = cogo.train(**dict(opts, init_pad_scale=0.1))
    assert np.any(padded.Wa[18:] != 0)
    with pytest.raises(ValueError, match="init-scale"):
        cogo.train(**dict(opts, init_scale=0.5))
    with pytest.raises(ValueError):
        cogo.train(**dict(opts, init_balance=True, init=None))


@pytest.mark.parametrize("bad", [
    dict(gradient_path="fast"),
    dict(optimizer="AdamW"),
    dict(batch_size=-1),
    dict(batch_size=1.5),
    dict(batch_size=10_000),     # more than the 109 train pairs
    dict(train_fraction=0),
    dict(train_fraction=1.5),
    dict(train_fraction="9e-1"),
    dict(train_fraction=0.9, test_fraction=0.1),
    dict(init_scale=0.0),
    dict(init_scale=float("nan")),
    dict(momentum=2.0),
    dict(init_pad_scale=0.5),    # needs init
])
def test_bad_values_raise_value_error(bad):
    with pytest.raises(ValueError):
        cogo.train(d=11, width=8, steps=1, **bad)
