#include "cli/dynamics_command.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/number_options.hpp"
#include "dynamics/dynamics_series.hpp"
#include "io/atomic_file.hpp"
#include "io/bounded_read.hpp"
#include "io/npy.hpp"
#include "io/run_directory.hpp"
#include "support/error.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxSummaryBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxCheckpointsLimit = 100000;

nlohmann::json read_summary(const fs::path& path) {
    const std::string text = read_text_file_bounded(path, kMaxSummaryBytes, "run summary");
    check_json_depth(text, path.string());
    try {
        nlohmann::json doc = nlohmann::json::parse(text);
        if (!doc.is_object()) throw InvalidInput("dynamics: " + path.string() + " is not a JSON object");
        return doc;
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput("dynamics: " + path.string() + " is not valid JSON: " + e.what());
    }
}

/// The step of a marker entry "checkpoints/step_<digits>/<file>", or -1 if the name is not of that form.
long long checkpoint_step(const std::string& name, std::string& file) {
    const std::string prefix = std::string(run_files::checkpoints) + "/step_";
    if (name.rfind(prefix, 0) != 0) return -1;
    const std::size_t slash = name.find('/', prefix.size());
    if (slash == std::string::npos || slash == prefix.size() || slash - prefix.size() > 18) return -1;
    long long step = -1;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + slash;
    const auto [ptr, ec] = std::from_chars(first, last, step);
    if (ec != std::errc() || ptr != last || step < 0) return -1;
    file = name.substr(slash + 1);
    return step;
}

NetworkWeights<double> read_weights(const fs::path& folder) {
    auto matrix = [&](const char* name) {
        const std::string path = (folder / name).string();
        return as_matrix(read_npy(path), path);
    };
    return {matrix(run_files::wa), matrix(run_files::wb), matrix(run_files::v)};
}

std::string sci(double v) {
    if (!std::isfinite(v)) return "nan";
    std::ostringstream s;
    s << std::scientific << std::setprecision(2) << v;
    return s.str();
}

}  // namespace

std::vector<RunWeights> read_run_weights(const std::string& run, std::size_t max_checkpoints, AbelianGroup& group) {
    const fs::path dir(run);
    const RunCheck check = check_run(dir);
    if (!check.complete) throw InvalidInput("dynamics: " + run + " is not a complete run folder: " + check.reason);
    if (!check.identity.is_object() || check.identity.value("kind", std::string()) != "cogo-train")
        throw InvalidInput("dynamics: " + run + " was not written by cogo train (its completion marker names no training run)");
    const nlohmann::json summary = read_summary(dir / run_files::summary);
    if (!summary.contains("group") || !summary.at("group").is_string())
        throw InvalidInput("dynamics: " + (dir / run_files::summary).string() + " records no group");
    group = AbelianGroup::parse(summary.at("group").get<std::string>());
    if (!summary.contains("steps") || !summary.at("steps").is_number_unsigned())
        throw InvalidInput("dynamics: " + (dir / run_files::summary).string() + " records no step count");
    const std::uint64_t steps = summary.at("steps").get<std::uint64_t>();

    // the checkpoints the marker lists (so each file was checked for its size and SHA-256)
    std::map<long long, std::map<std::string, bool>> listed;
    if (check.files.is_object())
        for (const auto& [name, entry] : check.files.items()) {
            std::string file;
            const long long step = checkpoint_step(name, file);
            if (step >= 0) listed[step][file] = true;
        }
    if (listed.size() > max_checkpoints)
        throw InvalidInput("dynamics: " + run + " has " + std::to_string(listed.size()) + " checkpoints, more than --max-checkpoints " +
                           std::to_string(max_checkpoints));
    std::vector<RunWeights> out;
    for (const auto& [step, files] : listed) {
        for (const char* name : {run_files::wa, run_files::wb, run_files::v})
            if (!files.count(name))
                throw InvalidInput("dynamics: checkpoint " + checkpoint_folder(static_cast<std::size_t>(step)) + " of " + run +
                                   " has no " + name);
        if (static_cast<std::uint64_t>(step) > steps)
            throw InvalidInput("dynamics: checkpoint " + checkpoint_folder(static_cast<std::size_t>(step)) + " of " + run +
                               " is beyond the run's " + std::to_string(steps) + " steps");
        out.push_back({static_cast<std::size_t>(step), read_weights(dir / checkpoint_folder(static_cast<std::size_t>(step)))});
    }
    if (out.empty())
        throw InvalidInput("dynamics: " + run + " has no checkpoints (train it with --checkpoint STEPS, e.g. --checkpoint 0,100,1000)");
    if (out.back().step != steps) out.push_back({static_cast<std::size_t>(steps), read_weights(dir)});
    return out;
}

void setup_dynamics_command(CLI::App& command, DynamicsOptions& o) {
    auto* cmd = &command;
    cmd->add_option("RUN", o.run, "Run folder written by cogo train --checkpoint STEPS --out RUN")->required();
    cmd->add_option("--out,-o", o.out,
                    "Write dynamics.csv, dynamics.json, potentials.svg and blocks.svg into this folder (created if missing)");
    cmd->add_flag("--json", o.json, "Machine-readable output on stdout (the content of dynamics.json)");
    cmd->add_flag("!--no-classify", o.classify,
                  "Only assign nodes to frequencies (block orders), without factorising and classifying the blocks");
    cmd->add_option("--max-checkpoints", o.max_checkpoints, "Refuse a run with more checkpoints than this")
        ->transform(whole_number(1, kMaxCheckpointsLimit))->capture_default_str();
    cmd->footer("Potentials are in docs/theory.md's normalisation (r_kkk = 1 at a global optimum); every set is the sum of "
                "the moduli of its potentials, over all nodes. Floating point: measurements, not proofs.\n"
                "Exit codes: 0 ok, 2 bad input (not a complete cogo train folder, no checkpoint, bad weights, --out not "
                "writable), 3 standard output not writable, 4 internal error.\n");
}

int run_dynamics(const DynamicsOptions& o, std::ostream& out) {
    AbelianGroup group = AbelianGroup::cyclic(2);
    const std::vector<RunWeights> weights = read_run_weights(o.run, o.max_checkpoints, group);
    const nlohmann::json summary = read_summary(fs::path(o.run) / run_files::summary);
    std::vector<DynamicsSnapshot> series;
    series.reserve(weights.size());
    for (const RunWeights& w : weights) {
        try {
            series.push_back(dynamics_snapshot(group, w.weights, w.step, o.classify, o.analysis));
        } catch (const InvalidInput& e) {
            throw InvalidInput("dynamics: the weights after step " + std::to_string(w.step) + " of " + o.run + ": " + e.what());
        }
    }
    std::ostringstream title;
    title << group.name() << ", q = " << weights.front().weights.wa.rows();
    if (summary.contains("wd") && summary.at("wd").is_number()) title << ", wd " << summary.at("wd").get<double>();
    if (summary.contains("seed") && summary.at("seed").is_number_unsigned()) title << ", seed " << summary.at("seed").get<std::uint64_t>();
    const nlohmann::json doc = dynamics_json(group, series);
    if (!o.out.empty()) {
        // every output is prepared before any is written
        const std::string csv = dynamics_csv(series), potentials = potentials_svg(series, title.str()),
                          blocks = blocks_svg(series, title.str()), json = doc.dump(1) + "\n";
        std::error_code ec;
        fs::create_directories(o.out, ec);
        if (ec) throw InvalidInput("dynamics: cannot create --out " + o.out + ": " + ec.message());
        const fs::path dir(o.out);
        write_file_atomically(dir / "dynamics.csv", csv);
        write_file_atomically(dir / "dynamics.json", json);
        write_file_atomically(dir / "potentials.svg", potentials);
        write_file_atomically(dir / "blocks.svg", blocks);
    }
    if (o.json) {
        out << doc.dump(1) << "\n";
        return exit_ok;
    }
    out << "dynamics of " << o.run << " (" << title.str() << "): " << series.size() << " checkpoints\n";
    out << std::left << std::setw(9) << "step" << std::setw(6) << "live" << std::setw(10) << "norm" << std::setw(11)
        << "max|r-1|" << std::setw(10) << "max R_c" << std::setw(10) << "max R_n" << std::setw(10) << "max R_*"
        << std::setw(11) << "max|bias|" << "orders (families)\n";
    for (const DynamicsSnapshot& s : series) {
        double r = 0, rc = 0, rn = 0, rs = 0, bias = 0;
        for (const FrequencyPotentials& p : s.potentials) {
            r = std::max(r, std::abs(p.r_kkk - 1.0));
            rc = std::max(rc, p.r_c);
            rn = std::max(rn, p.r_n);
            rs = std::max(rs, p.r_star);
            bias = std::max(bias, std::abs(p.bias));
        }
        std::map<std::size_t, std::size_t> orders;
        std::map<std::string, std::size_t> families;
        for (std::size_t i = 0; i < s.order.size(); ++i) {
            if (s.order[i] == 0) continue;
            ++orders[s.order[i]];
            if (s.classified) ++families[analyze::family_name(s.family[i])];
        }
        std::ostringstream o_text;
        for (const auto& [order, count] : orders) o_text << count << "x" << order << " ";
        if (!families.empty()) {
            o_text << "(";
            bool first = true;
            for (const auto& [name, count] : families) o_text << (first ? "" : ", ") << count << " " << name, first = false;
            o_text << ")";
        }
        std::ostringstream norm;
        norm << std::fixed << std::setprecision(2) << s.orbit_norm;
        out << std::left << std::setw(9) << s.step << std::setw(6) << s.live << std::setw(10) << norm.str() << std::setw(11)
            << sci(r) << std::setw(10) << sci(rc) << std::setw(10) << sci(rn) << std::setw(10) << sci(rs) << std::setw(11)
            << sci(bias) << o_text.str() << "\n";
    }
    if (!o.out.empty())
        out << "wrote " << o.out << "/{dynamics.csv, dynamics.json, potentials.svg, blocks.svg}\n";
    return exit_ok;
}

}  // namespace cogo::cli
