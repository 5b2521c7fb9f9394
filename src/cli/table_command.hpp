#pragma once
/// \file table_command.hpp
/// `cogo table SWEEPDIR`: the paper's table from a sweep (cli/sweep_command.hpp). Every complete run in
/// SWEEPDIR (a sub-folder passing io/run_directory.hpp's completion check, with weights and summary.json) is
/// cross-checked (cogo crosscheck; the JSON report is cached as RUN/crosscheck.json, keyed on the content:
/// the SHA-256 of the weights, the group and every analysis option; see crosscheck_cache_key). A run that
/// cannot be analysed (NaN weights, ...) is named with its reason and left out. Then the
/// runs are grouped by (group, width, weight decay) and the block shares aggregated over seeds
/// (analyze/sweep_table.hpp). Output: a text table on stdout (or JSON with --json), optionally a LaTeX
/// tabular (--latex FILE) and the histograms of the fitted parameter angles xi, nu, alpha, beta and of the
/// block orders (--svg FILE), and the distribution of the per-frequency orders by group, weight decay and width
/// (--orders-svg FILE, analyze/order_distribution.hpp).
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

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
    std::string orders_svg;       ///< --orders-svg FILE: per-frequency orders by group, wd and width
    bool json = false;            ///< --json
    bool converged_only = false;  ///< --converged-only
    bool refresh = false;         ///< --refresh: ignore cached crosscheck.json
    analyze::CrosscheckOptions analysis;
};

/// Declares the options and footer of `table` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_table_command(CLI::App& command, TableOptions& options);

/// The key under which a run's cross-check is cached: the weights' SHA-256 from the completion marker's file
/// list, the group spec and every option that can change the report.
[[nodiscard]] nlohmann::json crosscheck_cache_key(const nlohmann::json& marker_files, const std::string& group,
                                                  const analyze::CrosscheckOptions& options);

/// Runs `cogo table`; returns 0 (exit 2 through InvalidInput when SWEEPDIR has no complete run or is unreadable).
int run_table(const TableOptions& options, std::ostream& out);

}  // namespace cogo::cli
