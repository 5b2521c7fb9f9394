#pragma once
/// \file sweep_table.hpp
/// The paper's table (docs/theory.md section 7, Table 2) from many cross-checked runs: per (group, width,
/// weight decay, learning rate), the shares of the frequency blocks of each run in the families, as mean +- standard
/// error over the runs (seeds). Works on the JSON documents of `cogo crosscheck --json` (cli/crosscheck_command.hpp)
/// and the runs' summary.json, so it does not depend on the analysis code's internals.
///
/// Shares, per run (as the paper): among the FACTORABLE blocks, those classified z_{nu=i}*z_xi (order 4),
/// z_nu*z_syn (order 6), z_{nu=i}*z_{syn,ab} (order 6), and "other" (factorable, no family). Besides: the
/// share of non-factorable blocks among all blocks, and the share of blocks whose rounded network verified
/// exactly. A run without blocks contributes no shares (it is counted in `runs_without_blocks`).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

namespace cogo::analyze {

/// What one run contributes.
struct RunShares {
    std::string group;
    std::size_t width = 0;
    double wd = 0;
    double lr = 0;  ///< 0 if the summary names none
    std::uint64_t seed = 0;
    /// The run's settings beyond the paper's, as text ("" for the paper's: Adam with coupled weight decay,
    /// test fraction 0.1, full batch, init scale 1), e.g. "adamw, test 0.5, batch 64, init x0.5": runs
    /// with different variants are never averaged together.
    std::string variant;
    std::size_t blocks = 0, factorable = 0, nui_xi = 0, nu_syn = 0, nui_synab = 0, other = 0, verified = 0;
    bool converged = false;  ///< final test accuracy 1 (or train accuracy 1 without a test set)
    std::map<std::string, std::vector<double>> angles;  ///< parameter name -> fitted angles (radians, (-pi, pi])
    /// parameter name -> fitted values in turns modulo the family's symmetries (analyze/angle_histograms.hpp)
    std::map<std::string, std::vector<double>> canonical_turns;
    std::vector<double> block_orders;                   ///< the order (node count) of every block
};

/// Reads a run from its summary.json and crosscheck.json documents. Throws InvalidInput if a field is missing.
RunShares run_shares(const nlohmann::json& summary, const nlohmann::json& crosscheck);

/// Mean and standard error (sample standard deviation / sqrt(n); 0 for n = 1) of a list.
struct MeanError {
    double mean = 0, error = 0;
    std::size_t n = 0;
};
MeanError mean_error(const std::vector<double>& values);

/// One row of the table: a (group, width, wd, lr, variant) cell over its runs (runs with other learning
/// rates or other variants are never averaged together).
struct TableRow {
    std::string group;
    std::size_t width = 0;
    double wd = 0;
    double lr = 0;
    std::string variant;  ///< RunShares::variant of its runs
    std::size_t runs = 0, converged = 0, runs_without_blocks = 0;
    MeanError nui_xi, nu_syn, nui_synab, other;  ///< shares of factorable blocks, in percent
    MeanError non_factorable, verified;          ///< shares of all blocks, in percent
};

/// The variant text of a run's summary.json (RunShares::variant); missing keys mean the paper's settings.
[[nodiscard]] std::string run_variant(const nlohmann::json& summary);

/// Rows sorted by (order of the group, group, width, wd, lr, variant). `converged_only` drops runs that did not converge.
std::vector<TableRow> aggregate(const std::vector<RunShares>& runs, bool converged_only);

/// The paper's Table 2 row for (d, 512, 5e-5), if docs/theory.md quotes one (d in {23, 71, 127}): shares in
/// percent in the order nui_xi, nu_syn, nui_synab, other.
bool paper_row(const std::string& group, std::size_t width, double wd, double out[4]);

/// Plain-text table (with the paper's rows where available).
std::string table_text(const std::vector<TableRow>& rows);
/// LaTeX tabular (booktabs), mean $\pm$ standard error.
std::string table_latex(const std::vector<TableRow>& rows);
/// JSON form of the rows.
nlohmann::json table_json(const std::vector<TableRow>& rows);

}  // namespace cogo::analyze
