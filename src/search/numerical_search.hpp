#pragma once
/// \file numerical_search.hpp
/// Seeded multi-start numerical search for zero-loss networks of a given width (docs/theory.md section 5b,
/// "Minimum width"): Levenberg-Marquardt on the all-pairs loss of docs/theory.md section 1, written as the
/// sum of n^3 squared residuals r(x, y, m) = (P (o(x, y) - e_{x+y}))[m] / n (equal to the Fourier-domain loss
/// by Theorem 1), in float64, then a Levenberg-Marquardt refinement of the best runs in 113-bit binary128
/// arithmetic. Numbers only: nothing here is a proof (exact_rounding.hpp turns candidates into proofs).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "group/abelian_group.hpp"

namespace cogo::search {

/// Real-domain weights in float64: wa, wb are q x n (row-major, node j at j * n), v is n x q (m * q + j).
struct FloatNetwork {
    std::size_t n = 0, q = 0;
    std::vector<double> wa, wb, v;
};

/// Options of one search.
struct SearchOptions {
    std::size_t width = 0;                 ///< q, hidden nodes
    bool dc_inputs = false;                ///< allow DC input rows (else every input row sums to 0)
    std::vector<std::uint64_t> seeds;      ///< one run per seed
    std::size_t max_iterations = 400;      ///< Levenberg-Marquardt iterations per run (float64)
    std::size_t refine_iterations = 12;    ///< binary128 iterations for each refined run
    std::size_t refine_runs = 3;           ///< how many of the best runs are refined
};

/// The outcome of one run.
struct RunResult {
    std::uint64_t seed = 0;
    double loss = -1;              ///< float64 loss at the end of the float64 phase
    double refined_loss = -1;      ///< loss after the binary128 refinement (-1 if not refined)
    double gradient_norm = -1;     ///< ||J^T r|| at the end (float64 phase, or refined if refined)
    std::size_t iterations = 0;
    FloatNetwork network;          ///< the final weights (refined ones rounded to float64 if refined)
};

/// Runs the search on group g; runs are returned sorted by their best loss (smallest first). Throws
/// InvalidInput on a width of 0, no seeds, or a problem larger than the limits (n <= 16, q <= 64,
/// 3 q n <= 1200 parameters).
[[nodiscard]] std::vector<RunResult> numerical_search(const AbelianGroup& g, const SearchOptions& options);

/// The n^3 residuals r of the loss (sum r^2 = loss, returned) and, if jac is given, their Jacobian (n^3 rows,
/// 3 q n columns: wa, wb, v in FloatNetwork order), in float64.
double loss_residuals(const AbelianGroup& g, const FloatNetwork& w, std::vector<double>& r, std::vector<double>* jac);

/// The loss of a float network (float64), for tests.
[[nodiscard]] double float_loss(const AbelianGroup& g, const FloatNetwork& w);

}  // namespace cogo::search
