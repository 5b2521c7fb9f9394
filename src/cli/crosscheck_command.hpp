#pragma once
/// \file crosscheck_command.hpp
/// `cogo crosscheck DIR` (or --wa/--wb/--v FILE, an .npz, or a PyTorch checkpoint .pt/.pth/.ckpt read by
/// io/torch_checkpoint.hpp, --keys naming its tensors): reads trained weights (.npy, PyTorch layout: W_a, W_b q x n,
/// V n x q), runs the analysis of analyze/crosscheck.hpp and prints a readable report or JSON (--json) with
/// `d`, `blocks` (k, order, family, params, residual, verified, ...) and `summary` (blocks, classified,
/// verified, share_verified, exact_loss as a string, verdict). Optionally writes the exact rounded network
/// (--rounded FILE, a cogo-element document for `cogo verify --file`) and the per-model SVG (--svg FILE,
/// analyze/spectrum_svg.hpp). Files are written atomically after the
/// analysis succeeded; bad input (missing/truncated/non-.npy files, wrong shapes, NaN/Inf, mismatched n)
/// throws InvalidInput before anything is written.
/// The group is --group, else the one DIR records (summary.json of `cogo train`, fourier.json of
/// `cogo construct`; both present and different, or --group contradicting them, is refused), else Z_n; weights
/// whose layout contradicts it (a transposed array included) are refused.
/// Exit codes (the network verdict of analyze/crosscheck.hpp): 0 PROVED (or --no-verify), 1 REFUTED,
/// 3 PARTIAL or UNKNOWN.
#include <cstddef>
#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "analyze/crosscheck.hpp"

namespace cogo::cli {

/// Options of `cogo crosscheck`.
struct CrosscheckCommandOptions {
    std::string dir;                 ///< DIR with Wa.npy, Wb.npy, V.npy ("" = use the file options)
    std::string wa, wb, v;           ///< explicit files (override DIR's)
    std::string keys;                ///< --keys WA,WB,V: tensor names in a PyTorch checkpoint ("" = detect)
    std::string group;               ///< --group (default: the group of DIR/summary.json if present, else Z_n, n = columns of W_a)
    std::string rounded;             ///< --rounded FILE ("" = none)
    std::string certificate;         ///< --certificate FILE ("" = none): the rounded network's certificate, PARTIAL
                                     ///< (its proven frequencies) when the network is PARTIAL
    std::string svg;                 ///< --svg FILE: per-node spectrum and blocks ("" = none)
    bool json = false;
    analyze::CrosscheckOptions analysis;
};

/// Loads the weights named by the options (checked: shapes, finiteness, n against --group).
NetworkWeights<double> load_trained_weights(const CrosscheckCommandOptions& options, AbelianGroup& group);

/// The JSON form of a report (the --json output).
nlohmann::json crosscheck_json(const analyze::CrosscheckReport& report);

/// Runs `cogo crosscheck`; returns the exit code (see the file comment).
int run_crosscheck(const CrosscheckCommandOptions& options, std::ostream& out);

}  // namespace cogo::cli
