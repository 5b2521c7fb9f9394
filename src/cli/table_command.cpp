#include "cli/table_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyze/angle_histograms.hpp"
#include "analyze/sweep_table.hpp"
#include "cli/crosscheck_command.hpp"
#include "cli/exit_codes.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"
#include "train/sweep.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const fs::path& path) {
    try {
        return nlohmann::json::parse(read_file(path));
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput("table: " + path.string() + " is not valid JSON: " + e.what());
    }
}

/// The crosscheck report of one run, from the cache when it is newer than the weights; `fresh` tells
/// whether it was computed now.
nlohmann::json crosscheck_of(const fs::path& run, const nlohmann::json& summary, const TableOptions& o, bool& fresh) {
    const fs::path cache = run / "crosscheck.json";
    std::error_code ec;
    fresh = false;
    if (!o.refresh && fs::is_regular_file(cache, ec) &&
        fs::last_write_time(cache, ec) >= fs::last_write_time(run / "Wa.npy", ec))
        return read_json(cache);
    fresh = true;
    CrosscheckCommandOptions c;
    c.dir = run.string();
    c.group = summary.value("group", "");
    c.analysis = o.analysis;
    AbelianGroup group = AbelianGroup::cyclic(2);
    const analyze::TrainedWeights weights = load_trained_weights(c, group);
    const nlohmann::json report = crosscheck_json(analyze::crosscheck(group, weights, o.analysis));
    write_file_atomically(cache, report.dump(2) + "\n");
    return report;
}

}  // namespace

CLI::App* add_table_command(CLI::App& app, TableOptions& o) {
    auto* cmd = app.add_subcommand("table", "Aggregate a sweep's cross-checks into the paper's table (text, LaTeX, JSON) "
                                            "and parameter-angle histograms (SVG)");
    cmd->add_option("SWEEPDIR", o.dir, "Directory written by cogo sweep")->required();
    cmd->add_option("--latex", o.latex, "Also write the table as a LaTeX tabular to FILE");
    cmd->add_option("--svg", o.svg, "Also write histograms of the fitted parameters xi, nu, alpha, beta (in turns, modulo their symmetries) and of the block orders to FILE");
    cmd->add_flag("--json", o.json, "Machine-readable output");
    cmd->add_flag("--converged-only", o.converged_only, "Only runs that reached 100% test accuracy");
    cmd->add_flag("--refresh", o.refresh, "Re-run the cross-check even where RUN/crosscheck.json is cached");
    cmd->footer("Shares are per run, then mean +- standard error over the runs of a (group, width, wd) cell; the\n"
                "family shares are of the factorable blocks (as in the paper's Table 2). Exit codes: 0 ok, 2 bad input.\n");
    return cmd;
}

int run_table(const TableOptions& o, std::ostream& out) {
    const fs::path root(o.dir);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw InvalidInput("table: " + o.dir + " is not a directory");
    std::vector<fs::path> run_dirs;
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory() && train::run_is_complete(entry.path())) run_dirs.push_back(entry.path());
    if (ec) throw InvalidInput("table: cannot read " + o.dir + ": " + ec.message());
    std::sort(run_dirs.begin(), run_dirs.end());
    if (run_dirs.empty()) throw InvalidInput("table: no complete run in " + o.dir + " (run cogo sweep --out " + o.dir + " first)");

    std::vector<analyze::RunShares> runs;
    std::size_t fresh = 0;
    for (const fs::path& run : run_dirs) {
        const nlohmann::json summary = read_json(run / "summary.json");
        bool computed = false;
        const nlohmann::json report = crosscheck_of(run, summary, o, computed);
        fresh += computed;
        runs.push_back(analyze::run_shares(summary, report));
    }
    const auto rows = analyze::aggregate(runs, o.converged_only);
    if (!o.latex.empty()) write_file_atomically(o.latex, analyze::table_latex(rows));
    if (!o.svg.empty()) write_file_atomically(o.svg, analyze::angle_histograms_svg(runs));
    if (o.json) {
        out << nlohmann::json{{"runs", runs.size()}, {"rows", analyze::table_json(rows)}}.dump(2) << "\n";
    } else {
        out << "table: " << runs.size() << " runs (" << fresh << " cross-checked now, " << runs.size() - fresh
            << " from cache)\n\n" << analyze::table_text(rows);
        if (!o.latex.empty()) out << "wrote " << o.latex << "\n";
        if (!o.svg.empty()) out << "wrote " << o.svg << "\n";
    }
    return exit_ok;
}

}  // namespace cogo::cli
