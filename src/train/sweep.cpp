#include "train/sweep.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>
#include <system_error>

#include "support/error.hpp"

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
    std::set<T> seen(values.begin(), values.end());
    if (seen.size() != values.size()) throw InvalidInput(std::string("sweep: the list of ") + what + " has a repeated value");
}

}  // namespace

std::string run_name(const TrainConfig& c) {
    return "g" + c.group + "_q" + std::to_string(c.width) + "_wd" + shortest_decimal(c.weight_decay) + "_lr" + shortest_decimal(c.lr) +
           "_s" + std::to_string(c.seed);
}

std::vector<SweepRun> expand(const SweepGrid& grid) {
    require_list(grid.groups, "groups");
    require_list(grid.widths, "widths");
    require_list(grid.weight_decays, "weight decays");
    require_list(grid.lrs, "learning rates");
    require_list(grid.seeds, "seeds");
    std::vector<SweepRun> runs;
    for (const std::string& group : grid.groups)
        for (std::size_t width : grid.widths)
            for (double wd : grid.weight_decays)
                for (double lr : grid.lrs)
                    for (std::uint64_t seed : grid.seeds) {
                        TrainConfig c = grid.base;
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
    std::error_code ec;
    for (const char* name : {"Wa.npy", "Wb.npy", "V.npy", "summary.json"})
        if (!std::filesystem::is_regular_file(dir / name, ec)) return false;
    return true;
}

std::vector<std::uint64_t> parse_seed_list(const std::string& text) {
    std::vector<std::uint64_t> seeds;
    std::istringstream in(text);
    std::string item;
    auto number = [&](const std::string& s) {
        return whole_number<std::uint64_t>(s, "--seeds: expected numbers or ranges like 1-5, comma-separated; got '" + text + "'");
    };
    while (std::getline(in, item, ',')) {
        const auto dash = item.find('-');
        if (dash == std::string::npos) {
            seeds.push_back(number(item));
            continue;
        }
        const std::uint64_t lo = number(item.substr(0, dash)), hi = number(item.substr(dash + 1));
        if (hi < lo) throw InvalidInput("--seeds: the range '" + item + "' runs backwards");
        if (hi - lo > 100000) throw InvalidInput("--seeds: the range '" + item + "' is too long");
        for (std::uint64_t s = lo; s <= hi; ++s) seeds.push_back(s);
    }
    if (seeds.empty()) throw InvalidInput("--seeds: no seed given");
    return seeds;
}

}  // namespace cogo::train
