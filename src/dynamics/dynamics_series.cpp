#include "dynamics/dynamics_series.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <map>
#include <sstream>

#include "analyze/assignment.hpp"
#include "analyze/gauge.hpp"
#include "io/svg_plot.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {

double squared_norm(const Matrix<double>& m) {
    double s = 0;
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) s += m(i, j) * m(i, j);
    return s;
}

std::string number(double v) {
    if (!std::isfinite(v)) return "nan";
    std::ostringstream s;
    s << std::setprecision(10) << v;
    return s.str();
}

nlohmann::json json_number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

const char* series_color(std::size_t i) {
    static const char* palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"};
    return palette[i % (sizeof(palette) / sizeof(palette[0]))];
}

DynamicsSnapshot dynamics_snapshot(const AbelianGroup& group, const NetworkWeights<double>& w, std::size_t step,
                                   bool classify, const analyze::CrosscheckOptions& options) {
    DynamicsSnapshot s;
    s.step = step;
    const analyze::FourierWeights z = analyze::fourier_transform(group, w);  // checks shapes and finiteness
    s.potentials = frequency_potentials(z);
    s.orbit_norm = orbit_minimal_norm(z);
    s.weight_norm2 = squared_norm(w.wa) + squared_norm(w.wb) + squared_norm(w.v);
    std::map<std::size_t, std::pair<std::size_t, analyze::BlockFamily>> blocks;  // k -> (order, family)
    if (classify) {
        analyze::CrosscheckOptions o = options;
        o.verify = false;
        const analyze::CrosscheckReport report = analyze::crosscheck(group, w, o);
        s.live = report.q - report.assignment.dead;
        for (const analyze::BlockReport& b : report.blocks) blocks[b.k] = {b.nodes.size(), b.family};
        s.classified = true;
    } else {
        const analyze::GaugedWeights gauged = analyze::canonical_gauge(group, w);
        const analyze::NodeAssignment a = analyze::assign_nodes(gauged.z, options.assignment);
        s.live = w.wa.rows() - a.dead;
        for (const auto& [k, nodes] : a.blocks) blocks[k] = {nodes.size(), analyze::BlockFamily::unknown};
    }
    for (const FrequencyPotentials& p : s.potentials) {
        const auto it = blocks.find(p.k);
        s.order.push_back(it == blocks.end() ? 0 : it->second.first);
        s.family.push_back(it == blocks.end() ? analyze::BlockFamily::unknown : it->second.second);
    }
    return s;
}

std::string dynamics_csv(const std::vector<DynamicsSnapshot>& series) {
    std::ostringstream out;
    out << "step,k,order,family,re_r_kkk,im_r_kkk,abs_r_kkk,R_c,R_n,R_star,abs_bias_own,abs_bias,live,orbit_norm,"
           "weight_norm2\n";
    for (const DynamicsSnapshot& s : series)
        for (std::size_t i = 0; i < s.potentials.size(); ++i) {
            const FrequencyPotentials& p = s.potentials[i];
            out << s.step << ',' << p.k << ',' << s.order[i] << ','
                << (s.classified ? analyze::family_name(s.family[i]) : "not_classified") << ','
                << number(p.r_kkk.real()) << ',' << number(p.r_kkk.imag()) << ',' << number(std::abs(p.r_kkk)) << ','
                << number(p.r_c) << ',' << number(p.r_n) << ',' << number(p.r_star) << ','
                << number(std::abs(p.bias_own)) << ',' << number(std::abs(p.bias)) << ',' << s.live << ','
                << number(s.orbit_norm) << ',' << number(s.weight_norm2) << '\n';
        }
    return out.str();
}

nlohmann::json dynamics_json(const AbelianGroup& group, const std::vector<DynamicsSnapshot>& series) {
    nlohmann::json steps = nlohmann::json::array();
    for (const DynamicsSnapshot& s : series) {
        nlohmann::json freqs = nlohmann::json::array();
        for (std::size_t i = 0; i < s.potentials.size(); ++i) {
            const FrequencyPotentials& p = s.potentials[i];
            freqs.push_back({{"k", p.k},
                             {"order", s.order[i]},
                             {"family", s.classified ? nlohmann::json(analyze::family_name(s.family[i])) : nlohmann::json(nullptr)},
                             {"r_kkk", {json_number(p.r_kkk.real()), json_number(p.r_kkk.imag())}},
                             {"R_c", json_number(p.r_c)},
                             {"R_n", json_number(p.r_n)},
                             {"R_star", json_number(p.r_star)},
                             {"bias_own", {json_number(p.bias_own.real()), json_number(p.bias_own.imag())}},
                             {"bias", {json_number(p.bias.real()), json_number(p.bias.imag())}}});
        }
        steps.push_back({{"step", s.step},
                         {"live", s.live},
                         {"orbit_norm", json_number(s.orbit_norm)},
                         {"weight_norm2", json_number(s.weight_norm2)},
                         {"classified", s.classified},
                         {"frequencies", freqs}});
    }
    return {{"group", group.spec()}, {"steps", steps}};
}

namespace {

bool use_log_steps(const std::vector<DynamicsSnapshot>& series) {
    std::size_t positive = 0;
    for (const DynamicsSnapshot& s : series) positive += s.step > 0;
    return positive >= 2 && series.back().step >= 100;
}

/// One curve per frequency of value(snapshot, frequency index).
template <class F>
std::vector<PlotSeries> per_frequency(const std::vector<DynamicsSnapshot>& series, F value) {
    std::vector<PlotSeries> out;
    const std::size_t count = series.front().potentials.size();
    for (std::size_t i = 0; i < count; ++i) {
        PlotSeries curve{"k = " + std::to_string(series.front().potentials[i].k), series_color(i), {}, {}};
        for (const DynamicsSnapshot& s : series) {
            if (s.potentials.size() != count) throw InvalidInput("dynamics: snapshots of different groups");
            curve.x.push_back(static_cast<double>(s.step));
            curve.y.push_back(value(s, i));
        }
        out.push_back(std::move(curve));
    }
    return out;
}

const std::string kStepLabel = "optimizer step (full batch: step = epoch)";

}  // namespace

std::string potentials_svg(const std::vector<DynamicsSnapshot>& series, const std::string& title) {
    if (series.empty()) throw InvalidInput("dynamics: no checkpoint to plot");
    const bool log_x = use_log_steps(series);
    std::vector<PlotPanel> panels;
    panels.push_back({title + ": Re r_kkk (1 at a global optimum)", kStepLabel, "Re r_kkk", false,
                      per_frequency(series, [](const DynamicsSnapshot& s, std::size_t i) { return s.potentials[i].r_kkk.real(); }),
                      log_x});
    panels.push_back({"R_c = |Σ a'bc| + |Σ ab'c| + |Σ a'b'c| (0 at a global optimum)", kStepLabel, "R_c", true,
                      per_frequency(series, [](const DynamicsSnapshot& s, std::size_t i) { return s.potentials[i].r_c; }),
                      log_x});
    panels.push_back({"R_n = |Σ |a|²c| + |Σ |b|²c| (enters the loss only through the bias)", kStepLabel, "R_n", true,
                      per_frequency(series, [](const DynamicsSnapshot& s, std::size_t i) { return s.potentials[i].r_n; }),
                      log_x});
    panels.push_back({"R_* = |Σ a²c| + |Σ b²c| + |Σ a'²c| + |Σ b'²c| (0 at a global optimum)", kStepLabel, "R_*", true,
                      per_frequency(series, [](const DynamicsSnapshot& s, std::size_t i) { return s.potentials[i].r_star; }),
                      log_x});
    panels.push_back({"|bias condition T_k(0,0)| (all frequencies' inputs; 0 at a global optimum)", kStepLabel, "|T_k(0,0)|",
                      true,
                      per_frequency(series, [](const DynamicsSnapshot& s, std::size_t i) { return std::abs(s.potentials[i].bias); }),
                      log_x});
    // one legend for the five panels of the same curves, where the curves leave room (R_c ends low)
    for (PlotPanel& panel : panels) panel.show_legend = false;
    panels[1].show_legend = true;
    panels[1].legend_columns = 6;
    return svg_line_chart(panels, 760, 250);
}

std::string blocks_svg(const std::vector<DynamicsSnapshot>& series, const std::string& title) {
    if (series.empty()) throw InvalidInput("dynamics: no checkpoint to plot");
    const bool log_x = use_log_steps(series);
    std::vector<PlotPanel> panels;
    PlotPanel orders{title + ": nodes per frequency (block order)", kStepLabel, "order", true,
                     per_frequency(series, [](const DynamicsSnapshot& s, std::size_t i) {
                         return s.order[i] > 0 ? static_cast<double>(s.order[i]) : std::numeric_limits<double>::quiet_NaN();
                     }),
                     log_x};
    orders.legend_columns = 6;
    panels.push_back(std::move(orders));
    if (series.front().classified) {
        const std::pair<analyze::BlockFamily, const char*> families[] = {
            {analyze::BlockFamily::nui_xi, "order 4 z_{nu=i} * z_xi"},
            {analyze::BlockFamily::nu_syn, "order 6 z_nu * z_syn"},
            {analyze::BlockFamily::nui_synab, "order 6 z_{nu=i} * z_{syn,ab}"},
            {analyze::BlockFamily::unknown, "not classified"}};
        std::vector<PlotSeries> counts;
        std::size_t colour = 0;
        for (const auto& [family, name] : families) {
            PlotSeries curve{name, series_color(colour++), {}, {}};
            for (const DynamicsSnapshot& s : series) {
                double count = 0;
                for (std::size_t i = 0; i < s.family.size(); ++i) count += s.order[i] > 0 && s.family[i] == family;
                curve.x.push_back(static_cast<double>(s.step));
                curve.y.push_back(count);
            }
            counts.push_back(std::move(curve));
        }
        panels.push_back({"frequency blocks per family (cross-check classification)", kStepLabel, "blocks", false,
                          counts, log_x, {}, true});
    }
    PlotSeries norm{"orbit-minimal norm Σ_j 3·2^(-2/3) u_j^(2/3) v_j^(1/3)", series_color(0), {}, {}};
    PlotSeries live{"live nodes", series_color(4), {}, {}};
    for (const DynamicsSnapshot& s : series) {
        norm.x.push_back(static_cast<double>(s.step));
        norm.y.push_back(s.orbit_norm);
        live.x.push_back(static_cast<double>(s.step));
        live.y.push_back(static_cast<double>(s.live));
    }
    panels.push_back({"orbit-minimal L2 norm (minimum over the scale and shift gauges)", kStepLabel, "norm", false, {norm},
                      log_x, {}, true});
    panels.push_back({"live nodes", kStepLabel, "nodes", false, {live}, log_x, {}, true});
    return svg_line_chart(panels, 760, 250);
}

}  // namespace cogo
