#include "analyze/crosscheck.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <iomanip>
#include <numeric>
#include <set>
#include <sstream>
#include <type_traits>

#include "algebra/linear_algebra.hpp"
#include "analyze/frequency_loss.hpp"
#include "analyze/gauge.hpp"
#include "analyze/group_domain.hpp"
#include "analyze/joint_outputs.hpp"
#include "analyze/output_solve.hpp"
#include "analyze/rounding.hpp"
#include "analyze/small_order_blocks.hpp"
#include "construct/block_potentials.hpp"
#include "verify/verify.hpp"

namespace cogo::analyze {

namespace {

/// Internal state of a rounded block.
struct Rounded {
    Element<Cyclotomic> exact;
    std::vector<std::size_t> trained_node;  // family node f -> trained node index
    Complex e_theta{1, 0}, e_phi{1, 0}, e_psi{1, 0};
    std::vector<double> t;                  // per family node
    std::vector<FourierRow<Cyclotomic>> extra_c;  // bias-cancelling outputs per family node
};

Complex phase_of(Complex z) {
    const double r = std::abs(z);
    return r > 0 ? z / r : Complex{1, 0};
}

/// Phases and per-node scales mapping the exact block onto the trained one (see crosscheck.hpp).
void estimate_gauge(const FourierWeights& z, std::size_t k, Rounded& r) {
    Complex s_psi{}, s_delta{};
    const std::size_t q = r.exact.order();
    std::vector<Complex> ae(q), be(q);
    for (std::size_t f = 0; f < q; ++f) {
        ae[f] = r.exact.entry(Part::a, k, f).to_complex();
        be[f] = r.exact.entry(Part::b, k, f).to_complex();
        const std::size_t j = r.trained_node[f];
        const Complex at = z.za(k, j), bt = z.zb(k, j);
        s_psi += phase_of(at * bt * std::conj(ae[f] * be[f]));
        s_delta += phase_of(at * std::conj(ae[f]) * std::conj(bt) * be[f]);
    }
    r.e_psi = phase_of(s_psi);
    r.e_theta = std::sqrt(r.e_psi * phase_of(s_delta));
    r.e_phi = r.e_psi / r.e_theta;
    r.t.assign(q, 1.0);
    for (std::size_t f = 0; f < q; ++f) {
        const std::size_t j = r.trained_node[f];
        const double num = (std::conj(r.e_theta) * z.za(k, j) * std::conj(ae[f]) +
                            std::conj(r.e_phi) * z.zb(k, j) * std::conj(be[f])).real();
        const double den = std::norm(ae[f]) + std::norm(be[f]);
        const double t = den > 0 ? num / den : 1.0;
        r.t[f] = std::abs(t) > 1e-300 ? t : 1.0;
    }
}

double relative_distance(const Matrix<double>& x, const Matrix<double>& y) {
    double num = 0, den = 0;
    for (std::size_t i = 0; i < x.values().size(); ++i) {
        num += (x.values()[i] - y.values()[i]) * (x.values()[i] - y.values()[i]);
        den += x.values()[i] * x.values()[i];
    }
    return den > 0 ? std::sqrt(num / den) : std::sqrt(num);
}

/// An exact DC node (a = b = 1/2 on the DC row) standing for trained node `trained_node`.
struct RoundedDc {
    std::size_t trained_node = 0;
    double t = 1;                          // trained (a_0 + b_0) in the canonical gauge
    FourierRow<Cyclotomic> c;              // its exact bias-cancelling outputs
};

/// A real-frequency block: exact inputs per node, outputs solved (output_solve.hpp).
struct RoundedReal {
    std::size_t k = 0;
    std::vector<std::size_t> trained_node;
    std::vector<double> t;                 // per node: exact input = trained input / t
    std::vector<Node<Cyclotomic>> nodes;
};

/// The state shared by the phases of one cross-check.
struct Analysis {
    const AbelianGroup& g;
    const FourierWeights& z;
    const CrosscheckOptions& options;
    CrosscheckReport& report;
    std::map<std::size_t, Rounded> rounded;         // by k
    std::map<std::size_t, std::size_t> block_index;  // k -> index into report.blocks
    std::vector<RoundedDc> dc;
    std::vector<RoundedReal> real;
    std::vector<double> D;       // the trained network's function distance per output (frequency_loss.hpp)
    double allowed = 0;          // the largest sqrt(D_k) of a PROVED block (allowed_function_distance)
    std::vector<NumberFieldRequest> nf_requests;  // blocks tried in a number field (number_field_blocks.hpp)
    NumberFieldRounding nf;

    BlockReport& block(std::size_t k) { return report.blocks[block_index.at(k)]; }
};

std::string complex_text(Complex z) {
    std::ostringstream o;
    o << std::setprecision(4) << z.real() << (z.imag() < 0 ? " - " : " + ") << std::abs(z.imag()) << "i";
    return o.str();
}

/// The largest function distance sqrt(D_k) a PROVED block may have: the trained network's own level (the
/// median over the outputs, times `function_outlier`) but at least `function_tolerance` and at most
/// `function_cap`. One block far above the rest of its network (a perturbed node) is rejected, and so is any
/// block beyond the cap; all of them are distances of the same function in the same unit (target T_k(k, k) = 1).
double allowed_function_distance(const std::vector<double>& D, const CrosscheckOptions& o) {
    std::vector<double> d(D.begin() + (D.empty() ? 0 : 1), D.end());
    if (d.empty()) return o.function_tolerance;
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
    const double median = std::sqrt(d[d.size() / 2]);
    return std::min(o.function_cap, std::max(o.function_tolerance, o.function_outlier * median));
}

/// Phase 1b: a block outside the families, rounded by the algebra (block_solve.hpp): exact inputs from its
/// structure, its c-row solved exactly.
void round_by_solving(Analysis& an, BlockReport& b, const std::vector<Invariant>& L) {
    if (std::abs(b.r_kkk - 1.0) > an.options.r_kkk_tolerance) return;  // not a global optimum's block
    if (!(std::sqrt(an.D[b.k]) <= an.allowed)) {  // the trained network is not near an optimum at output k
        std::ostringstream o;
        o << "; the trained network is " << std::setprecision(3) << std::sqrt(an.D[b.k])
          << " from any exact optimum as a function at output k (allowed " << an.allowed << ")";
        b.note += o.str();
        b.unresolved = UnknownReason::not_accounted;
        return;
    }
    BlockSolveOptions solve_options = an.options.block_solve;
    solve_options.output_tolerance = an.options.round_tolerance;  // "max relative distance of solved outputs"
    const SolvedBlock s = solve_block({&an.z, b.k, b.nodes}, factorize(L, an.options.classify.factor_tolerance),
                                      solve_options);
    if (!s.exact) {
        b.note += "; " + s.failure;
        b.unresolved = s.needs_number_field ? UnknownReason::needs_number_field : UnknownReason::not_rounded;
        return;
    }
    Rounded r{*s.exact, s.trained_node, {}, {}, {}, {}, {}};
    estimate_gauge(an.z, b.k, r);
    r.extra_c.assign(r.exact.order(), {});
    b.family = BlockFamily::solved;
    b.structure = s.structure;
    b.rounding_residual = s.input_distance;
    b.note.clear();
    b.unresolved = UnknownReason::none;
    an.rounded.emplace(b.k, std::move(r));
}

/// Phase 1: classify and round every block to its exact family member.
void round_blocks(Analysis& an) {
    const FourierWeights& z = an.z;
    const CrosscheckOptions& options = an.options;
    for (const auto& [k, nodes] : an.report.assignment.blocks) {
        BlockReport br;
        br.k = k;
        br.nodes = nodes;
        // per-part scales: each part is compared only with itself (the parts scale differently)
        double scale_a = 0, scale_b = 0, scale_c = 0;
        for (std::size_t j : nodes) {
            const Complex a = z.za(k, j), b = z.zb(k, j), c = z.zc(k, j);
            br.r_kkk += a * b * c;
            br.bias += (std::norm(a) + std::norm(b)) * c;
            scale_a = std::max(scale_a, std::abs(a));
            scale_b = std::max(scale_b, std::abs(b));
            scale_c = std::max(scale_c, std::abs(c));
            const NodeInfo& info = an.report.assignment.nodes[j];
            br.spread_nodes += info.spread;
            br.max_off_c = std::max(br.max_off_c, info.off_c);
        }
        an.block_index[k] = an.report.blocks.size();
        an.report.blocks.push_back(br);
        BlockReport& b = an.report.blocks.back();
        if (an.g.is_self_conjugate(k)) {
            b.note = "real frequency (k = -k): no family rounded there yet";
            b.unresolved = UnknownReason::not_recognised;
            continue;
        }
        std::vector<Invariant> L;
        for (std::size_t j : nodes) {
            const Complex a = z.za(k, j), bb = z.zb(k, j), c = z.zc(k, j);
            if (!(std::abs(a) > 1e-6 * scale_a && std::abs(bb) > 1e-6 * scale_b && std::abs(c) > 1e-6 * scale_c)) break;
            const auto inv = node_invariant(a, bb, c, 0.0);
            if (!inv) break;
            L.push_back(*inv);
        }
        if (L.size() != nodes.size()) {
            b.note = "a node has a (near-)zero a, b or c entry at k";
            b.unresolved = UnknownReason::not_recognised;
            continue;
        }
        b.classification = classify_block(L, options.classify);
        const Classification& cls = b.classification;
        if (cls.family != BlockFamily::unknown && std::abs(b.r_kkk - 1.0) > options.r_kkk_tolerance) {
            b.note = std::string("shaped like ") + family_pretty_name(cls.family) + " but r_kkk = " + complex_text(b.r_kkk) +
                     " is not 1 (--r-kkk-tolerance): not a global optimum's block";
            b.unresolved = UnknownReason::not_recognised;
            continue;
        }
        if (cls.family == BlockFamily::unknown) {
            b.note = cls.factorable ? "factorable (" + cls.factors + ") but in no known family"
                                    : "not factorable as a Kronecker product within tolerance";
            b.unresolved = UnknownReason::not_recognised;
            round_by_solving(an, b, L);
            continue;
        }
        bool g1 = true, g2 = true;
        Turn p1, p2;
        const int sign = cls.sign;
        if (cls.family == BlockFamily::nu_syn) p1 = snap_turn(cls.nu, options.snap_tolerance, g1);
        if (cls.family == BlockFamily::nui_xi) p1 = snap_turn(cls.xi, options.snap_tolerance, g1);
        if (cls.family == BlockFamily::nui_synab) {
            p1 = snap_turn(cls.alpha, options.snap_tolerance, g1);
            p2 = snap_turn(cls.beta, options.snap_tolerance, g2);
        }
        Rounded r{family_block(an.g, k, cls.family, p1, p2, sign), {}, {}, {}, {}, {}, {}};
        for (std::size_t f = 0; f < cls.family_node.size(); ++f) r.trained_node.push_back(nodes[cls.family_node[f]]);
        // rounding residual: invariants of the exact block vs the trained nodes, up to one common offset
        std::vector<Invariant> D;
        for (std::size_t f = 0; f < r.exact.order(); ++f) {
            const auto ex = node_invariant(r.exact.entry(Part::a, k, f).to_complex(), r.exact.entry(Part::b, k, f).to_complex(),
                                           r.exact.entry(Part::c, k, f).to_complex(), 0.0);
            Invariant d = sub(L[cls.family_node[f]], *ex);
            d[1] = Complex(0.0, d[1].imag());  // |p| spread is reported separately (magnitude_spread)
            D.push_back(d);
        }
        Invariant mean{};
        for (const Invariant& d : D)
            for (std::size_t i = 0; i < 3; ++i) mean[i] += sub(d, D[0])[i] / static_cast<double>(D.size());
        const Invariant offset = add(D[0], mean);
        double sum = 0, worst = 0;
        for (const Invariant& d : D) {
            const double e = norm(sub(d, offset));
            sum += e * e;
            worst = std::max(worst, e);
        }
        b.rounding_residual = std::sqrt(sum / static_cast<double>(D.size()));
        // every node must be near its exact counterpart, not only the block on average (one node far off
        // is not a family member)
        if (b.rounding_residual > options.round_tolerance || worst > 2 * options.round_tolerance) {
            std::ostringstream o;
            o << "classified as " << family_pretty_name(cls.family) << " but the rounded block is too far ("
              << std::setprecision(3) << b.rounding_residual << " > --round-tolerance)";
            b.note = o.str();
            b.unresolved = UnknownReason::not_rounded;
            continue;
        }
        b.family = cls.family;
        b.on_small_grid = g1 && g2;
        if (cls.family == BlockFamily::nu_syn) {
            b.params.push_back({"nu", cls.nu, p1, canonical_nu(p1)});
        } else if (cls.family == BlockFamily::nui_xi) {
            const auto [xi, s] = canonical_xi(p1, sign);
            b.params.push_back({"xi", cls.xi, p1, xi});
            b.params.push_back({"omega/s", cls.omega, make_turn(0, 1), make_turn(0, 1)});  // snapped to 1
            b.sign = s;
        } else {
            const auto [al, be] = canonical_alpha_beta(p1, p2);
            b.params.push_back({"alpha", cls.alpha, p1, al});
            b.params.push_back({"beta", cls.beta, p2, be});
        }
        estimate_gauge(z, k, r);
        r.extra_c.assign(r.exact.order(), {});
        an.rounded.emplace(k, std::move(r));
    }
}

/// Phase 2: the live DC nodes (inputs on the DC row only), rounded to a = b = 1/2 at DC; their outputs are
/// set by the bias cancellation.
void round_dc_nodes(Analysis& an) {
    for (std::size_t j = 0; j < an.z.q; ++j) {
        const NodeInfo& info = an.report.assignment.nodes[j];
        if (info.dead || !info.dc_node) continue;
        const double t = (an.z.za(0, j) + an.z.zb(0, j)).real();
        an.dc.push_back({j, t, {}});
    }
}

/// The Gaussian-rational shares of a bias: every share rounded (denominator 64) except the largest, which takes
/// the exact remainder so that the shares sum to exactly 1.
std::vector<Cyclotomic> exact_shares(const std::vector<Complex>& shares) {
    std::vector<Cyclotomic> out(shares.size());
    if (shares.empty()) return out;
    std::size_t largest = 0;
    for (std::size_t i = 0; i < shares.size(); ++i)
        if (std::abs(shares[i]) > std::abs(shares[largest])) largest = i;
    Cyclotomic remainder(1);
    for (std::size_t i = 0; i < shares.size(); ++i) {
        if (i == largest) continue;
        out[i] = gaussian_rational(shares[i], 64);
        remainder = remainder - out[i];
    }
    out[largest] = remainder;
    return out;
}

/// The output direction of an order-6 block that carries its share of a bias at k: the kernel of the
/// potentials it must not create (rounding.hpp), nearest to the trained direction.
std::vector<Cyclotomic> cancelling_direction(const Analysis& an, std::size_t k, const Rounded& r4, std::size_t kb,
                                             const Rounded& r6, const std::vector<std::vector<Cyclotomic>>& basis) {
    if (basis.empty()) return {};
    if (basis.size() == 1) return basis[0];
    // the trained direction in the exact gauge, projected on the kernel (normal equations, solved in floats)
    const std::size_t q6 = r6.exact.order(), dim = basis.size();
    std::vector<Complex> target(q6);
    for (std::size_t f = 0; f < q6; ++f) target[f] = r4.e_psi * r6.t[f] * r6.t[f] * an.z.zc(k, r6.trained_node[f]);
    Rows<Complex> G(dim, std::vector<Complex>(dim));
    std::vector<Complex> rhs(dim);
    for (std::size_t x = 0; x < dim; ++x) {
        for (std::size_t y = 0; y < dim; ++y)
            for (std::size_t f = 0; f < q6; ++f) G[x][y] += std::conj(basis[x][f].to_complex()) * basis[y][f].to_complex();
        for (std::size_t f = 0; f < q6; ++f) rhs[x] += std::conj(basis[x][f].to_complex()) * target[f];
    }
    const auto mu = solve<Complex>(G, dim, rhs);
    std::vector<Cyclotomic> v(q6, Cyclotomic());
    double top = 0;
    if (mu)
        for (const Complex& m : *mu) top = std::max(top, std::abs(m));
    if (top > 0)
        for (std::size_t x = 0; x < dim; ++x) {
            const Cyclotomic m = gaussian_rational((*mu)[x] / top, 256);
            for (std::size_t f = 0; f < q6; ++f) v[f] = v[f] + m * basis[x][f];
        }
    if (bias_weight(r6.exact, kb, v).is_zero()) {
        double best = -1;
        for (const auto& cand : basis) {
            const double w = std::abs(bias_weight(r6.exact, kb, cand).to_complex());
            if (w > best) best = w, v = cand;
        }
    }
    return v;
}

/// Phase 3: exact bias cancellation (z_F4/6 mechanism, and the bias node of the smallest solution).
void cancel_biases(Analysis& an) {
    const FourierWeights& z = an.z;
    std::map<std::size_t, std::vector<std::vector<Cyclotomic>>> directions;
    for (auto& [k, r4] : an.rounded) {
        BlockReport& b4 = an.block(k);
        const Cyclotomic beta = block_potentials(r4.exact, k).bias();
        if (beta.is_zero()) continue;
        // contributors: order-6 blocks (by k) and DC nodes (by index into an.dc), with their trained shares
        std::vector<std::size_t> order6;
        std::vector<Complex> shares;
        Complex total{};
        for (auto& [kb, r6] : an.rounded) {
            const BlockFamily fb = an.block(kb).family;  // blocks whose outputs can carry a bias (a kernel, rounding.hpp)
            if (kb == k || !(is_order6_family(fb) || fb == BlockFamily::solved)) continue;
            auto dir = directions.find(kb);
            if (dir == directions.end()) dir = directions.emplace(kb, bias_directions(r6.exact, kb)).first;
            if (dir->second.empty()) continue;  // no output direction free of potentials: cannot carry a share
            Complex tau{};
            for (std::size_t j : an.block(kb).nodes) tau += (std::norm(z.za(kb, j)) + std::norm(z.zb(kb, j))) * z.zc(k, j);
            order6.push_back(kb);
            shares.push_back(std::abs(b4.bias) > 0 ? -tau / b4.bias : Complex{});
            total += shares.back();
        }
        for (const RoundedDc& d : an.dc) {
            const Complex tau = 0.5 * d.t * d.t * z.zc(k, d.trained_node);
            shares.push_back(std::abs(b4.bias) > 0 ? -tau / b4.bias : Complex{});
            total += shares.back();
        }
        if (shares.empty()) {
            b4.note = "bias not cancelled: no classified order-6 block and no DC node";
            b4.unresolved = UnknownReason::not_accounted;
            continue;
        }
        if (std::abs(total - 1.0) > an.options.bias_evidence) {
            std::ostringstream o;
            o << "bias not cancelled: the trained order-6 and DC outputs at this k carry a share " << std::setprecision(3)
              << std::abs(total) << " of it";
            b4.note = o.str();
            b4.unresolved = UnknownReason::not_accounted;
            continue;
        }
        const std::vector<Cyclotomic> exact = exact_shares(shares);
        for (std::size_t i = 0; i < exact.size(); ++i) {
            if (exact[i].is_zero()) continue;
            if (i >= order6.size()) {  // a DC node: its bias term at k is c_k / 2
                RoundedDc& d = an.dc[i - order6.size()];
                const Cyclotomic e = Cyclotomic(-2) * beta * exact[i];
                d.c.emplace_back(k, e);
                if (an.g.neg(k) != k) d.c.emplace_back(an.g.neg(k), e.conj());
                ++b4.bias_cancelled_by_dc;
                continue;
            }
            const std::size_t kb = order6[i];
            Rounded& r6 = an.rounded.at(kb);
            auto it = directions.find(kb);
            if (it == directions.end()) it = directions.emplace(kb, bias_directions(r6.exact, kb)).first;
            const std::vector<Cyclotomic> v = cancelling_direction(an, k, r4, kb, r6, it->second);
            if (v.empty()) continue;
            const Cyclotomic weight = bias_weight(r6.exact, kb, v);
            if (weight.is_zero()) continue;
            const Cyclotomic coef = -(beta * exact[i]) / weight;
            for (std::size_t f = 0; f < v.size(); ++f) {
                const Cyclotomic e = v[f] * coef;
                if (e.is_zero()) continue;
                r6.extra_c[f].emplace_back(k, e);
                r6.extra_c[f].emplace_back(an.g.neg(k), e.conj());
            }
            b4.bias_cancelled_by.push_back(kb);
        }
        std::sort(b4.bias_cancelled_by.begin(), b4.bias_cancelled_by.end());
    }
}

/// The exact output phase of frequency kc in the trained gauge (the block phase e_psi of its pair, conjugated at
/// the representative): trained c = phase * exact c / t^2.
Complex output_phase(const Analysis& an, std::size_t kc) {
    auto it = an.rounded.find(pair_of(an.g, kc));
    const Complex psi = it == an.rounded.end() ? Complex{1, 0} : it->second.e_psi;
    return kc == pair_of(an.g, kc) ? std::conj(psi) : psi;
}

/// The exact nodes rounded so far (family blocks with their bias outputs, DC nodes with outputs, real blocks).
std::vector<Node<Cyclotomic>> exact_nodes(const Analysis& an) {
    std::vector<Node<Cyclotomic>> all;
    for (const auto& [k, r] : an.rounded)
        for (std::size_t f = 0; f < r.exact.order(); ++f) {
            Node<Cyclotomic> node = r.exact.nodes()[f];
            for (const auto& e : r.extra_c[f]) node.c.push_back(e);
            all.push_back(std::move(node));
        }
    for (const RoundedDc& d : an.dc) {
        if (d.c.empty()) continue;
        Node<Cyclotomic> node;
        node.a.emplace_back(0, Cyclotomic::rational(1, 2));
        node.b.emplace_back(0, Cyclotomic::rational(1, 2));
        node.c = d.c;
        all.push_back(std::move(node));
    }
    for (const RoundedReal& r : an.real)
        for (const auto& node : r.nodes) all.push_back(node);
    return all;
}

/// x rounded to a multiple of 1/4 if within 0.02, else nullopt (x in [-1, 1]: the larger input is +-1).
std::optional<Cyclotomic> snap_quarter(double x) {
    const long p = std::lround(4 * x);
    if (std::abs(4 * x - static_cast<double>(p)) > 0.08) return std::nullopt;
    return Cyclotomic::rational(p, 4);
}

/// The joint output solve of the real-frequency nodes `nodes` together with the helpers (every node of a rounded
/// order-6 block, every DC node), whose output rows become unknowns too (joint_outputs.hpp); on success
/// the helpers' rows are replaced in place and the real nodes' rows returned. `first` is returned on failure.
OutputSolution solve_with_helpers(Analysis& an, const std::vector<Node<Cyclotomic>>& nodes,
                                  const std::vector<std::vector<Complex>>& trained, const OutputSolution& first) {
    std::vector<OutputHelper> helpers;
    std::vector<Node<Cyclotomic>> fixed;
    for (const auto& [k, r] : an.rounded) {
        const bool helps = is_order6_family(an.block(k).family);
        for (std::size_t f = 0; f < r.exact.order(); ++f) {
            Node<Cyclotomic> node = r.exact.nodes()[f];
            if (!helps) {
                for (const auto& e : r.extra_c[f]) node.c.push_back(e);
                fixed.push_back(std::move(node));
                continue;
            }
            helpers.push_back(make_helper(an.z, std::move(node), r.trained_node[f], r.t[f],
                                          [&](std::size_t m) { return output_phase(an, m); }));
        }
    }
    for (const RoundedDc& d : an.dc) {
        Node<Cyclotomic> node;
        node.a.emplace_back(0, Cyclotomic::rational(1, 2));
        node.b.emplace_back(0, Cyclotomic::rational(1, 2));
        helpers.push_back(make_helper(an.z, std::move(node), d.trained_node, d.t, [&](std::size_t m) { return output_phase(an, m); }));
    }
    if (helpers.empty()) return first;
    const JointOutputs joint = solve_jointly(Element<Cyclotomic>(an.g, std::move(fixed)), nodes, trained, helpers,
                                             an.options.round_tolerance);
    if (!joint.solution.failure.empty()) {
        OutputSolution out = first;
        out.failure += "; with the outputs of the order-6 blocks and DC nodes solved too: " + joint.solution.failure;
        return out;
    }
    std::size_t h = 0;
    for (auto& [k, r] : an.rounded) {
        if (!is_order6_family(an.block(k).family)) continue;
        std::vector<Node<Cyclotomic>> updated = r.exact.nodes();
        for (std::size_t f = 0; f < updated.size(); ++f) updated[f].c = joint.helper_c[h++];
        r.exact = Element<Cyclotomic>(an.g, std::move(updated));
        r.extra_c.assign(r.exact.order(), {});
    }
    for (RoundedDc& d : an.dc) d.c = joint.helper_c[h++];
    // the rows of the helpers were replaced: who cancels a block's bias is read off the new rows (an order-6 block
    // or DC node cancels part of the bias at k iff its exact outputs at k are not zero)
    for (auto& [k4, r4] : an.rounded) {
        BlockReport& b4 = an.block(k4);
        if (b4.bias_cancelled_by.empty() && b4.bias_cancelled_by_dc == 0) continue;
        b4.bias_cancelled_by.clear();
        b4.bias_cancelled_by_dc = 0;
        for (const auto& [kb, r6] : an.rounded) {
            if (kb == k4) continue;
            bool carries = false;  // order-6 blocks: their re-solved rows; c-row-solved blocks: their kept extra rows
            if (is_order6_family(an.block(kb).family))
                for (const auto& node : r6.exact.nodes()) carries = carries || find_entry(node.c, k4) != nullptr;
            else if (an.block(kb).family == BlockFamily::solved)
                for (const auto& row : r6.extra_c) carries = carries || find_entry(row, k4) != nullptr;
            if (carries) b4.bias_cancelled_by.push_back(kb);
        }
        for (const RoundedDc& d : an.dc)
            if (find_entry(d.c, k4) != nullptr) ++b4.bias_cancelled_by_dc;
    }
    return joint.solution;
}

/// Phase 3b: blocks at real frequencies (k = -k): inputs rounded to exact real values (the larger of |a|, |b|
/// gauged to 1, the other to a multiple of 1/4), outputs at every frequency solved exactly and jointly for all
/// of them against the rest of the rounded network (bias cancellation included).
void round_real_blocks(Analysis& an) {
    const FourierWeights& z = an.z;
    std::vector<RoundedReal> candidates;
    std::vector<BlockReport*> owners;
    for (BlockReport& b : an.report.blocks) {
        if (!an.g.is_self_conjugate(b.k)) continue;
        RoundedReal rr;
        rr.k = b.k;
        std::string failure;
        for (std::size_t j : b.nodes) {
            // input energy off the block's frequency (DC included), relative to the node's whole input
            double off = 0, all = 0;
            for (std::size_t kk = 0; kk < z.n(); ++kk) {
                const double e = std::norm(z.za(kk, j)) + std::norm(z.zb(kk, j));
                all += e;
                if (kk != b.k) off += e;
            }
            if (!(all > 0) || off > 1e-4 * all) {
                failure = "real frequency: a node has inputs at other frequencies or on the DC row";
                break;
            }
            const double a = z.za(b.k, j).real(), bb = z.zb(b.k, j).real();
            const double t = std::abs(a) >= std::abs(bb) ? a : bb;
            const auto ea = snap_quarter(a / t), eb = snap_quarter(bb / t);
            if (!ea || !eb) {
                failure = "real frequency: input ratio b/a of a node is not near a multiple of 1/4";
                break;
            }
            Node<Cyclotomic> node;
            if (!ea->is_zero()) node.a.emplace_back(b.k, *ea);
            if (!eb->is_zero()) node.b.emplace_back(b.k, *eb);
            rr.trained_node.push_back(j);
            rr.t.push_back(t);
            rr.nodes.push_back(std::move(node));
        }
        if (!failure.empty()) {
            b.note = failure;
            b.unresolved = UnknownReason::not_rounded;
            continue;
        }
        candidates.push_back(std::move(rr));
        owners.push_back(&b);
    }
    // blocks at frequencies of order 3 or 4 in no family: inputs snapped, outputs solved (small_order_blocks.hpp)
    std::vector<bool> small(candidates.size(), false);
    for (BlockReport& b : an.report.blocks) {
        if (an.g.is_self_conjugate(b.k) || b.family != BlockFamily::unknown) continue;
        const std::size_t order = element_order(an.g, b.k);
        if (order != 3 && order != 4) continue;
        RoundedReal rr;
        rr.k = b.k;
        std::string why;
        for (std::size_t j : b.nodes) {
            const auto snapped = snap_node_inputs(z, b.k, j, SmallOrderOptions{}, why);
            if (!snapped) break;
            rr.trained_node.push_back(j);
            rr.t.push_back(snapped->t);
            rr.nodes.push_back(snapped->node);
        }
        if (!why.empty()) {
            b.note += "; order " + std::to_string(order) + " (inputs not snapped: " + why + ")";
            b.unresolved = UnknownReason::not_rounded;
            continue;
        }
        candidates.push_back(std::move(rr));
        owners.push_back(&b);
        small.push_back(true);
    }
    // one joint solve of every candidate; if it fails, once more without the order-3/4 blocks
    for (int pass = 0; pass < 2 && !candidates.empty(); ++pass) {
        if (pass == 1) {
            std::vector<RoundedReal> keep;
            std::vector<BlockReport*> keep_owners;
            for (std::size_t i = 0; i < candidates.size(); ++i)
                if (!small[i]) keep.push_back(std::move(candidates[i])), keep_owners.push_back(owners[i]);
            if (keep.size() == candidates.size()) return;
            candidates = std::move(keep);
            owners = std::move(keep_owners);
            small.assign(candidates.size(), false);
            if (candidates.empty()) return;
        }
        std::vector<Node<Cyclotomic>> nodes;
        std::vector<std::vector<Complex>> trained;
        for (const RoundedReal& rr : candidates)
            for (std::size_t i = 0; i < rr.nodes.size(); ++i) {
                nodes.push_back(rr.nodes[i]);
                std::vector<Complex> row(z.n());
                for (std::size_t m = 1; m < z.n(); ++m)
                    row[m] = z.zc(m, rr.trained_node[i]) * rr.t[i] * rr.t[i] / output_phase(an, m);
                trained.push_back(std::move(row));
            }
        const Element<Cyclotomic> fixed(an.g, exact_nodes(an));
        OutputSolution sol = solve_outputs(fixed, nodes, trained, an.options.round_tolerance);
        // a real-frequency node's bias may be cancelled by the outputs of the order-6 blocks and DC nodes (as gradient
        // descent does with the least-biased 1-node): solve their output rows jointly too (joint_outputs.hpp)
        if (!sol.failure.empty()) sol = solve_with_helpers(an, nodes, trained, sol);
        if (!sol.failure.empty()) {
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                owners[i]->note = small[i] ? owners[i]->note + "; order 3/4, inputs snapped, outputs not solved: " + sol.failure
                                           : "real frequency: " + sol.failure;
                owners[i]->unresolved = UnknownReason::not_rounded;
            }
            continue;
        }
        std::size_t next = 0;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            for (auto& node : candidates[i].nodes) node.c = sol.c[next++];
            owners[i]->family = small[i] ? BlockFamily::inputs_snapped : BlockFamily::real_frequency;
            owners[i]->rounding_residual = sol.distance;
            owners[i]->note.clear();
            owners[i]->unresolved = UnknownReason::none;
            an.real.push_back(std::move(candidates[i]));
        }
        return;
    }
}

/// Phase 3c: the blocks at complex frequencies still unresolved, rounded in one number field K (see crosscheck.hpp).
void round_number_field_blocks(Analysis& an) {
    // every order: the acceptance (assemble_over_k) is relative to the network's own level, not the function
    // allowance (a DC z_syn on Z_3 with one input mean moved by 30% has an exact family member within 0.05, inside a
    // one-block network's function_cap 0.1, but far outside number_field_tolerance)
    if (!an.options.number_field) return;
    std::vector<BlockReport*> owners;
    for (BlockReport& b : an.report.blocks) {
        if (b.family != BlockFamily::unknown || an.g.is_self_conjugate(b.k) || b.nodes.empty()) continue;
        bool clean = true;  // inputs on 0 and +-k only: the coordinates of number_field_blocks.hpp
        std::ostringstream why;
        for (std::size_t j : b.nodes) {
            double off = 0, all = 0, top = 0;
            std::size_t top_k = 0;
            for (std::size_t kk = 0; kk < an.z.n(); ++kk) {
                const double e = std::norm(an.z.za(kk, j)) + std::norm(an.z.zb(kk, j));
                all += e;
                if (kk == b.k || kk == an.g.neg(b.k) || kk == 0) continue;
                off += e;
                if (e > top) top = e, top_k = kk;
            }
            if (all > 0 && off <= an.options.number_field_options.off_share * all) continue;
            if (clean)
                why << "; number field: node " << j << " has " << std::setprecision(2) << (all > 0 ? off / all : 1.0)
                    << " of its input energy off 0 and +-k (most at " << top_k << ")";
            clean = false;
        }
        if (!clean) {
            b.note += why.str();
            continue;
        }
        an.nf_requests.push_back({b.k, b.nodes});
        owners.push_back(&b);
    }
    if (an.nf_requests.empty()) return;
    unsigned long field_order = 1;  // K must hold every cyclotomic value of the rest of the network
    for (const auto& node : exact_nodes(an))
        for (Part p : all_parts)
            for (const auto& [kk, v] : node.row(p)) field_order = std::lcm(field_order, v.field_order());
    an.nf = round_in_number_field(an.z, an.nf_requests, field_order, an.options.number_field_options);
    for (std::size_t i = 0; i < owners.size(); ++i) {
        if (!an.nf.blocks[i]) {
            owners[i]->note += "; " + an.nf.failure[i];
            continue;
        }
        owners[i]->family = BlockFamily::number_field;
        owners[i]->structure = an.nf.structure[i];
        owners[i]->note.clear();
    }
}

/// Phase 4: the rounded network, and the distances of its float image (in the trained gauge) to the weights.
void assemble(Analysis& an) {
    const AbelianGroup& g = an.g;
    const FourierWeights& z = an.z;
    FourierWeights image{g, z.q, std::vector<Complex>(z.q * z.n()), std::vector<Complex>(z.q * z.n()),
                         std::vector<Complex>(z.q * z.n())};
    auto c_phase = [&](std::size_t kc) { return output_phase(an, kc); };
    std::vector<Node<Cyclotomic>> all_nodes;
    for (auto& [k, r] : an.rounded) {
        const std::size_t mk = g.neg(k);
        for (std::size_t f = 0; f < r.exact.order(); ++f) {
            Node<Cyclotomic> node = r.exact.nodes()[f];
            for (const auto& e : r.extra_c[f]) node.c.push_back(e);
            const std::size_t j = r.trained_node[f];
            const double t = r.t[f];
            const Complex a = r.e_theta * t * node.entry(Part::a, k).to_complex();
            const Complex b = r.e_phi * t * node.entry(Part::b, k).to_complex();
            image.za(k, j) = a, image.za(mk, j) = std::conj(a);
            image.zb(k, j) = b, image.zb(mk, j) = std::conj(b);
            for (const auto& [kc, value] : node.c) image.zc(kc, j) = c_phase(kc) * value.to_complex() / (t * t);
            all_nodes.push_back(std::move(node));
        }
    }
    for (const RoundedDc& d : an.dc) {
        if (d.c.empty()) {
            ++an.report.unresolved_nodes;
            continue;
        }
        Node<Cyclotomic> node;
        node.a.emplace_back(0, Cyclotomic::rational(1, 2));
        node.b.emplace_back(0, Cyclotomic::rational(1, 2));
        node.c = d.c;
        image.za(0, d.trained_node) = image.zb(0, d.trained_node) = d.t / 2;
        for (const auto& [kc, value] : node.c) image.zc(kc, d.trained_node) = c_phase(kc) * value.to_complex() / (d.t * d.t);
        all_nodes.push_back(std::move(node));
        ++an.report.dc_rounded;
    }
    for (const RoundedReal& r : an.real)
        for (std::size_t i = 0; i < r.nodes.size(); ++i) {
            const std::size_t j = r.trained_node[i];
            const double t = r.t[i];
            const Node<Cyclotomic>& node = r.nodes[i];
            const std::size_t mk = g.neg(r.k);  // r.k itself at a real frequency
            image.za(r.k, j) = t * node.entry(Part::a, r.k).to_complex();
            image.zb(r.k, j) = t * node.entry(Part::b, r.k).to_complex();
            image.za(mk, j) = std::conj(image.za(r.k, j)), image.zb(mk, j) = std::conj(image.zb(r.k, j));
            image.za(0, j) = t * node.entry(Part::a, 0).to_complex(), image.zb(0, j) = t * node.entry(Part::b, 0).to_complex();
            for (const auto& [kc, value] : node.c) image.zc(kc, j) = c_phase(kc) * value.to_complex() / (t * t);
            all_nodes.push_back(node);
        }
    for (std::size_t i = 0; i < an.nf_requests.size(); ++i) {
        if (!an.nf.blocks[i]) continue;
        const Element<NumberFieldScalar>& block = *an.nf.blocks[i];
        for (std::size_t f = 0; f < block.order(); ++f) {
            const std::size_t j = an.nf_requests[i].nodes[f];
            for (const auto& [kk, v] : block.nodes()[f].a) image.za(kk, j) = v.to_complex();
            for (const auto& [kk, v] : block.nodes()[f].b) image.zb(kk, j) = v.to_complex();
            for (const auto& [kc, v] : block.nodes()[f].c) image.zc(kc, j) = c_phase(kc) * v.to_complex();
        }
    }
    FourierWeights live = z;  // dead nodes (unit inputs in the canonical gauge, no output) are not compared
    for (std::size_t j = 0; j < z.q; ++j)
        if (an.report.assignment.nodes[j].dead)
            for (std::size_t k = 0; k < z.n(); ++k) live.za(k, j) = live.zb(k, j) = live.zc(k, j) = Complex{};
    const NetworkWeights<double> trained = inverse_transform(live), back = inverse_transform(image);
    an.report.distance_wa = relative_distance(trained.wa, back.wa);
    an.report.distance_wb = relative_distance(trained.wb, back.wb);
    an.report.distance_v = relative_distance(trained.v, back.v);
    if (!all_nodes.empty()) an.report.rounded.emplace(g, std::move(all_nodes));
}

/// Phase 4b: the whole rounded network over K when some block was rounded in a number field (crosscheck.hpp).
/// A number-field block whose bias is not zero has it cancelled by outputs at its k on the nodes of the order-6 and
/// c-row-solved blocks and the DC nodes (their outputs at k re-solved over K together with the block's own).
void assemble_over_k(Analysis& an) {
    if (!an.nf.field) return;
    CrosscheckReport& report = an.report;
    const AbelianGroup& g = an.g;
    NumberField::Scope scope(an.nf.field);
    std::vector<Node<NumberFieldScalar>> nodes;
    if (report.rounded) nodes = embed(an.nf.field, *report.rounded).nodes();
    // the helpers, in the node order of assemble(): index, trained node, real scale t
    struct Helper {
        std::size_t index, trained_node;
        double t;
    };
    std::vector<Helper> helpers;
    std::size_t index = 0;
    for (const auto& [k, r] : an.rounded) {
        const BlockFamily f = an.block(k).family;
        const bool helps = is_order6_family(f) || f == BlockFamily::solved;
        for (std::size_t i = 0; i < r.exact.order(); ++i, ++index)
            if (helps) helpers.push_back({index, r.trained_node[i], r.t[i]});
    }
    for (const RoundedDc& d : an.dc)
        if (!d.c.empty()) helpers.push_back({index++, d.trained_node, d.t});
    // the network's own level: the median sqrt(D_k) of the blocks rounded in cyclotomic fields (none: the floor)
    std::vector<double> level;
    for (const BlockReport& b : report.blocks)
        if (b.family != BlockFamily::unknown && b.family != BlockFamily::number_field) level.push_back(std::sqrt(an.D[b.k]));
    std::sort(level.begin(), level.end());
    const double own_level = level.empty() ? 0.0 : level[level.size() / 2];
    const double tolerance = std::min(an.options.number_field_cap,
                                      std::max(an.options.number_field_tolerance, an.options.function_outlier * own_level));
    for (std::size_t i = 0; i < an.nf_requests.size(); ++i) {
        if (!an.nf.blocks[i]) continue;
        const std::size_t first = nodes.size();
        nodes.insert(nodes.end(), an.nf.blocks[i]->nodes().begin(), an.nf.blocks[i]->nodes().end());
        Element<NumberFieldScalar> whole(g, nodes);
        const std::size_t k = an.nf_requests[i].k;
        bool biased = false;  // T_k(0, 0) of the block alone (its DC rows included)
        for (const auto& c : enumerate_conditions(*an.nf.blocks[i]))
            biased = biased || (c.k == k && c.k1 == 0 && c.k2 == 0 && !c.value.is_zero());
        BlockReport& b = an.block(k);
        std::vector<std::size_t> own(an.nf.blocks[i]->order());
        std::iota(own.begin(), own.end(), first);
        // the tight acceptance, on the final exact block (after its outputs and the helpers' are re-solved)
        auto accept = [&](const Element<NumberFieldScalar>& network, const std::vector<std::size_t>& helper_nodes,
                          const std::vector<Complex>& helper_trained) {
            const NumberFieldDistance d =
                number_field_distance(an.z, k, an.nf_requests[i].nodes, network, own, helper_nodes, helper_trained);
            b.rounding_residual = d.worst();
            if (d.worst() <= tolerance) return true;
            std::ostringstream o;
            o << "number field: the exact block over K is " << std::setprecision(3) << d.inputs << " (inputs) / "
              << d.outputs << " (outputs) from the trained one, relative to its norm (allowed "
              << tolerance << ": " << an.options.function_outlier << " x the network's median sqrt(D_k) " << own_level
              << ", within [--number-field-tolerance, 0.05]; the trained block is "
              << an.nf.polish_distance[i] << " from the solution set of its conditions)";
            nodes.resize(first);
            an.nf.blocks[i].reset();
            b.family = BlockFamily::unknown;
            b.note = o.str();
            return false;
        };
        if (!biased) {
            accept(whole, {}, {});
            continue;
        }
        std::vector<std::size_t> unknown;
        std::vector<Complex> trained;
        for (std::size_t f = 0; f < an.nf.blocks[i]->order(); ++f) {
            unknown.push_back(first + f);
            trained.push_back(an.z.zc(k, an.nf_requests[i].nodes[f]));
        }
        for (const Helper& h : helpers) {
            unknown.push_back(h.index);
            trained.push_back(an.z.zc(k, h.trained_node) * h.t * h.t / output_phase(an, k));
        }
        std::string why;
        double distance = -1;
        if (!solve_outputs_at(whole, k, unknown, trained, an.options.round_tolerance, why, distance)) {
            // the block stays out of the network: UNRESOLVED
            nodes.resize(first);
            an.nf.blocks[i].reset();
            b.family = BlockFamily::unknown;
            b.note = why;
            continue;
        }
        const std::vector<std::size_t> helper_nodes(unknown.begin() + static_cast<long>(own.size()), unknown.end());
        const std::vector<Complex> helper_trained(trained.begin() + static_cast<long>(own.size()), trained.end());
        if (!accept(whole, helper_nodes, helper_trained)) continue;
        nodes = whole.nodes();
        b.structure += "; bias cancelled over K by the outputs at k of " + std::to_string(helpers.size()) + " nodes";
    }
    bool any = false;
    for (const auto& block : an.nf.blocks) any = any || block.has_value();
    if (!any) return;
    report.rounded_nf.emplace(g, std::move(nodes));
    report.field = an.nf.field;
}

/// Phase 5: exact verification of the rounded network, per-block and network verdicts.
void verify_and_decide(Analysis& an) {
    CrosscheckReport& report = an.report;
    const AbelianGroup& g = an.g;
    for (const BlockReport& b : report.blocks)
        if (b.family == BlockFamily::unknown) report.unresolved_nodes += b.nodes.size();
    if (!report.rounded && !report.rounded_nf) {
        report.network = NetworkVerdict::unknown;
        report.network_reason = "nothing was rounded (no block classified, no DC node): no exact account of the network";
        report.unknown_reason = UnknownReason::not_recognised;
        for (const BlockReport& b : report.blocks) report.unproven.push_back(b.k);
        return;
    }
    const VerifyLimits limits{an.options.max_terms};
    std::set<std::size_t> failing_pairs;
    auto take = [&](const auto& result) {
        report.verdict = result.verdict;
        report.reason = result.reason;
        report.failing = result.failing;
        if (result.verdict == Verdict::unknown) report.unknown_reason = result.unknown_reason;
        if (result.loss) {
            report.exact_loss_text = result.loss->to_string();
            if constexpr (std::is_same_v<std::decay_t<decltype(*result.loss)>, Cyclotomic>) report.exact_loss = result.loss;
            else if (result.loss->is_zero()) report.exact_loss = Cyclotomic(0);
        }
        if (result.counterexample) {
            const auto& c = result.conditions[*result.counterexample];
            report.first_failure = std::string(condition_kind_name(c.kind())) + " condition T_" + std::to_string(c.k) + "(" +
                                   std::to_string(c.k1) + ", " + std::to_string(c.k2) + ") = " + c.value.to_string() +
                                   ", target " + std::to_string(c.target);
        }
        for (const auto& c : result.conditions)
            if (!c.defect().is_zero()) failing_pairs.insert(pair_of(g, c.k));
    };
    if (report.rounded_nf) {
        NumberField::Scope scope(an.nf.field);
        take(verify_global_optimum(*report.rounded_nf, limits));
    } else {
        take(verify_global_optimum(*report.rounded, limits));
    }
    if (report.verdict == Verdict::unknown) {
        report.network = NetworkVerdict::unknown;
        report.network_reason = "exact verification not done: " + report.reason;
        for (const BlockReport& b : report.blocks) report.unproven.push_back(b.k);
        return;
    }
    const std::vector<double>& D = an.D;
    const double allowed = an.allowed;
    for (BlockReport& b : report.blocks) {
        b.function_distance = std::sqrt(D[b.k]);
        if (b.family != BlockFamily::unknown) {
            b.verified = failing_pairs.count(b.k) == 0;
            if (b.verified && !(b.function_distance <= allowed)) {
                // exact, but the trained network is not near it as a function at output k: the block is not
                // accounted for (never PROVED; nothing is refuted either)
                std::ostringstream o;
                o << "the trained network is " << std::setprecision(3) << b.function_distance
                  << " from the exact rounded one as a function at output k (allowed " << allowed
                  << ", see --function-tolerance)";
                b.verified = false;
                b.note = o.str();
                b.unresolved = UnknownReason::not_accounted;
                report.unresolved_nodes += b.nodes.size();
            } else if (b.verified) {
                b.note.clear();  // e.g. a bias left to the real-frequency outputs, cancelled there
                b.unresolved = UnknownReason::none;
            } else {
                if (b.note.empty()) b.note = "an exact condition at output +-k fails in the rounded network";
                if (b.unresolved == UnknownReason::none) b.unresolved = UnknownReason::condition_fails;
            }
        }
        (b.verified ? report.proven : report.unproven).push_back(b.k);
    }
    const std::size_t overflow = static_cast<std::size_t>(std::count_if(
        report.warnings.begin(), report.warnings.end(), [](const std::string& w) { return w.rfind("overflow", 0) == 0; }));
    const bool complete = report.unresolved_nodes == 0;
    std::ostringstream why;
    if (complete && report.verdict == Verdict::proved) {
        report.network = NetworkVerdict::proved;
        return;
    }
    if (complete) {
        report.network = NetworkVerdict::refuted;
        why << "every live node is rounded and the assembled network fails " << report.failing << " exact condition"
            << (report.failing == 1 ? "" : "s");
        report.network_reason = why.str();
        return;
    }
    report.network = NetworkVerdict::partial;
    why << report.unresolved_nodes << " live node" << (report.unresolved_nodes == 1 ? "" : "s") << " unresolved";
    if (overflow) why << " (" << overflow << " overflowing)";
    why << "; " << report.proven.size() << " of " << report.blocks.size() << " frequency blocks proven";
    report.network_reason = why.str();
}

}  // namespace

const char* network_verdict_name(NetworkVerdict v) {
    switch (v) {
        case NetworkVerdict::proved: return "PROVED";
        case NetworkVerdict::partial: return "PARTIAL";
        case NetworkVerdict::refuted: return "REFUTED";
        case NetworkVerdict::unknown: return "UNKNOWN";
    }
    return "UNKNOWN";
}

std::size_t CrosscheckReport::classified() const {
    return static_cast<std::size_t>(
        std::count_if(blocks.begin(), blocks.end(), [](const BlockReport& b) { return b.family != BlockFamily::unknown; }));
}

std::size_t CrosscheckReport::verified() const {
    return static_cast<std::size_t>(std::count_if(blocks.begin(), blocks.end(), [](const BlockReport& b) { return b.verified; }));
}

CrosscheckReport crosscheck(const AbelianGroup& g, const NetworkWeights<double>& weights,
                            const CrosscheckOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const GaugedWeights gauged = canonical_gauge(g, weights);
    const FourierWeights& z = gauged.z;
    CrosscheckReport report;
    report.group = g;
    report.q = z.q;
    for (std::size_t j : gauged.overflowing)
        report.warnings.push_back("overflow: node " + std::to_string(j) +
                                  "'s output weights overflow double precision once its inputs are normalised; left out");
    report.assignment = assign_nodes(z, options.assignment);
    for (std::size_t j : gauged.overflowing)  // zeroed by the gauge, but live: counted unresolved, never dead
        if (report.assignment.nodes[j].dead) {
            report.assignment.nodes[j].dead = false;
            --report.assignment.dead;
            ++report.unresolved_nodes;
        }
    Analysis an{g, z, options, report, {}, {}, {}, {}, frequency_losses(z), 0, {}, {}};
    an.allowed = allowed_function_distance(an.D, options);
    report.trained_loss = all_pairs_loss(an.D);
    report.function_allowed = an.allowed;
    round_blocks(an);
    round_dc_nodes(an);
    cancel_biases(an);
    round_real_blocks(an);
    round_number_field_blocks(an);
    assemble(an);
    assemble_over_k(an);
    report.seconds_analysis = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.verify) {  // no exact verification: nothing is decided
        for (BlockReport& b : report.blocks)
            if (b.unresolved == UnknownReason::none) b.unresolved = UnknownReason::not_decided;
        report.unknown_reason = UnknownReason::not_decided;
        return report;
    }
    const auto verify_start = std::chrono::steady_clock::now();
    verify_and_decide(an);
    // nodes shared by many frequencies (z_M): round the whole network in the group domain (group_domain.hpp)
    if (report.network != NetworkVerdict::proved && gauged.overflowing.empty() && has_spread_inputs(report.assignment)) {
        GroupDomainOptions gd;
        gd.round_tolerance = options.round_tolerance;
        gd.max_terms = options.max_terms;
        adopt_group_domain(report, round_in_group_domain(z, report.assignment, gd), an.D, an.allowed);
    }
    report.seconds_verify = std::chrono::duration<double>(std::chrono::steady_clock::now() - verify_start).count();
    return report;
}

}  // namespace cogo::analyze
