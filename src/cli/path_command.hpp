#pragma once
/// \file path_command.hpp
/// `cogo path`: Theorem 5's zero-loss path between the global solutions z = y * z' and z'
/// (dynamics/zero_loss_path.hpp), checked exactly: z' and z are verified; the loss along
/// z(t) = y_t * z' is verified for a symbolic real t (PROVED = the conditions of l = 0 hold identically in
/// t); and with --certificate PREFIX, two certificates at t = 1/3 and t = 2/3 that `cogo check-cert`
/// re-checks (every condition is affine in t, so two points decide it for all t).
#include <cstddef>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo path` as typed.
struct PathOptions {
    std::string group;        ///< --d / --group
    std::string y;            ///< --y EXPR: the multiplier
    std::string z_prime;      ///< --z EXPR: the lower-order solution z'
    std::string certificate;  ///< --certificate PREFIX: PREFIX.t1_3.json and PREFIX.t2_3.json
    std::size_t max_terms = 50'000'000;  ///< work limit of each verification
    bool json = false;
};

/// Declares the options and footer of `path` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_path_command(CLI::App& command, PathOptions& options);

/// Runs the checks and prints the report. Exit 0: z', z global and the path PROVED for all t; 1: a
/// hypothesis (z' or z global) or the path identity is refuted (the exact loss l(t) is printed);
/// 3: a verification beyond --max-terms. Throws InvalidInput on bad options or expressions.
int run_path(const PathOptions& options, std::ostream& out);

}  // namespace cogo::cli
