#include "train/gradient_path.hpp"

#include "support/error.hpp"

namespace cogo::train {

namespace {

// Single-thread rates of this code on the development machine (2-core AMD EPYC, Zen 3; bench/README.md,
// "All-pairs gradient path"), CPU time: the direct path's GEMMs in float32 and float64, the all-pairs path's
// float64 GEMMs, and its gathered group-correlation multiply-adds. Only their ratios matter for the choice.
constexpr double kDirectFlopsPerSecond32 = 70e9;
constexpr double kDirectFlopsPerSecond64 = 35e9;
constexpr double kGemmFlopsPerSecond64 = 40e9;
constexpr double kCorrelationFmaPerSecond = 7.5e9;

}  // namespace

const char* gradient_path_name(GradientPath p) {
    switch (p) {
        case GradientPath::direct: return "direct";
        case GradientPath::all_pairs: return "all-pairs";
        default: return "auto";
    }
}

GradientPath parse_gradient_path(const std::string& text) {
    if (text == "auto") return GradientPath::automatic;
    if (text == "direct") return GradientPath::direct;
    if (text == "all-pairs") return GradientPath::all_pairs;
    throw InvalidInput("--gradient-path must be auto, direct or all-pairs, got '" + text + "'");
}

PathCost estimate_path_cost(std::size_t n, std::size_t q, std::size_t train_pairs, std::size_t held_out_pairs,
                            bool float64, std::size_t eval_every) {
    const double nd = static_cast<double>(n), qd = static_cast<double>(q);
    const double direct_rate = float64 ? kDirectFlopsPerSecond64 : kDirectFlopsPerSecond32;
    const double per_pair = 6.0 * qd * nd;  // forward + backward GEMM flops of one pair
    PathCost c;
    c.direct = per_pair * static_cast<double>(train_pairs) / direct_rate;
    const double forward_share = eval_every > 0 ? 1.0 / static_cast<double>(eval_every) : 1.0;
    // 6 products of 2 n q^2 flops (three q x q Gram matrices, three n x q times q x q) and 12 of 2 n^2 q
    // (the low-rank factors through U), all_pairs_objective.cpp
    c.all_pairs = (6.0 * 2.0 * nd * qd * qd + 12.0 * 2.0 * nd * nd * qd) / kGemmFlopsPerSecond64 +
                  3.0 * nd * nd * qd / kCorrelationFmaPerSecond +
                  per_pair * static_cast<double>(held_out_pairs) / direct_rate +
                  forward_share * per_pair / 3.0 * static_cast<double>(train_pairs) / direct_rate;
    return c;
}

double all_pairs_workspace_bytes(std::size_t n, std::size_t q) {
    const double nd = static_cast<double>(n), qd = static_cast<double>(q);
    return 8.0 * (6.0 * qd * qd + 21.0 * nd * qd + 6.0 * nd * nd) + 8.0 * nd * nd;
}

bool all_pairs_applicable(bool quadratic, bool mse, bool full_batch) { return quadratic && mse && full_batch; }

}  // namespace cogo::train
