#include "analyze/angle_histograms.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "analyze/sweep_table.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "io/svg_histogram.hpp"

namespace cogo::analyze {

namespace {

double to_double(const Turn& t) { return static_cast<double>(t.num) / static_cast<double>(t.den); }

// The exact turn in a JSON string ("p/q"), or nullopt-like NaN when absent or malformed.
double exact_turns(const nlohmann::json& object, const char* name) {
    if (!object.is_object() || !object.contains(name) || !object.at(name).is_string())
        return std::numeric_limits<double>::quiet_NaN();
    try {
        return to_double(parse_turn(object.at(name).get<std::string>()));
    } catch (const std::exception&) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

double found_turns(const nlohmann::json& object, const char* name) {
    if (!object.is_object() || !object.contains(name) || !object.at(name).is_number())
        return std::numeric_limits<double>::quiet_NaN();
    return object.at(name).get<double>();
}

// Signed distance from b to a on the circle of circumference m, in [-m/2, m/2).
double circular_difference(double a, double b, double m) { return wrap_turns(a - b + m / 2, m) - m / 2; }

}  // namespace

double wrap_turns(double x, double m) {
    double r = std::fmod(x, m);
    if (r < 0) r += m;
    if (r >= m) r -= m;
    return r;
}

double fold_nu_turns(double nu) {
    const double t = wrap_turns(nu, 1.0 / 6);
    return std::min(t, 1.0 / 6 - t);
}

std::map<std::string, double> canonical_found_turns(const nlohmann::json& block) {
    std::map<std::string, double> out;
    if (!block.is_object() || !block.contains("family") || !block.at("family").is_string()) return out;
    const std::string family = block.at("family").get<std::string>();
    const nlohmann::json found = block.value("params_found", nlohmann::json::object());
    const nlohmann::json snapped = block.value("params_snapped", nlohmann::json::object());
    const nlohmann::json canonical = block.value("params", nlohmann::json::object());
    if (family == "z_nu*z_syn") {
        const double nu = found_turns(found, "nu");
        if (std::isfinite(nu)) out["nu"] = fold_nu_turns(nu);
    } else if (family == "z_nui*z_xi") {
        const double xi = found_turns(found, "xi"), xs = exact_turns(snapped, "xi"), xc = exact_turns(canonical, "xi");
        if (!std::isfinite(xi)) return out;
        // the rounding's sign s: canonical = s * snapped mod 1/4 (either sign when 2 snapped = 0 mod 1/4)
        double s = 1;
        if (std::isfinite(xs) && std::isfinite(xc) && std::abs(circular_difference(xs, xc, 0.25)) > 1e-9) s = -1;
        out["xi"] = wrap_turns(s * xi, 0.25);
    } else if (family == "z_nui*z_synab") {
        const double a = found_turns(found, "alpha"), b = found_turns(found, "beta");
        if (!std::isfinite(a) || !std::isfinite(b)) return out;
        const double ac = exact_turns(canonical, "alpha"), bc = exact_turns(canonical, "beta");
        // orbit of (A, B) = (2 alpha, 2 beta) mod 1/2 under r: (A, B) -> (B - A, -A) and s: (A, B) -> (-B, -A)
        const double A = 2 * a, B = 2 * b;
        std::array<std::pair<double, double>, 6> orbit{{{A, B}, {B - A, -A}, {-B, A - B}, {-B, -A}, {A, A - B}, {B - A, B}}};
        std::pair<double, double> best = orbit[0];
        if (std::isfinite(ac) && std::isfinite(bc)) {
            double best_distance = std::numeric_limits<double>::infinity();
            for (const auto& [x, y] : orbit) {
                const double dx = circular_difference(x, 2 * ac, 0.5), dy = circular_difference(y, 2 * bc, 0.5);
                if (dx * dx + dy * dy < best_distance) best_distance = dx * dx + dy * dy, best = {x, y};
            }
        }
        out["alpha"] = wrap_turns(best.first, 0.5) / 2;
        out["beta"] = wrap_turns(best.second, 0.5) / 2;
    }
    return out;
}

std::string angle_histograms_svg(const std::vector<RunShares>& runs) {
    auto ticks = [](int denominator, int count) {
        std::vector<std::pair<double, std::string>> t;
        for (int i = 0; i <= count; ++i) {
            const Turn x = make_turn(i, static_cast<unsigned long>(denominator));
            t.emplace_back(to_double(x), to_string(x));
        }
        return t;
    };
    struct Spec {
        const char* name;
        const char* title;
        double hi;
        int bins;
        std::vector<std::pair<double, std::string>> ticks, references;
        const char* x_label;
    };
    const std::vector<Spec> specs{
        {"xi", "arg xi of the order-4 blocks z_{nu=i} * z_xi", 0.25, 60, ticks(16, 4),
         {{0.125, "1/8: xi⁴ = -1 (the paper's ±π/4, ±3π/4)"}},
         "arg xi in turns, modulo 1/4 (xi ~ i xi, (xi, s) ~ (-xi, -s)); s = +1"},
        {"nu", "arg nu of the order-6 blocks z_nu * z_syn (free parameter: flat expected)", 1.0 / 12 + 1e-12, 40,
         ticks(48, 4), {{0.0, "0: ±π/3, ±2π/3"}, {1.0 / 12, "1/12: nu = i (±π/2)"}},
         "arg nu in turns, fundamental domain of nu ~ w nu ~ -nu ~ conj(nu)"},
        {"alpha", "alpha of the order-6 blocks z_{nu=i} * z_{syn,ab}", 0.25, 60, ticks(16, 4), {},
         "arg alpha in turns, modulo the symmetries of (alpha, beta)"},
        {"beta", "beta of the order-6 blocks z_{nu=i} * z_{syn,ab}", 0.25, 60, ticks(16, 4), {},
         "arg beta in turns, modulo the symmetries of (alpha, beta)"},
    };
    std::vector<HistogramPanel> panels;
    for (const Spec& spec : specs) {
        HistogramPanel p;
        p.title = spec.title;
        p.lo = 0;
        p.hi = spec.hi;
        p.bins = spec.bins;
        p.ticks = spec.ticks;
        p.references = spec.references;
        p.x_label = spec.x_label;
        p.y_label = "blocks";
        for (const auto& r : runs) {
            auto it = r.canonical_turns.find(spec.name);
            if (it != r.canonical_turns.end()) p.values.insert(p.values.end(), it->second.begin(), it->second.end());
        }
        panels.push_back(std::move(p));
    }
    HistogramPanel orders;
    orders.title = "block orders (nodes per frequency block, all runs)";
    orders.lo = 0.5;
    orders.hi = 12.5;
    orders.bins = 12;
    orders.x_label = "order (hidden nodes in the block)";
    orders.y_label = "blocks";
    orders.references = {{4, "4: z_{nu=i} * z_xi"}, {6, "6: z_nu * z_syn, z_{nu=i} * z_{syn,ab}"}};
    for (int o = 1; o <= 12; ++o) orders.ticks.emplace_back(o, std::to_string(o));
    for (const auto& r : runs) orders.values.insert(orders.values.end(), r.block_orders.begin(), r.block_orders.end());
    panels.push_back(std::move(orders));
    return svg_histograms(panels);
}

}  // namespace cogo::analyze
