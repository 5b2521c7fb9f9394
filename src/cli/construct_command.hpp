#pragma once
/// \file construct_command.hpp
/// `cogo construct`: writes the selected construction's real weights as NumPy .npy float64 files in
/// PyTorch's layout (W_a.npy, W_b.npy: q x n as nn.Linear(n, q).weight; V.npy: n x q as nn.Linear(q, n).weight)
/// plus its exact Fourier form (fourier.json, a cogo-element document). All files appear together or not at all.
#include <iosfwd>
#include <string>

#include "cli/solution_options.hpp"

namespace cogo::cli {

/// Options of `cogo construct`.
struct ConstructOptions {
    SolutionOptions selection;
    std::string out;    ///< --out DIR (required)
    bool json = false;  ///< --json summary
    ResourceLimits limits;  ///< --max-terms, --max-memory (building and exporting)
};

/// Runs `cogo construct`; returns 0 on success.
int run_construct(const ConstructOptions& options, std::ostream& out);

/// File names written into DIR.
inline constexpr const char* kWaFile = "Wa.npy";
inline constexpr const char* kWbFile = "Wb.npy";
inline constexpr const char* kVFile = "V.npy";
inline constexpr const char* kFourierFile = "fourier.json";

}  // namespace cogo::cli
