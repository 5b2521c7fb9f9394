#pragma once
/// \file construct_command.hpp
/// `cogo construct`: writes the selected construction's real weights as NumPy .npy float64 files in
/// PyTorch's layout (W_a.npy, W_b.npy: q x n as nn.Linear(n, q).weight; V.npy: n x q as nn.Linear(q, n).weight)
/// plus its exact Fourier form (fourier.json, a cogo-element document), summary.json (the group, so
/// `cogo crosscheck DIR` reads a product group as itself) and the completion marker. The folder appears whole
/// or not at all (io/run_directory.hpp); a non-empty DIR is refused unless --overwrite.
#include <iosfwd>
#include <string>

#include "cli/solution_options.hpp"
#include "io/run_directory.hpp"

namespace cogo::cli {

/// Options of `cogo construct`.
struct ConstructOptions {
    SolutionOptions selection;
    std::string out;    ///< --out DIR (required)
    bool overwrite = false;  ///< --overwrite: replace a non-empty DIR whole
    bool json = false;  ///< --json summary
    ResourceLimits limits;  ///< --max-terms, --max-memory (building and exporting)
};

/// Runs `cogo construct`; returns 0 on success.
int run_construct(const ConstructOptions& options, std::ostream& out);

/// File names written into DIR (the layout: io/run_directory.hpp).
inline constexpr const char* kWaFile = run_files::wa;
inline constexpr const char* kWbFile = run_files::wb;
inline constexpr const char* kVFile = run_files::v;
inline constexpr const char* kFourierFile = run_files::fourier;

}  // namespace cogo::cli
