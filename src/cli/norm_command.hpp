#pragma once
/// \file norm_command.hpp
/// `cogo norm`: the orbit-minimal L2 norm (dynamics/orbit_norm.hpp) of an element chosen as for verify
/// (--solution / --expr / --file): the total in floating point from the exact per-node u_j, v_j, and with
/// --per-node each node's E_j and its exact cube E_j^3 = (27/4) u_j^2 v_j.
#include <iosfwd>

#include "cli/solution_options.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo norm` as typed.
struct NormOptions {
    SolutionOptions selection;  ///< the element
    bool per_node = false;      ///< --per-node: list every node
    bool json = false;          ///< --json
};

/// Declares the options and footer of `norm` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_norm_command(CLI::App& command, NormOptions& options);

/// Prints the report; returns 0. Throws InvalidInput on bad options.
int run_norm(const NormOptions& options, std::ostream& out);

}  // namespace cogo::cli
