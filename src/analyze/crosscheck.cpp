#include "analyze/crosscheck.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "analyze/rounding.hpp"
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

Complex unit(Complex z) {
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
        s_psi += unit(at * bt * std::conj(ae[f] * be[f]));
        s_delta += unit(at * std::conj(ae[f]) * std::conj(bt) * be[f]);
    }
    r.e_psi = unit(s_psi);
    r.e_theta = std::sqrt(r.e_psi * unit(s_delta));
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

std::string describe(const OutputCondition<Cyclotomic>& c) {
    return std::string(condition_kind_name(c.kind())) + " condition T_" + std::to_string(c.k) + "(" +
           std::to_string(c.k1) + ", " + std::to_string(c.k2) + ") = " + c.value.to_string() + ", target " +
           std::to_string(c.target);
}

}  // namespace

std::size_t CrosscheckReport::classified() const {
    return static_cast<std::size_t>(
        std::count_if(blocks.begin(), blocks.end(), [](const BlockReport& b) { return b.family != BlockFamily::unknown; }));
}

std::size_t CrosscheckReport::verified() const {
    return static_cast<std::size_t>(std::count_if(blocks.begin(), blocks.end(), [](const BlockReport& b) { return b.verified; }));
}

CrosscheckReport crosscheck(const AbelianGroup& g, const TrainedWeights& weights, const CrosscheckOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const FourierWeights z = fourier_transform(g, weights);
    CrosscheckReport report{g, 0, {}, {}, std::nullopt, Verdict::unknown, std::nullopt, 0, "", "", 0, 0, 0, 0, 0};
    report.q = z.q;
    report.assignment = assign_nodes(z, options.assignment);
    std::map<std::size_t, Rounded> rounded;  // by k
    std::map<std::size_t, std::size_t> block_index;

    for (const auto& [k, nodes] : report.assignment.blocks) {
        BlockReport br;
        br.k = k;
        br.nodes = nodes;
        double scale = 0;
        for (std::size_t j : nodes) {
            const Complex a = z.za(k, j), b = z.zb(k, j), c = z.zc(k, j);
            br.r_kkk += a * b * c;
            br.bias += (std::norm(a) + std::norm(b)) * c;
            scale = std::max({scale, std::abs(a), std::abs(b), std::abs(c)});
            const NodeInfo& info = report.assignment.nodes[j];
            br.spread_nodes += info.spread;
            br.max_off_c = std::max(br.max_off_c, info.off_c);
        }
        block_index[k] = report.blocks.size();
        report.blocks.push_back(br);
        BlockReport& b = report.blocks.back();
        if (g.is_self_conjugate(k)) {
            b.note = "self-conjugate frequency (k = -k): no family applies";
            continue;
        }
        std::vector<Invariant> L;
        for (std::size_t j : nodes) {
            const auto inv = node_invariant(z.za(k, j), z.zb(k, j), z.zc(k, j), 1e-6 * scale);
            if (!inv) break;
            L.push_back(*inv);
        }
        if (L.size() != nodes.size()) {
            b.note = "a node has a (near-)zero a, b or c entry at k";
            continue;
        }
        b.classification = classify_block(L, options.classify);
        const Classification& cls = b.classification;
        if (cls.family != BlockFamily::unknown && std::abs(b.r_kkk - 1.0) > options.r_kkk_tolerance) {
            b.note = std::string("shaped like ") + family_name(cls.family) + " but r_kkk = " +
                     std::to_string(b.r_kkk.real()) + (b.r_kkk.imag() < 0 ? " - " : " + ") +
                     std::to_string(std::abs(b.r_kkk.imag())) + "i is not 1 (--r-kkk-tolerance): not a global optimum's block";
            continue;
        }
        if (cls.family == BlockFamily::unknown) {
            b.note = cls.factorable ? "factorable (" + cls.factors + ") but in no known family"
                                    : "not factorable as a Kronecker product within tolerance";
            continue;
        }
        // snap and build the exact block
        bool g1 = true, g2 = true;
        Turn p1, p2;
        int sign = cls.sign;
        if (cls.family == BlockFamily::nu_syn) p1 = snap_turn(cls.nu, options.snap_tolerance, g1);
        if (cls.family == BlockFamily::nui_xi) p1 = snap_turn(cls.xi, options.snap_tolerance, g1);
        if (cls.family == BlockFamily::nui_synab) {
            p1 = snap_turn(cls.alpha, options.snap_tolerance, g1);
            p2 = snap_turn(cls.beta, options.snap_tolerance, g2);
        }
        Rounded r{family_block(g, k, cls.family, p1, p2, sign), {}, {}, {}, {}, {}, {}};
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
        double sum = 0;
        for (const Invariant& d : D) sum += std::pow(norm(sub(d, offset)), 2);
        b.rounding_residual = std::sqrt(sum / static_cast<double>(D.size()));
        if (b.rounding_residual > options.round_tolerance) {
            b.note = std::string("classified as ") + family_name(cls.family) + " but the rounded block is too far (" +
                     std::to_string(b.rounding_residual) + ")";
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
        rounded.emplace(k, std::move(r));
    }

    // exact bias cancellation (z_F4/6 mechanism)
    std::map<std::size_t, std::vector<std::vector<Cyclotomic>>> directions;
    for (auto& [k, r4] : rounded) {
        BlockReport& b4 = report.blocks[block_index[k]];
        if (b4.family != BlockFamily::nui_xi) continue;
        const Cyclotomic beta = block_potentials(r4.exact, k).bias();
        if (beta.is_zero()) continue;
        std::vector<std::pair<std::size_t, Complex>> shares;
        Complex total{};
        for (auto& [kb, r6] : rounded) {
            if (!is_order6_family(report.blocks[block_index[kb]].family)) continue;
            Complex tau{};
            for (std::size_t j : report.blocks[block_index[kb]].nodes)
                tau += (std::norm(z.za(kb, j)) + std::norm(z.zb(kb, j))) * z.zc(k, j);
            const Complex share = std::abs(b4.bias) > 0 ? -tau / b4.bias : Complex{};
            shares.emplace_back(kb, share);
            total += share;
        }
        if (shares.empty()) {
            b4.note = "bias not cancelled: no classified order-6 block";
            continue;
        }
        if (std::abs(total - 1.0) > options.bias_evidence) {
            b4.note = "bias not cancelled: the trained order-6 outputs at this k carry a share " +
                      std::to_string(std::abs(total)) + " of it";
            continue;
        }
        std::size_t largest = 0;
        for (std::size_t i = 0; i < shares.size(); ++i)
            if (std::abs(shares[i].second) > std::abs(shares[largest].second)) largest = i;
        std::vector<std::pair<std::size_t, Cyclotomic>> exact_shares;
        Cyclotomic remainder(1);
        for (std::size_t i = 0; i < shares.size(); ++i) {
            if (i == largest) continue;
            const Cyclotomic s = gaussian_rational(shares[i].second, 64);
            if (s.is_zero()) continue;
            exact_shares.emplace_back(shares[i].first, s);
            remainder = remainder - s;
        }
        if (!remainder.is_zero()) exact_shares.emplace_back(shares[largest].first, remainder);
        for (const auto& [kb, share] : exact_shares) {
            Rounded& r6 = rounded.at(kb);
            auto it = directions.find(kb);
            if (it == directions.end()) it = directions.emplace(kb, bias_directions(r6.exact, kb)).first;
            const auto& basis = it->second;
            std::vector<Cyclotomic> v;
            if (basis.size() == 1) {
                v = basis[0];
            } else if (basis.size() > 1) {
                // the trained direction in the exact gauge, projected on the kernel (normal equations)
                const std::size_t q6 = r6.exact.order(), dim = basis.size();
                std::vector<Complex> target(q6);
                for (std::size_t f = 0; f < q6; ++f)
                    target[f] = r4.e_psi * r6.t[f] * r6.t[f] * z.zc(k, r6.trained_node[f]);
                std::vector<std::vector<Complex>> G(dim, std::vector<Complex>(dim + 1));
                for (std::size_t x = 0; x < dim; ++x) {
                    for (std::size_t y = 0; y < dim; ++y)
                        for (std::size_t f = 0; f < q6; ++f)
                            G[x][y] += std::conj(basis[x][f].to_complex()) * basis[y][f].to_complex();
                    for (std::size_t f = 0; f < q6; ++f) G[x][dim] += std::conj(basis[x][f].to_complex()) * target[f];
                }
                for (std::size_t c = 0; c < dim; ++c) {  // Gauss-Jordan with partial pivoting
                    std::size_t p = c;
                    for (std::size_t rr = c; rr < dim; ++rr)
                        if (std::abs(G[rr][c]) > std::abs(G[p][c])) p = rr;
                    std::swap(G[p], G[c]);
                    if (std::abs(G[c][c]) == 0) continue;
                    for (std::size_t rr = 0; rr < dim; ++rr) {
                        if (rr == c) continue;
                        const Complex fct = G[rr][c] / G[c][c];
                        for (std::size_t cc = c; cc <= dim; ++cc) G[rr][cc] -= fct * G[c][cc];
                    }
                }
                std::vector<Complex> mu(dim);
                double top = 0;
                for (std::size_t x = 0; x < dim; ++x) {
                    mu[x] = std::abs(G[x][x]) > 0 ? G[x][dim] / G[x][x] : Complex{};
                    top = std::max(top, std::abs(mu[x]));
                }
                v.assign(q6, Cyclotomic());
                if (top > 0)
                    for (std::size_t x = 0; x < dim; ++x) {
                        const Cyclotomic m = gaussian_rational(mu[x] / top, 256);
                        for (std::size_t f = 0; f < q6; ++f) v[f] = v[f] + m * basis[x][f];
                    }
                if (bias_weight(r6.exact, kb, v).is_zero()) {
                    double best = -1;
                    for (const auto& cand : basis) {
                        const double w = std::abs(bias_weight(r6.exact, kb, cand).to_complex());
                        if (w > best) best = w, v = cand;
                    }
                }
            }
            if (v.empty()) continue;
            const Cyclotomic weight = bias_weight(r6.exact, kb, v);
            if (weight.is_zero()) continue;
            const Cyclotomic coef = -(beta * share) / weight;
            for (std::size_t f = 0; f < v.size(); ++f) {
                const Cyclotomic e = v[f] * coef;
                if (e.is_zero()) continue;
                r6.extra_c[f].emplace_back(k, e);
                r6.extra_c[f].emplace_back(g.neg(k), e.conj());
            }
            b4.bias_cancelled_by.push_back(kb);
        }
        std::sort(b4.bias_cancelled_by.begin(), b4.bias_cancelled_by.end());
    }

    // the rounded network and its gauged float image in the trained node order
    FourierWeights image{g, z.q, std::vector<Complex>(z.q * z.n()), std::vector<Complex>(z.q * z.n()),
                         std::vector<Complex>(z.q * z.n())};
    std::vector<Node<Cyclotomic>> all_nodes;
    for (auto& [k, r] : rounded) {
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
            for (const auto& [kc, value] : node.c) {
                if (kc != pair_of(g, kc)) continue;
                auto it = rounded.find(kc);
                const Complex psi = it == rounded.end() ? Complex{1, 0} : it->second.e_psi;
                const Complex c = std::conj(psi) * value.to_complex() / (t * t);
                image.zc(kc, j) = c;
                image.zc(g.neg(kc), j) = std::conj(c);
            }
            all_nodes.push_back(std::move(node));
        }
    }
    const TrainedWeights back = inverse_transform(image);
    report.distance_wa = relative_distance(weights.wa, back.wa);
    report.distance_wb = relative_distance(weights.wb, back.wb);
    report.distance_v = relative_distance(weights.v, back.v);
    report.seconds_analysis = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (!all_nodes.empty()) report.rounded.emplace(g, std::move(all_nodes));
    if (!options.verify) return report;
    const auto verify_start = std::chrono::steady_clock::now();
    const Element<Cyclotomic> empty(g);
    VerifyLimits limits;
    limits.max_terms = options.max_terms;
    const VerificationResult<Cyclotomic> result = verify_global_optimum(report.rounded ? *report.rounded : empty, limits);
    report.verdict = result.verdict;
    report.reason = result.reason;
    report.exact_loss = result.loss;
    report.failing = result.failing;
    if (result.counterexample) report.first_failure = describe(result.conditions[*result.counterexample]);
    std::set<std::size_t> failing_pairs;
    for (const auto& c : result.conditions)
        if (!c.defect().is_zero()) failing_pairs.insert(pair_of(g, c.k));
    for (BlockReport& b : report.blocks) {
        if (b.family == BlockFamily::unknown || result.verdict == Verdict::unknown) continue;
        b.verified = failing_pairs.count(b.k) == 0;
        if (!b.verified && b.note.empty()) b.note = "an exact condition at output +-k fails in the rounded network";
    }
    report.seconds_verify = std::chrono::duration<double>(std::chrono::steady_clock::now() - verify_start).count();
    return report;
}

}  // namespace cogo::analyze
