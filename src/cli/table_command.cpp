#include "cli/table_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyze/angle_histograms.hpp"
#include "analyze/order_distribution.hpp"
#include "analyze/sweep_table.hpp"
#include "cli/crosscheck_command.hpp"
#include "cli/exit_codes.hpp"
#include "io/atomic_file.hpp"
#include "io/bounded_read.hpp"
#include "io/run_directory.hpp"
#include "io/svg_histogram.hpp"
#include "support/error.hpp"
#include "train/sweep.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxJsonBytes = std::uintmax_t{64} << 20;
/// Bumped whenever the cross-check's output for the same weights and options may change.
constexpr int kCacheVersion = 2;

nlohmann::json read_json(const fs::path& path) {
    try {
        return nlohmann::json::parse(read_regular_file_bounded(path, kMaxJsonBytes));
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput(path.string() + " is not valid JSON: " + e.what());
    }
}

/// Every option that can change a cross-check report.
nlohmann::json options_json(const analyze::CrosscheckOptions& a) {
    return {{"dead_threshold", a.assignment.dead_threshold},     {"dc_threshold", a.assignment.dc_threshold},
            {"spread_threshold", a.assignment.spread_threshold}, {"factor_tolerance", a.classify.factor_tolerance},
            {"class_tolerance", a.classify.class_tolerance},     {"magnitude_tolerance", a.classify.magnitude_tolerance},
            {"omega_tolerance", a.classify.omega_tolerance},     {"round_tolerance", a.round_tolerance},
            {"r_kkk_tolerance", a.r_kkk_tolerance},              {"snap_tolerance", a.snap_tolerance},
            {"bias_evidence", a.bias_evidence},                  {"max_terms", a.max_terms},
            {"verify", a.verify}};
}

}  // namespace

nlohmann::json crosscheck_cache_key(const nlohmann::json& marker_files, const std::string& group,
                                    const analyze::CrosscheckOptions& options) {
    nlohmann::json weights = nlohmann::json::object();
    for (const char* name : {run_files::wa, run_files::wb, run_files::v})
        weights[name] = marker_files.contains(name) ? marker_files.at(name).value("sha256", "") : "";
    return {{"version", kCacheVersion}, {"weights_sha256", weights}, {"group", group}, {"options", options_json(options)}};
}

namespace {

/// The crosscheck report of one run: the cached RUN/crosscheck.json when its cache key (the SHA-256 of the
/// weights as listed in the run's completion marker, the group and every analysis option) is this run's,
/// else computed now and cached. `fresh` tells whether it was computed now.
nlohmann::json crosscheck_of(const fs::path& run, const nlohmann::json& marker_files, const nlohmann::json& summary,
                             const TableOptions& o, bool& fresh) {
    const fs::path cache = run / run_files::crosscheck;
    const std::string group_spec = summary.contains("group") && summary.at("group").is_string() ? summary.at("group").get<std::string>() : "";
    const nlohmann::json key = crosscheck_cache_key(marker_files, group_spec, o.analysis);
    std::error_code ec;
    fresh = false;
    if (!o.refresh && fs::is_regular_file(fs::symlink_status(cache, ec))) {
        try {
            nlohmann::json cached = read_json(cache);
            if (cached.is_object() && cached.contains("cache_key") && cached.at("cache_key") == key) return cached;
        } catch (const Error&) {
            // unreadable cache: computed again below
        }
    }
    fresh = true;
    CrosscheckCommandOptions c;
    c.dir = run.string();
    c.group = group_spec;
    c.analysis = o.analysis;
    AbelianGroup group = AbelianGroup::cyclic(2);
    const NetworkWeights<double> weights = load_trained_weights(c, group);
    nlohmann::json report = crosscheck_json(analyze::crosscheck(group, weights, o.analysis));
    report["cache_key"] = key;
    write_file_atomically(cache, report.dump(2) + "\n");
    return report;
}

}  // namespace

void setup_table_command(CLI::App& command, TableOptions& o) {
    auto* cmd = &command;
    cmd->add_option("SWEEPDIR", o.dir, "Directory written by cogo sweep")->required();
    cmd->add_option("--latex", o.latex, "Also write the table as a LaTeX tabular to FILE");
    cmd->add_option("--svg", o.svg, "Also write histograms of the fitted parameters xi, nu, alpha, beta (in turns, modulo their symmetries) and of the block orders to FILE");
    cmd->add_option("--orders-svg", o.orders_svg, "Also write histograms of the per-frequency block orders by group, weight decay and width to FILE");
    cmd->add_flag("--json", o.json, "Machine-readable output");
    cmd->add_flag("--converged-only", o.converged_only, "Only runs that reached 100% test accuracy");
    cmd->add_flag("--refresh", o.refresh, "Re-run the cross-check even where RUN/crosscheck.json is cached");
    cmd->footer("Shares are per run, then mean +- standard error over the runs of a (group, width, wd) cell; the\n"
                "family shares are of the factorable blocks (as in the paper's Table 2). Exit codes: 0 ok, 2 bad input.\n");
}

int run_table(const TableOptions& o, std::ostream& out) {
    const fs::path root(o.dir);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw InvalidInput("table: " + o.dir + " is not a directory");
    std::vector<fs::path> run_dirs;
    std::size_t incomplete = 0;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.' || name == "logs" || !fs::is_directory(it->symlink_status())) continue;
        if (train::run_is_complete(it->path())) run_dirs.push_back(it->path());
        else ++incomplete;
    }
    if (ec) throw InvalidInput("table: cannot read " + o.dir + ": " + ec.message());
    std::sort(run_dirs.begin(), run_dirs.end());
    if (run_dirs.empty()) throw InvalidInput("table: no complete run in " + o.dir + " (run cogo sweep --out " + o.dir + " first)");

    std::vector<analyze::RunShares> runs;
    std::vector<std::pair<std::string, std::string>> skipped;  // (run folder, reason)
    std::size_t fresh = 0;
    for (const fs::path& run : run_dirs) {
        // a run that cannot be analysed (diverged to NaN, malformed summary, ...) is named and left out
        try {
            const RunCheck check = check_run(run);
            if (!check.complete) throw InvalidInput(check.reason);
            const nlohmann::json summary = read_json(run / run_files::summary);
            bool computed = false;
            const nlohmann::json report = crosscheck_of(run, check.files, summary, o, computed);
            fresh += computed;
            runs.push_back(analyze::run_shares(summary, report));
        } catch (const Error& e) {
            skipped.emplace_back(run.string(), e.what());
        }
    }
    if (runs.empty())
        throw InvalidInput("table: no run of " + o.dir + " could be analysed; the first, " + skipped.front().first + ": " +
                           skipped.front().second);
    const auto rows = analyze::aggregate(runs, o.converged_only);
    if (!o.latex.empty()) write_file_atomically(o.latex, analyze::table_latex(rows));
    if (!o.svg.empty()) write_file_atomically(o.svg, analyze::angle_histograms_svg(runs));
    if (!o.orders_svg.empty()) write_file_atomically(o.orders_svg, analyze::order_distribution_svg(runs));
    if (o.json) {
        nlohmann::json skipped_json = nlohmann::json::array();
        for (const auto& [run, reason] : skipped) skipped_json.push_back({{"run", run}, {"reason", reason}});
        out << nlohmann::json{{"runs", runs.size()}, {"rows", analyze::table_json(rows)}, {"skipped", skipped_json},
                              {"incomplete", incomplete}}
                   .dump(2)
            << "\n";
    } else {
        out << "table: " << runs.size() << " runs (" << fresh << " cross-checked now, " << runs.size() - fresh
            << " from cache)";
        if (incomplete) out << "; " << incomplete << " incomplete folder(s) ignored";
        out << "\n";
        for (const auto& [run, reason] : skipped) out << "  skipped " << run << ": " << reason << "\n";
        out << "\n" << analyze::table_text(rows);
        if (!o.latex.empty()) out << "wrote " << o.latex << "\n";
        if (!o.svg.empty()) out << "wrote " << o.svg << "\n";
        if (!o.orders_svg.empty()) out << "wrote " << o.orders_svg << "\n";
    }
    return exit_ok;
}

}  // namespace cogo::cli
