#include "cli/theorem1_command.hpp"

#include <chrono>
#include <iostream>
#include <random>

#include <nlohmann/json.hpp>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "cli/exit_codes.hpp"
#include "algebra/random_weights.hpp"
#include "support/error.hpp"

namespace cogo::cli {

int run_theorem1(const Theorem1Options& options, std::ostream& out) {
    const AbelianGroup group = AbelianGroup::parse(options.group);
    if (options.width < 1 || options.width > 64) throw InvalidInput("theorem1: --width must be in 1..64");
    if (group.order() > 64) throw InvalidInput("theorem1: groups up to order 64 (the direct loss is exact and O(n^3 q))");
    const auto start = std::chrono::steady_clock::now();

    std::mt19937_64 rng(options.seed);
    const NetworkWeights<Cyclotomic> weights = random_rational_weights(rng, group, options.width, options.zero_mean);
    const Element<Cyclotomic> z = from_real_weights(group, weights);
    const Cyclotomic direct = direct_loss(group, weights);
    const Cyclotomic general = loss_fourier(z);
    const bool dc = has_dc_inputs(z);
    bool proved = (general == direct);
    std::string zero_mean_text = "not applicable (DC input rows present)";
    if (!dc) {
        const Cyclotomic zero_mean = loss_fourier_zero_mean(z);
        proved = proved && (zero_mean == direct);
        zero_mean_text = zero_mean.to_string();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (options.json) {
        nlohmann::json j = {{"statement", "Theorem 1 (L2 loss decoupling)"},
                            {"group", group.spec()},
                            {"width", options.width},
                            {"seed", options.seed},
                            {"dc_inputs", dc},
                            {"direct_loss", direct.to_string()},
                            {"fourier_loss_general", general.to_string()},
                            {"fourier_loss_zero_mean", dc ? nlohmann::json(nullptr) : nlohmann::json(zero_mean_text)},
                            {"verdict", proved ? "PROVED" : "REFUTED"},
                            {"seconds", seconds}};
        out << j.dump(2) << "\n";
    } else {
        out << "Theorem 1 (L2 loss decoupling) on " << group.name() << ": q = " << options.width
            << " random rational weights (seed " << options.seed << "), " << (dc ? "with" : "without")
            << " DC input rows\n"
            << "  direct loss over all " << group.order() * group.order() << " pairs : " << direct.to_string() << "\n"
            << "  Fourier formula, general form   : " << general.to_string() << "\n"
            << "  Fourier formula, zero-mean form : " << zero_mean_text << "\n"
            << (proved ? "PROVED" : "REFUTED") << ": the formulas " << (proved ? "agree" : "DISAGREE")
            << " exactly (" << seconds << " s)\n";
    }
    return exit_code(proved ? Verdict::proved : Verdict::refuted);
}

}  // namespace cogo::cli
