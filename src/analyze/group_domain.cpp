#include "analyze/group_domain.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>

#include "algebra/linear_algebra.hpp"
#include "algebra/real_weights.hpp"
#include "analyze/crosscheck.hpp"

namespace cogo::analyze {

namespace {

/// A row snapped to p / den with one common denominator.
struct SnappedRow {
    std::vector<long> p;
    long den = 1;
};

/// The smallest common denominator D <= max_den for which every entry of `x` is within `tolerance` of a
/// multiple of 1/D; nullopt if there is none.
std::optional<SnappedRow> snap_row(const std::vector<double>& x, double tolerance, std::size_t max_den) {
    for (std::size_t d = 1; d <= max_den; ++d) {
        const double D = static_cast<double>(d);
        SnappedRow row{{}, static_cast<long>(d)};
        bool ok = true;
        for (double v : x) {
            const double r = std::round(v * D);
            if (!(std::abs(v * D - r) <= tolerance * D)) {
                ok = false;
                break;
            }
            row.p.push_back(static_cast<long>(r));
        }
        if (ok) return row;
    }
    return std::nullopt;
}

double k_distance(const std::vector<double>& D, std::size_t k) { return k < D.size() ? std::sqrt(D[k]) : -1.0; }

double frobenius_relative(double num, double den) { return den > 0 ? std::sqrt(num / den) : std::sqrt(num); }

/// One live node, rounded: exact inputs p/D (times t in the trained gauge), exact output direction u (times
/// lambda / t^2, plus the trained output mean).
struct NodeRounding {
    std::size_t j = 0;
    double t = 1, s = 1, mean_v = 0;
    SnappedRow a, b, u;
    std::size_t scale_class = 0;
};

}  // namespace

bool has_spread_inputs(const NodeAssignment& assignment, double share) {
    for (const NodeInfo& info : assignment.nodes)
        if (!info.dead && !info.dc_node && std::max(info.off_a, info.off_b) > share) return true;
    return false;
}

GroupDomainRounding round_in_group_domain(const FourierWeights& z, const NodeAssignment& assignment,
                                          const GroupDomainOptions& options) {
    GroupDomainRounding out;
    const AbelianGroup& g = z.group;
    const std::size_t n = z.n();
    std::vector<std::size_t> live;
    for (std::size_t j = 0; j < z.q; ++j)
        if (!assignment.nodes[j].dead) live.push_back(j);
    if (live.empty()) {
        out.failure = "no live node";
        return out;
    }
    // the cost bound, before anything is built: dense rows, q n 3 n^2 products in the verification
    const double work = static_cast<double>(live.size()) * static_cast<double>(n) * 3.0 * static_cast<double>(n) *
                        static_cast<double>(n);
    if (work > static_cast<double>(options.max_terms)) {
        std::ostringstream o;
        o << "refused: " << live.size() << " dense nodes on a group of order " << n << " need about "
          << std::setprecision(3) << work << " exact products to verify, above the limit " << options.max_terms
          << " (--max-terms)";
        out.failure = o.str();
        out.work_limit = true;
        return out;
    }
    const std::size_t max_den = options.max_denominator ? options.max_denominator : std::max<std::size_t>(24, 4 * n);
    const NetworkWeights<double> w = inverse_transform(z);  // the canonical gauge: equal input means
    std::vector<NodeRounding> nodes;
    for (std::size_t j : live) {
        NodeRounding r;
        r.j = j;
        double top = 0;
        for (std::size_t x = 0; x < n; ++x)
            for (double v : {w.wa(j, x), w.wb(j, x)})
                if (std::abs(v) > std::abs(top)) top = v;
        if (!(std::abs(top) > 0)) {
            out.failure = "a live node has no input";
            return out;
        }
        r.t = top;
        std::vector<double> ra(n), rb(n), rv(n);
        for (std::size_t x = 0; x < n; ++x) ra[x] = w.wa(j, x) / top, rb[x] = w.wb(j, x) / top;
        for (std::size_t m = 0; m < n; ++m) r.mean_v += w.v(m, j) / static_cast<double>(n);
        double s = 0;
        for (std::size_t m = 0; m < n; ++m) {
            rv[m] = (w.v(m, j) - r.mean_v) * top * top;
            s = std::max(s, std::abs(rv[m]));
        }
        if (!(s > 0) || !std::isfinite(s)) {
            out.failure = "a live node has no output";
            return out;
        }
        r.s = s;
        for (double& v : rv) v /= s;
        const auto a = snap_row(ra, options.snap_tolerance, max_den), b = snap_row(rb, options.snap_tolerance, max_den);
        const auto u = snap_row(rv, options.snap_tolerance, max_den);
        if (!a || !b || !u) {
            out.failure = "node " + std::to_string(j) + "'s " + (!a ? "W_a" : !b ? "W_b" : "V") +
                          " row is not near a rational row with a common denominator <= " + std::to_string(max_den);
            return out;
        }
        r.a = *a, r.b = *b, r.u = *u;
        nodes.push_back(std::move(r));
    }
    // output-scale classes: consecutive in the sorted scales, within scale_tolerance of the class's first
    std::vector<std::size_t> by_scale(nodes.size());
    std::iota(by_scale.begin(), by_scale.end(), 0);
    std::sort(by_scale.begin(), by_scale.end(), [&](std::size_t x, std::size_t y) { return nodes[x].s < nodes[y].s; });
    std::vector<double> class_scale;  // trained mean scale per class
    std::vector<std::size_t> class_size;
    double first = -1;
    for (std::size_t i : by_scale) {
        if (first < 0 || nodes[i].s > first * (1 + options.scale_tolerance)) {
            first = nodes[i].s;
            class_scale.push_back(0);
            class_size.push_back(0);
        }
        nodes[i].scale_class = class_scale.size() - 1;
        class_scale.back() += nodes[i].s;
        ++class_size.back();
    }
    for (std::size_t c = 0; c < class_scale.size(); ++c) class_scale[c] /= static_cast<double>(class_size[c]);
    const std::size_t C = class_scale.size();
    out.scales = C;
    if (C > options.max_scales) {
        out.failure = std::to_string(C) + " distinct output scales (more than " + std::to_string(options.max_scales) + ")";
        return out;
    }
    // the exact network with unit output scales
    const std::size_t q = nodes.size();
    NetworkWeights<Cyclotomic> exact{Matrix<Cyclotomic>(q, n), Matrix<Cyclotomic>(q, n), Matrix<Cyclotomic>(n, q)};
    for (std::size_t f = 0; f < q; ++f)
        for (std::size_t x = 0; x < n; ++x) {
            const NodeRounding& r = nodes[f];
            exact.wa(f, x) = Cyclotomic::rational(r.a.p[x], r.a.den);
            exact.wb(f, x) = Cyclotomic::rational(r.b.p[x], r.b.den);
            exact.v(x, f) = Cyclotomic::rational(r.u.p[x], r.u.den);
        }
    const Element<Cyclotomic> unit = from_real_weights(g, exact);
    // r_kkk per scale class and frequency: sum_c lambda_c R[k][c] = 1 at every k != 0
    Rows<Cyclotomic> R(n - 1, std::vector<Cyclotomic>(C));
    for (std::size_t f = 0; f < q; ++f) {
        const Node<Cyclotomic>& node = unit.nodes()[f];
        for (std::size_t k = 1; k < n; ++k) {
            const Cyclotomic abc = node.entry(Part::a, k) * node.entry(Part::b, k) * node.entry(Part::c, k);
            if (!abc.is_zero()) R[k - 1][nodes[f].scale_class] = R[k - 1][nodes[f].scale_class] + abc;
        }
    }
    const auto lambda = solve<Cyclotomic>(R, C, std::vector<Cyclotomic>(n - 1, Cyclotomic(1)));
    if (!lambda) {
        out.failure = "no exact output scales make r_kkk = 1 at every frequency";
        return out;
    }
    for (std::size_t c = 0; c < C; ++c) {
        const Cyclotomic& l = (*lambda)[c];
        if (!(l - l.conj()).is_zero()) {
            out.failure = "the exact output scales are not real";
            return out;
        }
        const double lf = l.to_complex().real();
        if (!(std::abs(lf - class_scale[c]) <= options.round_tolerance * class_scale[c])) {
            std::ostringstream o;
            o << "the exact output scale " << std::setprecision(4) << lf << " is far from the trained " << class_scale[c];
            out.failure = o.str();
            return out;
        }
    }
    std::vector<Node<Cyclotomic>> scaled = unit.nodes();
    for (std::size_t f = 0; f < q; ++f)
        for (auto& [k, v] : scaled[f].c) v = v * (*lambda)[nodes[f].scale_class];
    out.rounded.emplace(g, std::move(scaled));
    for (const NodeRounding& r : nodes) out.trained_node.push_back(r.j);
    // distances trained vs rounded, in the trained (canonical) gauge
    double na = 0, da = 0, nb = 0, db = 0, nv = 0, dv = 0;
    for (const NodeRounding& r : nodes) {
        const double lf = (*lambda)[r.scale_class].to_complex().real();
        for (std::size_t x = 0; x < n; ++x) {
            const double ea = r.t * static_cast<double>(r.a.p[x]) / static_cast<double>(r.a.den);
            const double eb = r.t * static_cast<double>(r.b.p[x]) / static_cast<double>(r.b.den);
            const double ev = lf * static_cast<double>(r.u.p[x]) / static_cast<double>(r.u.den) / (r.t * r.t) + r.mean_v;
            na += (w.wa(r.j, x) - ea) * (w.wa(r.j, x) - ea), da += w.wa(r.j, x) * w.wa(r.j, x);
            nb += (w.wb(r.j, x) - eb) * (w.wb(r.j, x) - eb), db += w.wb(r.j, x) * w.wb(r.j, x);
            nv += (w.v(x, r.j) - ev) * (w.v(x, r.j) - ev), dv += w.v(x, r.j) * w.v(x, r.j);
        }
    }
    out.distance_wa = frobenius_relative(na, da);
    out.distance_wb = frobenius_relative(nb, db);
    out.distance_v = frobenius_relative(nv, dv);
    out.verification = verify_global_optimum(*out.rounded, VerifyLimits{options.max_terms});
    if (out.verification->verdict == Verdict::unknown) out.failure = "exact verification not done: " + out.verification->reason;
    else if (out.verification->verdict == Verdict::refuted)
        out.failure = "the rounded network fails " + std::to_string(out.verification->failing) + " exact condition" +
                      (out.verification->failing == 1 ? "" : "s");
    return out;
}

void adopt_group_domain(CrosscheckReport& report, const GroupDomainRounding& r, const std::vector<double>& D,
                        double allowed) {
    auto note = [&](const std::string& why) {
        report.network_reason += (report.network_reason.empty() ? "" : "; ") + std::string("whole-network group-domain rounding: ") + why;
    };
    if (!r.verification || r.verification->verdict == Verdict::unknown) {
        // the per-frequency account rounded nodes spread over several frequencies at one of them, dropping the
        // rest of their inputs: a failing condition there says nothing about the trained network
        if (report.network == NetworkVerdict::refuted) {
            report.network = NetworkVerdict::unknown;
            report.network_reason = "nodes spread over several frequencies were rounded at one of them (not an exact "
                                    "account of the trained network)";
        }
        note(r.failure);
        return;
    }
    if (r.verification->verdict == Verdict::refuted) {
        // every live node rounded, near its trained weights, and the exact network fails: REFUTED like the
        // per-frequency account (crosscheck.hpp)
        report.rounded = r.rounded;
        report.verdict = Verdict::refuted;
        report.network = NetworkVerdict::refuted;
        report.exact_loss = r.verification->loss;
        report.failing = r.verification->failing;
        report.distance_wa = r.distance_wa, report.distance_wb = r.distance_wb, report.distance_v = r.distance_v;
        report.network_reason = "whole-network group-domain rounding: " + r.failure;
        report.unresolved_nodes = 0;
        if (r.verification->counterexample) {
            const OutputCondition<Cyclotomic>& c = r.verification->conditions[*r.verification->counterexample];
            report.first_failure = std::string(condition_kind_name(c.kind())) + " condition T_" + std::to_string(c.k) + "(" +
                                   std::to_string(c.k1) + ", " + std::to_string(c.k2) + ") = " + c.value.to_string() +
                                   ", target " + std::to_string(c.target);
        }
        return;
    }
    double worst = 0;
    for (std::size_t k = 1; k < D.size(); ++k) worst = std::max(worst, std::sqrt(D[k]));
    if (!(worst <= allowed)) {
        std::ostringstream o;
        o << "exact, but the trained network is " << std::setprecision(3) << worst
          << " from any exact optimum as a function at some output (allowed " << allowed << ")";
        note(o.str());
        return;
    }
    report.rounded = r.rounded;
    report.verdict = Verdict::proved;
    report.network = NetworkVerdict::proved;
    report.network_reason.clear();
    report.reason.clear();
    report.exact_loss = r.verification->loss;
    report.failing = 0;
    report.first_failure.clear();
    report.distance_wa = r.distance_wa, report.distance_wb = r.distance_wb, report.distance_v = r.distance_v;
    report.unresolved_nodes = 0;
    report.dc_rounded = 0;
    report.proven.clear();
    report.unproven.clear();
    for (BlockReport& b : report.blocks) {
        b.family = BlockFamily::group_domain;
        b.structure = "whole network rounded in the group domain (" + std::to_string(r.trained_node.size()) +
                      " nodes, " + std::to_string(r.scales) + " output scale" + (r.scales == 1 ? "" : "s") + " solved)";
        b.function_distance = k_distance(D, b.k);
        b.verified = true;
        b.note.clear();
        report.proven.push_back(b.k);
    }
}

}  // namespace cogo::analyze
