#pragma once
/// \file solution_options.hpp
/// The command-line options that select an exact Fourier-domain element, shared by `cogo verify` and
/// `cogo construct`: a named construction of the catalogue (--solution with its parameters), a composed
/// ring expression (--expr), or an element file (--file, a cogo-element or certificate document).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/resource_limits.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Raw option values as typed by the user.
struct SolutionOptions {
    std::string group;            ///< --group / --d
    std::string solution;         ///< --solution: F6, F46, nui-synab, M, order4, min, min-zero-mean, F6R
    std::string expr;             ///< --expr: a ring expression (construct/expression.hpp)
    std::string file;             ///< --file: an element document
    std::string nu = "1/3";       ///< turns, comma-separated, cycled over frequencies (F46 takes the first)
    std::string xi = "1/8";       ///< turns for z_xi (F46, order4)
    std::string sign = "1";       ///< signs s = 1 or -1 for z_xi, comma-separated
    std::string alpha = "1/4";    ///< turns for z_syn_ab (nui-synab); alpha = beta = 0 would make z_syn_ab = z_syn
    std::string beta = "1/8";     ///< turns for z_syn_ab (nui-synab)
    std::optional<std::size_t> k0;///< frequency of the order-6 block of F46
    unsigned long q = 7;          ///< order of the cyclic family C_q (cyclic)
    std::string pairs = "1:3";    ///< (alpha, beta) exponents of C_q, "al:be" comma-separated (cyclic)
    std::string a = "2";          ///< the z_n parameter a (order8): "R" or "R@T" = R exp(2 pi i T), comma-separated
    std::string dc_alpha = "1";   ///< the real scale alpha of syn-dc (rational, non-zero)
};

/// The element chosen by the options, with a description and its parameters (for reports and files).
struct SelectedElement {
    Element<Cyclotomic> z;
    std::string name;          ///< construction name, "expr" or "file"
    std::string description;   ///< e.g. "z_F6 on Z_23 (nu = 1/3)"
    nlohmann::json parameters; ///< the parameters as given
};

/// Registers the options on a subcommand.
void add_solution_options(CLI::App* command, SolutionOptions& options);

/// Builds the element; throws InvalidInput on unknown names, malformed parameters, missing or conflicting
/// selections, and groups a construction does not support; throws ResourceLimit (before building) when
/// the element's estimated size exceeds `limits` (element_cost.hpp).
[[nodiscard]] SelectedElement select_element(const SolutionOptions& options, const ResourceLimits& limits = {});

/// The names accepted by --solution.
inline constexpr const char* kSolutionNames =
    "F6, F46, nui-synab, order4, cyclic, order8 (odd order); syn-dc (odd order divisible by 3); M (Z_d); min, "
    "min-zero-mean, F6R (any group)";

}  // namespace cogo::cli
