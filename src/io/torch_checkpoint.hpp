#pragma once
/// \file torch_checkpoint.hpp
/// PyTorch checkpoints (torch.save, the zip format of PyTorch >= 1.6: PREFIX/data.pkl plus one raw
/// storage PREFIX/data/KEY per storage) read without executing anything: data.pkl goes through the
/// restricted unpickler of io/pickle.hpp, which accepts only
///   torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter (tensors),
///   torch.{Float,Double,Half,BFloat16,Long,Int,Short,Char,Byte,Bool}Storage (storage types),
///   collections.OrderedDict, builtins.set (read as a list), plain dict/list/tuple/str/int/float/bool/None;
/// any other global (os.system, ...) is refused naming it. A whole nn.Module pickled with torch.save(model)
/// (recognised by its _parameters/_modules attributes) is read without running any of its code: its classes
/// become inert records of their __dict__, whose _parameters, _buffers and _modules give the state_dict's
/// names; calling any other function in such a pickle is refused, with the advice to save
/// model.state_dict(). Only little-endian files are read;
/// the legacy (pre-zip) format is refused. Bounded: file size, the pickle's size, stack and memo, tensor sizes.
/// Every error is cogo::InvalidInput (exit 2) or cogo::ResourceLimit (exit 3) naming the file and the reason.
#include <cstddef>
#include <string>
#include <vector>

#include "support/matrix.hpp"

namespace cogo {

/// One tensor of a checkpoint as float64 (C order): floating-point dtypes exactly, integers exactly up to 2^53.
struct CheckpointTensor {
    std::string name;                ///< dotted path in the pickled containers ("layera.weight", "model.0.weight")
    std::string dtype;               ///< "float32", "float64", "float16", "bfloat16", "int64", ...
    std::vector<std::size_t> shape;
    std::vector<double> values;
};

/// The tensors of a checkpoint's bytes, in pickle order. `what` names the source in messages.
[[nodiscard]] std::vector<CheckpointTensor> parse_torch_checkpoint(const std::string& bytes, const std::string& what);

/// Reads a checkpoint file (at most 4 GiB; larger throws ResourceLimit).
[[nodiscard]] std::vector<CheckpointTensor> read_torch_checkpoint(const std::string& path);

/// The three weight matrices of the network (W_a, W_b: q x d, V: d x q) and the tensor names they came from.
struct CheckpointWeights {
    Matrix<double> wa, wb, v;
    std::string source;  ///< e.g. "layera.weight, layerb.weight, layerc.weight"
};

/// Picks W_a, W_b, V among the tensors: `keys` = {wa, wb, v} names them exactly; empty = detect
/// (1) names ending in layera.weight, layerb.weight, layerc.weight (the paper's code), else (2) the only
/// three 2-D float tensors, two q x d (W_a, W_b in order) and one d x q, with q != d, else (3) the only two,
/// a q x 2d input layer (nn.Linear on the concatenated one-hots [e_a; e_b]: W_a | W_b) and a d x q output
/// layer. A nonzero bias next to a chosen weight is refused (the analysed network has none).
/// Throws InvalidInput (what's missing or ambiguous, with the tensors found) or ShapeMismatch.
[[nodiscard]] CheckpointWeights select_weights(const std::vector<CheckpointTensor>& tensors,
                                               const std::vector<std::string>& keys, const std::string& what);

/// Splits "wa,wb,v" into three names; throws InvalidInput unless there are exactly three non-empty ones.
[[nodiscard]] std::vector<std::string> parse_weight_keys(const std::string& text);

}  // namespace cogo
