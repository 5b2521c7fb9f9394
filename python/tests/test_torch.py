"""PyTorch models cross-checked from Python: nn.Module, state_dict, torch.save files, nn.Linear layouts.
torch (Debian's python3-torch) is required: a missing torch fails these tests."""
import os

import numpy as np
import pytest
import torch

import cogo


class Paper(torch.nn.Module):
    def __init__(self, d, q):
        super().__init__()
        self.layera = torch.nn.Linear(d, q, bias=False)
        self.layerb = torch.nn.Linear(d, q, bias=False)
        self.layerc = torch.nn.Linear(q, d, bias=False)


def paper_model(w, dtype=torch.float64):
    q, d = w.Wa.shape
    net = Paper(d, q).to(dtype)
    with torch.no_grad():
        net.layera.weight.copy_(torch.from_numpy(w.Wa))
        net.layerb.weight.copy_(torch.from_numpy(w.Wb))
        net.layerc.weight.copy_(torch.from_numpy(w.V))
    return net


def test_module_and_state_dict_proved():
    w = cogo.construct("F46", d=11)
    net = paper_model(w)
    r = cogo.crosscheck(net)
    assert r.proved and "layera.weight" in r.source
    assert cogo.crosscheck(net.state_dict()).proved
    nested = cogo.crosscheck({"model": net.state_dict(), "epoch": 3})  # a training checkpoint's dict
    assert nested.proved and "model.layera.weight" in nested.source
    # float32 weights of an exact solution still round to it
    assert cogo.crosscheck(paper_model(w, torch.float32)).proved


def test_saved_checkpoint_read_without_torch_load(cli, tmp_path):
    w = cogo.construct("F6", d=11)
    path = tmp_path / "model.pt"
    torch.save(paper_model(w).state_dict(), path)
    tensors = cogo.load_checkpoint(path)
    assert set(tensors) == {"layera.weight", "layerb.weight", "layerc.weight"}
    assert np.array_equal(tensors["layera.weight"], w.Wa)
    assert cogo.crosscheck(str(path)).proved
    code, j = cli("crosscheck", str(path))
    assert code == 0 and j["summary"]["verdict"] == "PROVED"


def test_whole_module_pickle_read_without_running_it(tmp_path):
    w = cogo.construct("F6", d=11)
    path = tmp_path / "whole.pt"
    torch.save(paper_model(w), path)  # pickles the class test_torch.Paper by reference
    tensors = cogo.load_checkpoint(path)
    assert np.array_equal(tensors["layerc.weight"], w.V)
    assert cogo.crosscheck(str(path)).proved


def test_malicious_checkpoint_refused(tmp_path):
    class Shell:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "PWNED"),))
    path = tmp_path / "evil.pt"
    torch.save({"layera.weight": Shell()}, path)
    with pytest.raises(ValueError, match="posix.system"):
        cogo.load_checkpoint(path)
    assert not (tmp_path / "PWNED").exists()


def test_concatenated_input_layer_and_keys():
    w = cogo.construct("F6", d=11)
    q, d = w.Wa.shape
    seq = torch.nn.Sequential(torch.nn.Linear(2 * d, q, bias=False), torch.nn.Linear(q, d, bias=False)).double()
    with torch.no_grad():
        seq[0].weight.copy_(torch.from_numpy(np.hstack([w.Wa, w.Wb])))
        seq[1].weight.copy_(torch.from_numpy(w.V))
    assert cogo.crosscheck(seq).proved
    named = {"emb_a": torch.from_numpy(w.Wa), "emb_b": torch.from_numpy(w.Wb), "unemb": torch.from_numpy(w.V),
             "extra": torch.zeros(3, 3)}
    with pytest.raises(ValueError, match="--keys"):
        cogo.crosscheck(named)
    assert cogo.crosscheck(named, keys=("emb_a", "emb_b", "unemb")).proved


def test_biased_model_refused():
    net = torch.nn.Sequential(torch.nn.Linear(22, 30), torch.nn.Linear(30, 11))
    with pytest.raises(ValueError, match="nonzero bias"):
        cogo.crosscheck(net)


def test_limit_error_on_a_huge_broadcast_view(tmp_path):
    # a stride-0 view stored with one element that would expand to 2^29 values
    path = tmp_path / "huge.pt"
    torch.save({"x": torch.zeros(1).expand(2 ** 15, 2 ** 14)}, path)
    assert os.path.getsize(path) < 10_000
    with pytest.raises(cogo.LimitError, match="2\\^28"):
        cogo.load_checkpoint(path)
