#pragma once
/// \file angle_histograms.hpp
/// Histograms of the fitted family parameters of many cross-checked blocks (`cogo table --svg`), in turns
/// (1 turn = 2 pi, the unit of the tables), each parameter taken modulo the symmetries that map a family
/// member to the same element (docs/theory.md section 5b), so that one element gives one number:
/// * nu (z_nu * z_syn): nu ~ w nu (z_syn absorbs w = e^{2 pi i/3}), nu ~ -nu (the (-1,-1,1) gauge),
///   nu ~ conj(nu) (node swap): arg nu in the fundamental domain [0, 1/12] turn; nu is a free parameter, so a
///   flat histogram is expected;
/// * xi (z_{nu=i} * z_xi): z_xi(xi, s) ~ z_xi(i xi, s) ~ z_xi(-xi, -s): arg xi in [0, 1/4) turn with s = +1;
///   the paper's clusters at +-pi/4, +-3pi/4 (xi^4 = -1) are all 1/8 turn there;
/// * alpha, beta (z_{nu=i} * z_{syn,ab}): the six-element orbit of analyze::canonical_alpha_beta, in [0, 1/4).
/// The canonical representative of a FITTED (float) value is the member of its orbit nearest to the exact
/// canonical value of the block's rounding (the `params` of the crosscheck JSON), so float and exact agree.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cogo::analyze {

struct RunShares;

/// arg nu in turns folded into [0, 1/12]: t = nu mod 1/6, then min(t, 1/6 - t).
[[nodiscard]] double fold_nu_turns(double nu);

/// x mod m in [0, m) for m > 0 (doubles).
[[nodiscard]] double wrap_turns(double x, double m);

/// The fitted parameters of one block of a crosscheck JSON document ("params_found", "params_snapped",
/// "params"), canonicalised as in the file comment, in turns: keys among "nu", "xi", "alpha", "beta". A block
/// without these (unknown family, or fields missing or malformed) gives an empty map.
[[nodiscard]] std::map<std::string, double> canonical_found_turns(const nlohmann::json& block);

/// The SVG document of `cogo table --svg`: one panel each for xi, nu, alpha, beta (canonical turns, with
/// reference lines at the paper's values) and one for the block orders, over all runs.
[[nodiscard]] std::string angle_histograms_svg(const std::vector<RunShares>& runs);

}  // namespace cogo::analyze
