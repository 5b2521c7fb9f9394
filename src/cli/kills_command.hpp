#pragma once
/// \file kills_command.hpp
/// `cogo kills`: the kill table of an element (construct/kill_table.hpp): per frequency, which of the ten
/// named potentials it kills exactly and the values it leaves; with --times EXPR the composition lemma
/// computed for element * EXPR; with --paper the paper's partial solutions for generic parameters.
/// Text (default), LaTeX (--format latex / --latex) or JSON (--format json / --json). With --symbol / --real-symbol
/// the expressions have parameters (cogo::Symbolic): "kills" then means for ALL parameter values, values are
/// Laurent polynomials in the parameters, and with one parameter each potential that is not killed gets the
/// exact condition under which it vanishes (verify/symbolic_residuals.hpp), e.g. "killed iff xi^2 = zeta_4".
#include <iosfwd>
#include <string>

#include "cli/solution_options.hpp"
#include "construct/expression.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo kills` as typed.
struct KillsOptions {
    SolutionOptions selection;  ///< the element (--solution / --expr / --file and their parameters)
    std::string times;          ///< --times EXPR: a second factor for the composition check
    bool paper = false;         ///< --paper: the paper's table for generic parameters
    std::string format = "text";  ///< text | latex | json
    bool json = false;          ///< --json: same as --format json
    bool latex = false;         ///< --latex: same as --format latex
    ExpressionSymbols symbols;  ///< --symbol / --real-symbol: parameters of --expr and --times
};

/// Declares the options and footer of `kills` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_kills_command(CLI::App& command, KillsOptions& options);

/// Computes and prints the table. Returns 0, or 1 if a computed composition check fails (it cannot for a
/// correct implementation: the potentials are ring homomorphisms). Throws InvalidInput on bad options.
int run_kills(const KillsOptions& options, std::ostream& out);

}  // namespace cogo::cli
