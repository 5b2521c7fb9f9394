#pragma once
/// \file table_command.hpp
/// `cogo table SWEEPDIR`: the paper's table from a sweep (cli/sweep_command.hpp). Every complete run in
/// SWEEPDIR (a sub-directory with Wa.npy, Wb.npy, V.npy, summary.json) is cross-checked (cogo crosscheck;
/// the JSON report is cached as RUN/crosscheck.json and reused while it is newer than the weights), then the
/// runs are grouped by (group, width, weight decay) and the block shares aggregated over seeds
/// (analyze/sweep_table.hpp). Output: a text table on stdout (or JSON with --json), optionally a LaTeX
/// tabular (--latex FILE) and the histograms of the fitted parameter angles xi, nu, alpha, beta and of the
/// block orders (--svg FILE).
#include <iosfwd>
#include <string>

#include "analyze/crosscheck.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo table`.
struct TableOptions {
    std::string dir;              ///< SWEEPDIR
    std::string latex;            ///< --latex FILE
    std::string svg;              ///< --svg FILE
    bool json = false;            ///< --json
    bool converged_only = false;  ///< --converged-only
    bool refresh = false;         ///< --refresh: ignore cached crosscheck.json
    analyze::CrosscheckOptions analysis;
};

/// Registers `table` on `app`; returns the subcommand.
CLI::App* add_table_command(CLI::App& app, TableOptions& options);

/// Runs `cogo table`; returns 0 (exit 2 through InvalidInput when SWEEPDIR has no complete run or is unreadable).
int run_table(const TableOptions& options, std::ostream& out);

}  // namespace cogo::cli
