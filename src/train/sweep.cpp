#include "train/sweep.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>
#include <system_error>

#include "io/run_directory.hpp"
#include "support/error.hpp"
#include "train/run_identity.hpp"

namespace cogo::train {

std::string shortest_decimal(double v) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

namespace {

/// The whole string s as an unsigned number (no sign, no spaces, nothing after); else InvalidInput(error).
template <class T>
T whole_number(const std::string& s, const std::string& error) {
    T v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) throw InvalidInput(error);
    return v;
}

template <class T>
void require_list(const std::vector<T>& values, const char* what) {
    if (values.empty()) throw InvalidInput(std::string("sweep: the list of ") + what + " is empty");
    std::set<T> seen;
    for (const T& v : values)
        if (!seen.insert(v).second) {
            std::ostringstream text;
            text << v;
            throw InvalidInput(std::string("sweep: the list of ") + what + " has the value " + text.str() + " twice");
        }
}

}  // namespace

std::string run_name(const TrainConfig& c) {
    return "g" + c.group + "_q" + std::to_string(c.width) + "_wd" + shortest_decimal(c.weight_decay) + "_lr" + shortest_decimal(c.lr) +
           (c.test_fraction != 0.1 ? "_test" + shortest_decimal(c.test_fraction) : std::string()) + "_s" +
           std::to_string(c.seed);
}

std::vector<SweepRun> expand(const SweepGrid& grid) {
    std::vector<std::string> groups;
    for (const std::string& g : grid.groups) groups.push_back(AbelianGroup::parse(g).spec());  // "05" -> "5"
    require_list(groups, "groups");
    require_list(grid.widths, "widths");
    require_list(grid.weight_decays, "weight decays");
    require_list(grid.lrs, "learning rates");
    require_list(grid.seeds, "seeds");
    const std::vector<double> fractions = grid.test_fractions.empty() ? std::vector<double>{grid.base.test_fraction}
                                                                      : grid.test_fractions;
    require_list(fractions, "test fractions");
    std::size_t total = 1;
    for (std::size_t n : {groups.size(), grid.widths.size(), grid.weight_decays.size(), grid.lrs.size(),
                          fractions.size(), grid.seeds.size()}) {
        if (n > max_sweep_runs || total * n > max_sweep_runs)
            throw InvalidInput("sweep: the grid has more than " + std::to_string(max_sweep_runs) + " runs");
        total *= n;
    }
    std::vector<SweepRun> runs;
    for (const std::string& group : groups)
        for (std::size_t width : grid.widths)
            for (double wd : grid.weight_decays)
                for (double lr : grid.lrs)
                    for (double fraction : fractions)
                    for (std::uint64_t seed : grid.seeds) {
                        TrainConfig c = grid.base;
                        c.test_fraction = fraction;
                        c.group = group;
                        c.width = width;
                        c.weight_decay = wd;
                        c.lr = lr;
                        c.seed = seed;
                        c.checkpoints.clear();
                        validate(c);
                        runs.push_back({c, run_name(c)});
                    }
    return runs;
}

Shard parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    auto number = [&](const std::string& s) {
        return whole_number<std::size_t>(s, "--shard: expected I/N with integers 0 <= I < N, got '" + text + "'");
    };
    if (slash == std::string::npos) throw InvalidInput("--shard: expected I/N (e.g. 0/4), got '" + text + "'");
    Shard s{number(text.substr(0, slash)), number(text.substr(slash + 1))};
    if (s.count == 0 || s.index >= s.count)
        throw InvalidInput("--shard: expected I/N with 0 <= I < N, got '" + text + "'");
    return s;
}

std::vector<SweepRun> select_shard(const std::vector<SweepRun>& runs, const Shard& shard) {
    std::vector<SweepRun> out;
    for (std::size_t r = shard.index; r < runs.size(); r += shard.count) out.push_back(runs[r]);
    return out;
}

bool run_is_complete(const std::filesystem::path& dir) {
    const RunCheck check = check_run(dir);
    if (!check.complete) return false;
    for (const char* name : {run_files::wa, run_files::wb, run_files::v, run_files::summary})
        if (!check.files.contains(name)) return false;
    return true;
}

RunState run_state(const std::filesystem::path& dir, const TrainConfig& config, std::string* why) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(dir, ec))) return RunState::absent;
    const RunCheck check = check_run(dir);
    if (!check.complete) {
        if (why) *why = check.reason;
        return RunState::incomplete;
    }
    const nlohmann::json expected = run_identity(config);
    if (check.identity != expected) {
        if (why) *why = identity_difference(check.identity, expected);
        return RunState::foreign;
    }
    return RunState::complete;
}

std::vector<std::size_t> parse_count_list(const std::string& text, const std::string& what, std::size_t max) {
    std::vector<std::size_t> out;
    for (const std::string& item : split_list(text, what)) {
        const std::string error = what + ": '" + item + "' is not a whole number from 1 to " + std::to_string(max);
        if (item.find_first_not_of("0123456789") != std::string::npos) throw InvalidInput(error);
        const auto v = whole_number<std::size_t>(item, error);
        if (v < 1 || v > max) throw InvalidInput(error);
        out.push_back(v);
    }
    return out;
}

std::vector<double> parse_real_list(const std::string& text, const std::string& what) {
    std::vector<double> out;
    for (const std::string& item : split_list(text, what)) {
        double v = 0;
        const auto r = std::from_chars(item.data(), item.data() + item.size(), v);
        if (r.ec != std::errc() || r.ptr != item.data() + item.size() || !std::isfinite(v))
            throw InvalidInput(what + ": '" + item + "' is not a finite decimal number");
        out.push_back(v);
    }
    return out;
}

std::vector<std::uint64_t> parse_seed_list(const std::string& text) {
    std::vector<std::uint64_t> seeds;
    auto number = [&](const std::string& s) {
        return whole_number<std::uint64_t>(s, "--seeds: expected whole numbers (0 to 2^64 - 1) or ranges like 1-5, "
                                              "comma-separated; got '" + text + "'");
    };
    if (text.empty()) throw InvalidInput("--seeds: no seed given");
    for (const std::string& item : split_list(text, "--seeds")) {
        const auto dash = item.find('-');
        if (dash == std::string::npos) {
            seeds.push_back(number(item));
            continue;
        }
        const std::uint64_t lo = number(item.substr(0, dash)), hi = number(item.substr(dash + 1));
        if (hi < lo) throw InvalidInput("--seeds: the range '" + item + "' runs backwards");
        if (hi - lo >= max_sweep_runs || seeds.size() + (hi - lo) >= max_sweep_runs)
            throw InvalidInput("--seeds: the range '" + item + "' is too long");
        for (std::uint64_t s = lo;; ++s) {
            seeds.push_back(s);
            if (s == hi) break;  // no wrap at 2^64 - 1
        }
    }
    if (seeds.empty()) throw InvalidInput("--seeds: no seed given");
    return seeds;
}

}  // namespace cogo::train
