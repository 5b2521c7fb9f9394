/// \file search_command.cpp
/// `cogo search` (see search_command.hpp).
#include "cli/search_command.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/number_options.hpp"
#include "io/atomic_file.hpp"
#include "search/exact_rounding.hpp"
#include "search/number_field_rounding.hpp"
#include "search/numerical_search.hpp"
#include "search/pinning.hpp"
#include "support/error.hpp"

namespace cogo::cli {
namespace {

constexpr std::size_t kMaxSeeds = 1000;

std::uint64_t parse_seed(const std::string& s, const std::string& list) {
    if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos)
        throw InvalidInput("search: --seeds '" + list + "': '" + s + "' is not a whole number");
    errno = 0;
    const unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
    if (errno == ERANGE) throw InvalidInput("search: --seeds '" + list + "': '" + s + "' exceeds 2^64-1");
    return v;
}

/// "A-B" (inclusive) or "A,B,C".
std::vector<std::uint64_t> parse_seeds(const std::string& list) {
    if (list.size() > 20000) throw InvalidInput("search: --seeds is too long");
    std::vector<std::uint64_t> seeds;
    if (const auto dash = list.find('-'); dash != std::string::npos) {
        const std::uint64_t a = parse_seed(list.substr(0, dash), list), b = parse_seed(list.substr(dash + 1), list);
        if (b < a) throw InvalidInput("search: --seeds '" + list + "': the range is empty");
        if (b - a >= kMaxSeeds) throw InvalidInput("search: --seeds '" + list + "': at most 1000 seeds");
        for (std::uint64_t s = a;; ++s) {
            seeds.push_back(s);
            if (s == b) break;
        }
        return seeds;
    }
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        seeds.push_back(parse_seed(item, list));
        if (seeds.size() > kMaxSeeds) throw InvalidInput("search: --seeds '" + list + "': at most 1000 seeds");
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return seeds;
}

std::string sci(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3e", v);
    return buf;
}

}  // namespace

void setup_search_command(CLI::App& command, SearchCommandOptions& o) {
    auto* cmd = &command;
    auto* g = cmd->add_option("--group,-g", o.group, "Group: N for Z_N, or d1xd2x... (order <= 16)")
                  ->check(group_spec())->capture_default_str();
    auto* d = cmd->add_option("--d", o.group, "Modulus d (same as --group d)")->check(group_spec());
    exclusive(g, d);
    cmd->add_option("--width,-q", o.width, "Hidden nodes q (1..64; 3 q n <= 1200)")->transform(whole_number(1, 64))
        ->capture_default_str();
    cmd->add_option("--seeds", o.seeds, "Seeds: A-B or A,B,C (at most 1000)")->capture_default_str();
    cmd->add_flag("--dc", o.dc, "Allow DC input rows (default: zero-mean inputs)");
    cmd->add_option("--iterations", o.iterations, "Levenberg-Marquardt iterations per seed (1..100000)")
        ->transform(whole_number(1, 100000))->capture_default_str();
    cmd->add_option("--refine", o.refine, "Best runs refined in binary128 and rounded (0..20)")
        ->transform(whole_number(0, 20))->capture_default_str();
    cmd->add_flag_function("--no-pin", [&o](std::int64_t) { o.pin = false; },
                           "Do not pin input entries to simple values when a candidate does not round as found");
    cmd->add_flag_function("--no-number-field", [&o](std::int64_t) { o.number_field = false; },
                           "Do not try the number-field path (refine, LLL, verification over K) on what stays unrounded");
    cmd->add_option("--nf-degree", o.nf_degree, "Number-field path: largest degree of a recognised entry (1..32)")
        ->transform(whole_number(1, 32))->capture_default_str();
    cmd->add_option("--nf-precision", o.nf_precision, "Number-field path: working precision in bits (256..4096)")
        ->transform(whole_number(256, 4096))->capture_default_str();
    cmd->add_option("--nf-height", o.nf_height, "Number-field path: coefficient bound 2^H of a minimal polynomial (8..256)")
        ->transform(whole_number(8, 256))->capture_default_str();
    cmd->add_option("--candidates", o.candidates, "Write the best runs' float64 weights as JSON (numerical candidates)");
    cmd->add_option("--certificate", o.certificate, "Write the certificate of a PROVED solution (replaced atomically)");
    cmd->add_flag("--json", o.json, "Machine-readable output");
    cmd->footer("Exit codes: 0 a solution PROVED (certificate accepted by the checker), 3 numerical candidates only "
                "(or none, or a limit of the exact paths reached), 2 usage or bad input.\n");
}

int run_search(const SearchCommandOptions& o, std::ostream& out) {
    const AbelianGroup g = AbelianGroup::parse(o.group);
    search::SearchOptions so;
    so.width = o.width;
    so.dc_inputs = o.dc;
    so.seeds = parse_seeds(o.seeds);
    so.max_iterations = o.iterations;
    so.refine_runs = o.refine;
    const std::vector<search::RunResult> runs = search::numerical_search(g, so);

    const unsigned long field_order = std::lcm(g.exponent(), 24UL);
    const search::Recognizer recognize = search::cyclotomic_recognizer(field_order);
    const std::string statement = "l(z) = 0 for a width-" + std::to_string(o.width) + " network on " + g.name() +
                                  (o.dc ? " (DC inputs allowed)" : " (zero-mean inputs)") + " found by cogo search";
    struct Proved {
        std::string certificate, how;
        std::size_t order = 0;
    };
    std::optional<Proved> proved;
    std::vector<std::string> rounding_notes;
    search::NumberFieldRoundingOptions nf;
    nf.max_degree = o.nf_degree;
    nf.precision_bits = o.nf_precision;
    nf.max_height_bits = o.nf_height;
    std::size_t proved_seed_index = 0;
    for (std::size_t i = 0; i < std::min(o.refine, runs.size()) && !proved; ++i) {
        const double best = runs[i].refined_loss >= 0 ? runs[i].refined_loss : runs[i].loss;
        if (!(best < 1e-16)) {
            rounding_notes.push_back("seed " + std::to_string(runs[i].seed) + ": loss " + sci(best) + " not near 0, not rounded");
            continue;
        }
        search::RoundingResult r = search::round_candidate(g, runs[i].network, recognize, 1e-7, statement);
        search::FloatNetwork last = runs[i].network;
        if (!r.proved && o.pin) {
            // a generic member of a continuous family: move along it to a recognisable member, then round again
            const search::PinningResult pin = search::pin_inputs(g, runs[i].network, o.dc);
            rounding_notes.push_back("seed " + std::to_string(runs[i].seed) + ": pinned " + std::to_string(pin.pinned) +
                                     " of " + std::to_string(pin.entries) + " input entries (loss " + sci(pin.loss) + ")");
            if (pin.loss < 1e-20) last = pin.network;
            if (pin.pinned == pin.entries) {
                search::RoundingResult r2 = search::round_candidate(g, pin.network, recognize, 1e-7, statement);
                if (r2.proved) r = std::move(r2);
                else r.failure += "; after pinning: " + r2.failure;
            }
        }
        if (r.proved) {
            proved = Proved{std::move(r.certificate), "recognised in Q(zeta_" + std::to_string(field_order) +
                            "), max recognition error " + sci(r.max_snap_error), r.element->order()};
            proved_seed_index = i;
            continue;
        }
        rounding_notes.push_back("seed " + std::to_string(runs[i].seed) + ": not rounded (" +
                                 unknown_reason_name(r.reason) + "): " + r.failure);
        if (!o.number_field) continue;
        const std::string seed_name = "seed " + std::to_string(runs[i].seed) + ": ";
        const search::NumberFieldRounding nr = search::round_in_number_field(
            g, last, field_order, statement, nf, [&](const std::string& line) { rounding_notes.push_back(seed_name + line); });
        if (nr.proved) {
            proved = Proved{nr.certificate, "over a number field K of degree " + std::to_string(nr.field_degree) +
                            " (cogo-certificate-nf; " + std::to_string(nr.free_entries) + " entries recognised by LLL at " +
                            std::to_string(nr.accuracy_bits) + " bits)", nr.order};
            proved_seed_index = i;
        } else {
            rounding_notes.push_back(seed_name + "number-field path: " + nr.failure);
        }
    }
    if (!o.candidates.empty()) {
        // the best runs' float64 weights (17 significant digits, PyTorch layout), for other recognisers
        nlohmann::json c = {{"format", "cogo-search-candidates"}, {"group", g.spec()}, {"width", o.width},
                            {"dc_inputs", o.dc}, {"note", "numerical candidates only: not a proof"}};
        nlohmann::json list = nlohmann::json::array();
        for (std::size_t i = 0; i < std::min(o.refine, runs.size()); ++i) {
            const auto& r = runs[i];
            nlohmann::json wa = nlohmann::json::array(), wb = nlohmann::json::array(), v = nlohmann::json::array();
            for (std::size_t j = 0; j < r.network.q; ++j) {
                wa.push_back(std::vector<double>(r.network.wa.begin() + static_cast<std::ptrdiff_t>(j * r.network.n),
                                                 r.network.wa.begin() + static_cast<std::ptrdiff_t>((j + 1) * r.network.n)));
                wb.push_back(std::vector<double>(r.network.wb.begin() + static_cast<std::ptrdiff_t>(j * r.network.n),
                                                 r.network.wb.begin() + static_cast<std::ptrdiff_t>((j + 1) * r.network.n)));
            }
            for (std::size_t m = 0; m < r.network.n; ++m)
                v.push_back(std::vector<double>(r.network.v.begin() + static_cast<std::ptrdiff_t>(m * r.network.q),
                                                r.network.v.begin() + static_cast<std::ptrdiff_t>((m + 1) * r.network.q)));
            list.push_back({{"seed", r.seed}, {"loss", r.loss},
                            {"refined_loss", r.refined_loss < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.refined_loss)},
                            {"W_a", wa}, {"W_b", wb}, {"V", v}});
        }
        c["candidates"] = list;
        write_file_atomically(o.candidates, c.dump(1) + "\n");
    }
    std::string cert_note;
    if (proved && !o.certificate.empty()) {
        write_file_atomically(o.certificate, proved->certificate);
        cert_note = o.certificate;
    }
    if (o.json) {
        nlohmann::json j = {{"group", g.spec()}, {"width", o.width}, {"dc_inputs", o.dc}};
        nlohmann::json rs = nlohmann::json::array();
        for (const auto& r : runs)
            rs.push_back({{"seed", r.seed}, {"loss", r.loss}, {"refined_loss", r.refined_loss < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.refined_loss)},
                          {"gradient_norm", r.gradient_norm}, {"iterations", r.iterations}});
        j["runs"] = rs;
        j["rounding"] = rounding_notes;
        j["verdict"] = proved ? "PROVED" : "UNKNOWN";
        if (proved) {
            j["solution"] = {{"seed", runs[proved_seed_index].seed}, {"order", proved->order}, {"exact", proved->how},
                             {"certificate", cert_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(cert_note)}};
        }
        out << j.dump(2) << "\n";
    } else {
        out << "search on " << g.name() << ", width " << o.width << ", " << (o.dc ? "DC inputs allowed" : "zero-mean inputs")
            << ", " << runs.size() << " seeds, Levenberg-Marquardt (float64, then binary128 for the best " << o.refine << ")\n";
        for (const auto& r : runs)
            out << "  seed " << r.seed << ": loss " << sci(r.loss)
                << (r.refined_loss >= 0 ? ", refined " + sci(r.refined_loss) : std::string()) << ", |grad| "
                << sci(r.gradient_norm) << ", " << r.iterations << " iterations\n";
        for (const std::string& note : rounding_notes) out << "  " << note << "\n";
        if (proved) {
            out << "PROVED: seed " << runs[proved_seed_index].seed << " rounds to an exact network of order "
                << proved->order << " with l = 0 (verified exactly; certificate accepted by the checker; " << proved->how
                << ")\n";
            if (!cert_note.empty()) out << "  certificate written to " << cert_note << "\n";
        } else {
            out << "UNKNOWN: no candidate was certified; the losses above are numerical only (not a proof either way)\n";
        }
    }
    return proved ? exit_ok : exit_unknown;
}

}  // namespace cogo::cli
