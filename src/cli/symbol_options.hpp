#pragma once
/// \file symbol_options.hpp
/// The options that declare symbolic parameters of an --expr expression (construct/expression.hpp):
///   --symbol NAME[,NAME...]        unit-modulus parameters (conj(t) = 1/t), repeatable
///   --real-symbol NAME[,NAME...]   real parameters (conj(r) = r), repeatable
/// and the symbolic element they select (`verify` and `kills` with symbols).
#include <string>

#include <nlohmann/json.hpp>

#include "cli/solution_options.hpp"
#include "construct/expression.hpp"
#include "construct/symbolic_expression.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Registers --symbol and --real-symbol on `command`, writing into `symbols`.
void add_symbol_options(CLI::App* command, ExpressionSymbols& symbols);

/// A symbolic element chosen on the command line (--expr with --symbol / --real-symbol).
struct SymbolicElement {
    Element<Symbolic> z;
    std::string description;  ///< e.g. "'sum(nu(t) * syn) / 6' on Z_7 (unit symbol t)"
};

/// Builds the --expr element with the declared symbols. Throws InvalidInput if --solution or --file is
/// given instead of --expr (symbols are parameters of expressions only), the group is missing, a symbol
/// declaration is invalid, or the expression is; ResourceLimit beyond `limits`.
[[nodiscard]] SymbolicElement select_symbolic_element(const SolutionOptions& options, const ExpressionSymbols& symbols,
                                                      const ResourceLimits& limits = {});

/// "unit symbol t, real symbol r".
[[nodiscard]] std::string describe_symbols(const ExpressionSymbols& symbols);

/// [{"name": "t", "kind": "unit"}, ...].
[[nodiscard]] nlohmann::json symbols_json(const ExpressionSymbols& symbols);

}  // namespace cogo::cli
