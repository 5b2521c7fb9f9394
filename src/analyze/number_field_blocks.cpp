#include "analyze/number_field_blocks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

#include "algebra/conditions.hpp"
#include "algebra/linear_algebra.hpp"
#include "analyze/affine_nearest.hpp"
#include "analyze/polynomial_scalar.hpp"
#include "support/error.hpp"

namespace cogo::analyze {

namespace {

using Poly = ComplexPolynomial;

/// Coordinates of node f: 5 f + (0 Re a, 1 Im a, 2 Re b, 3 Im b, 4 d); outputs 5 q + 2 f + (0 Re c, 1 Im c).
constexpr std::size_t per_node = 5;

std::size_t input_count(std::size_t q) { return per_node * q; }

/// The block with polynomial entries (inputs at 0 and +-k, outputs at +-k).
Element<Poly> symbolic_block(const AbelianGroup& g, std::size_t k, std::size_t q, const std::vector<bool>& dc) {
    const std::size_t mk = g.neg(k);
    std::vector<Node<Poly>> nodes;
    for (std::size_t f = 0; f < q; ++f) {
        const auto base = static_cast<unsigned>(per_node * f);
        const Poly a = Poly::complex_variable(base, base + 1), b = Poly::complex_variable(base + 2, base + 3);
        const auto out = static_cast<unsigned>(input_count(q) + 2 * f);
        const Poly c = Poly::complex_variable(out, out + 1);
        Node<Poly> node;
        if (dc[f]) {
            const Poly half_d = Poly::variable(base + 4) * Poly::rational(1, 2);
            node.a.emplace_back(0, half_d);
            node.b.emplace_back(0, half_d);
        }
        node.a.emplace_back(k, a), node.a.emplace_back(mk, a.conj());
        node.b.emplace_back(k, b), node.b.emplace_back(mk, b.conj());
        node.c.emplace_back(k, c), node.c.emplace_back(mk, c.conj());
        nodes.push_back(std::move(node));
    }
    return Element<Poly>(g, std::move(nodes));
}

/// The real equations: Re and Im of T_k(k1, k2) - target at output k (the bias only if imposed).
std::vector<RealTerms> block_equations(const Element<Poly>& block, std::size_t k, bool bias) {
    std::vector<RealTerms> eqs;
    for (const auto& c : enumerate_conditions(block)) {
        if (c.k != k) continue;
        if (c.k1 == 0 && c.k2 == 0 && !bias) continue;
        const Poly d = c.value - Poly::rational(c.target, 1);
        if (!d.re().empty()) eqs.push_back(d.re());
        if (!d.im().empty()) eqs.push_back(d.im());
    }
    return eqs;
}

/// F and J at x restricted to the columns `vars`.
void evaluate_system(const std::vector<RealTerms>& eqs, const std::vector<double>& x, const std::vector<std::size_t>& vars,
                     std::vector<double>& F, std::vector<std::vector<double>>& J) {
    F.assign(eqs.size(), 0);
    J.assign(eqs.size(), std::vector<double>(vars.size(), 0));
    std::vector<double> grad;
    for (std::size_t i = 0; i < eqs.size(); ++i) {
        F[i] = evaluate(eqs[i], x, &grad);
        for (std::size_t v = 0; v < vars.size(); ++v) J[i][v] = grad[vars[v]];
    }
}

double max_abs(const std::vector<double>& v) {
    double m = 0;
    for (double x : v) m = std::max(m, std::abs(x));
    return m;
}

/// Float Gauss-Newton with (nearly) minimum-norm steps: (J^T J + lambda I) delta = -J^T F; moves only `vars`.
double polish(const std::vector<RealTerms>& eqs, std::vector<double>& x, const std::vector<std::size_t>& vars) {
    std::vector<double> F;
    std::vector<std::vector<double>> J;
    double residual = 0;
    for (int it = 0; it < 200; ++it) {
        evaluate_system(eqs, x, vars, F, J);
        residual = max_abs(F);
        if (residual < 1e-14) break;
        const std::size_t n = vars.size();
        Rows<Complex> G(n, std::vector<Complex>(n));
        std::vector<Complex> r(n);
        double trace = 0;
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t v = 0; v < n; ++v) {
                double s = 0;
                for (std::size_t i = 0; i < F.size(); ++i) s += J[i][u] * J[i][v];
                G[u][v] = s;
            }
            trace += G[u][u].real();
            double s = 0;
            for (std::size_t i = 0; i < F.size(); ++i) s -= J[i][u] * F[i];
            r[u] = s;
        }
        const double lambda = 1e-12 * (trace / static_cast<double>(std::max<std::size_t>(n, 1))) + 1e-300;
        for (std::size_t u = 0; u < n; ++u) G[u][u] += lambda;
        const auto delta = solve<Complex>(G, n, r, PivotTolerance{1e-300});
        if (!delta) break;
        for (std::size_t u = 0; u < n; ++u) x[vars[u]] += (*delta)[u].real();
    }
    evaluate_system(eqs, x, vars, F, J);
    return max_abs(F);
}

/// Greedy column pivoting (modified Gram-Schmidt) over `cols` in two groups, the first preferred: returns the
/// chosen columns (independent to `tol` relative to the largest column norm).
std::vector<std::size_t> pivot_columns(const std::vector<std::vector<double>>& J, const std::vector<std::size_t>& first,
                                       const std::vector<std::size_t>& second, double tol) {
    const std::size_t m = J.size();
    std::map<std::size_t, std::vector<double>> residual;
    double scale = 0;
    for (const auto* group : {&first, &second})
        for (std::size_t c : *group) {
            std::vector<double> col(m);
            for (std::size_t i = 0; i < m; ++i) col[i] = J[i][c];
            double norm = 0;
            for (double v : col) norm += v * v;
            scale = std::max(scale, std::sqrt(norm));
            residual.emplace(c, std::move(col));
        }
    std::vector<std::size_t> chosen;
    if (!(scale > 0)) return chosen;
    for (const auto* group : {&first, &second}) {
        std::vector<std::size_t> left = *group;
        while (!left.empty()) {
            std::size_t best = 0;
            double best_norm = -1;
            for (std::size_t i = 0; i < left.size(); ++i) {
                double norm = 0;
                for (double v : residual[left[i]]) norm += v * v;
                if (norm > best_norm) best_norm = norm, best = i;
            }
            if (std::sqrt(best_norm) <= tol * scale) break;
            const std::size_t c = left[best];
            left.erase(left.begin() + static_cast<long>(best));
            chosen.push_back(c);
            std::vector<double> q = residual[c];
            const double qn = std::sqrt(best_norm);
            for (double& v : q) v /= qn;
            for (auto& [other, col] : residual) {
                if (other == c) continue;
                double dot = 0;
                for (std::size_t i = 0; i < m; ++i) dot += q[i] * col[i];
                for (std::size_t i = 0; i < m; ++i) col[i] -= dot * q[i];
            }
        }
    }
    return chosen;
}

/// x rounded to a multiple of 1/den, as "p/q".
std::string rational_text(double x, long den, double& value) {
    const long p = std::lround(x * static_cast<double>(den));
    value = static_cast<double>(p) / static_cast<double>(den);
    flint::Fmpq r;
    fmpq_set_si(r.get(), p, static_cast<ulong>(den));
    return r.str();
}

/// The rational of least denominator within `tolerance` of x (the first continued-fraction convergent that close,
/// then the smallest semiconvergent before it that is still within), as "p/q"; `value` receives it as a double.
/// Denominators stay below 2^40 (a tolerance below ~1e-12 |x| is met by the last convergent reached).
std::string nearest_small_rational(double x, double tolerance, double& value) {
    const double limit = 1099511627776.0;  // 2^40
    // convergents h_n / k_n of x
    double h_prev = 1, k_prev = 0, h = std::floor(x), k = 1, rest = x - std::floor(x);
    while (std::abs(x - h / k) > tolerance && rest > 1e-300) {
        const double inv = 1 / rest, a = std::floor(inv);
        rest = inv - a;
        const double h_next = a * h + h_prev, k_next = a * k + k_prev;
        if (k_next >= limit) break;
        // the semiconvergents (m h + h_prev) / (m k + k_prev), m = 1 .. a, lie between; take the first within
        bool done = false;
        for (double m = std::max(1.0, std::ceil(a / 2)); m < a; ++m) {
            const double hs = m * h + h_prev, ks = m * k + k_prev;
            if (std::abs(x - hs / ks) <= tolerance) {
                h_prev = h, k_prev = k, h = hs, k = ks, done = true;
                break;
            }
        }
        if (done) break;
        h_prev = h, k_prev = k, h = h_next, k = k_next;
    }
    value = h / k;
    flint::Fmpz num, den;
    fmpz_set_d(num.get(), h);
    fmpz_set_d(den.get(), k);
    flint::Fmpq r;
    fmpq_set_fmpz_frac(r.get(), num.get(), den.get());
    return r.str();
}

/// p with the fixed coordinates substituted (values[v] non-empty) and the free ones renumbered by `index`.
RealTerms substitute(const RealTerms& p, const std::vector<std::string>& values, const std::vector<long>& index) {
    std::vector<flint::Fmpq> v(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!values[i].empty()) fmpq_set_str(v[i].get(), values[i].c_str(), 10);
    RealTerms out;
    flint::Fmpq coef, power;
    for (const auto& [e, c] : p) {
        fmpq_set(coef.get(), c.get());
        std::vector<unsigned> ne;
        for (std::size_t i = 0; i < e.size(); ++i) {
            if (e[i] == 0) continue;
            if (!values[i].empty()) {
                fmpq_pow_si(power.get(), v[i].get(), static_cast<long>(e[i]));
                fmpq_mul(coef.get(), coef.get(), power.get());
                continue;
            }
            const auto j = static_cast<std::size_t>(index[i]);
            if (ne.size() <= j) ne.resize(j + 1, 0);
            ne[j] += e[i];
        }
        if (fmpq_is_zero(coef.get())) continue;
        while (!ne.empty() && ne.back() == 0) ne.pop_back();
        auto [it, inserted] = out.try_emplace(ne);
        fmpq_add(it->second.get(), it->second.get(), coef.get());
        if (fmpq_is_zero(it->second.get())) out.erase(it);
    }
    return out;
}

std::string number_text(double x) {
    std::ostringstream o;
    o.precision(3);
    o << x;
    return o.str();
}

}  // namespace

unsigned long number_field_zeta_order(const AbelianGroup& group) {
    unsigned long e = 1;
    for (unsigned long m : group.moduli()) e = std::lcm(e, m);
    return std::lcm(e, 4UL);
}

NumberFieldCandidate number_field_candidate(const FourierWeights& z, std::size_t k, const std::vector<std::size_t>& nodes,
                                            const NumberFieldBlockOptions& options) {
    NumberFieldCandidate out;
    out.k = k;
    out.trained_node = nodes;
    const AbelianGroup& g = z.group;
    const std::size_t q = nodes.size();
    if (q == 0 || g.neg(k) == k || k == 0) {
        out.failure = "number field: not a block at a complex frequency";
        return out;
    }
    // the start: trained canonical coordinates
    const std::size_t n_vars = input_count(q) + 2 * q;
    std::vector<double> x0(n_vars, 0.0);
    std::vector<bool> dc(q, false);
    Complex bias{};
    double bias_abs = 0;
    for (std::size_t f = 0; f < q; ++f) {
        const std::size_t j = nodes[f];
        const Complex a = z.za(k, j), b = z.zb(k, j), c = z.zc(k, j);
        const double d = (z.za(0, j) + z.zb(0, j)).real();
        const std::size_t base = per_node * f;
        x0[base] = a.real(), x0[base + 1] = a.imag(), x0[base + 2] = b.real(), x0[base + 3] = b.imag();
        const double input_norm = std::sqrt(std::norm(a) + std::norm(b) + d * d / 2);
        dc[f] = std::abs(d) > options.dc_share * input_norm;
        x0[base + 4] = dc[f] ? d : 0.0;
        x0[input_count(q) + 2 * f] = c.real(), x0[input_count(q) + 2 * f + 1] = c.imag();
        const double w = std::norm(a) + std::norm(b);
        bias += (w + (dc[f] ? d * d / 2 : 0.0)) * c;
        bias_abs += (w + (dc[f] ? d * d / 2 : 0.0)) * std::abs(c);
        out.has_dc = out.has_dc || dc[f];
    }
    out.bias_free = std::abs(bias) <= options.bias_free * bias_abs;
    std::vector<RealTerms> eqs;
    try {
        eqs = block_equations(symbolic_block(g, k, q, dc), k, out.bias_free);
    } catch (const Error& e) {
        out.failure = std::string("number field: ") + e.what();
        return out;
    }
    // the unknowns (input means only where carried)
    std::vector<std::size_t> inputs, outputs;
    for (std::size_t f = 0; f < q; ++f) {
        for (std::size_t i = 0; i < 4; ++i) inputs.push_back(per_node * f + i);
        if (dc[f]) inputs.push_back(per_node * f + 4);
        outputs.push_back(input_count(q) + 2 * f), outputs.push_back(input_count(q) + 2 * f + 1);
    }
    std::vector<std::size_t> all = outputs;
    all.insert(all.end(), inputs.begin(), inputs.end());
    // the per-node scale gauge (t a, t b, c / t^2) fixed by the node's squared input norm (a quadratic equation, so
    // that fixing the other coordinates to rationals leaves quadratic irrationalities, not a generic point)
    for (std::size_t f = 0; f < q && options.norm_gauge; ++f) {
        const std::size_t base = per_node * f;
        double norm = 0;
        RealTerms e;
        for (std::size_t i = 0; i < 4; ++i) {
            norm += x0[base + i] * x0[base + i];
            std::vector<unsigned> ex(base + i + 1, 0);
            ex[base + i] = 2;
            e.emplace(ex, flint::Fmpq(1));
        }
        double value = 0;
        flint::Fmpq target;
        fmpq_set_str(target.get(), rational_text(norm, 64, value).c_str(), 10);
        fmpq_neg(target.get(), target.get());
        e.emplace(std::vector<unsigned>{}, target);
        eqs.push_back(std::move(e));
    }
    // relations the trained inputs nearly satisfy (x_i = 0, x_i = +-x_j) are kept if the block's solution set has
    // points satisfying them near the trained one: a structured member of the family, whose coordinates have far
    // smaller degrees than a generic member's
    const double relation_tolerance = options.relation_tolerance;
    if (options.relations) {
        struct Relation {
            double gap;
            std::size_t i, j;
            int sign;  // 0: x_i = 0
        };
        std::vector<Relation> rel;
        for (std::size_t u = 0; u < inputs.size(); ++u) {
            const std::size_t i = inputs[u];
            if (std::abs(x0[i]) < relation_tolerance) rel.push_back({std::abs(x0[i]), i, i, 0});
            for (std::size_t w = u + 1; w < inputs.size(); ++w) {
                const std::size_t j = inputs[w];
                if (std::abs(x0[i]) < relation_tolerance) continue;
                for (int sg : {1, -1})
                    if (std::abs(x0[i] - sg * x0[j]) < relation_tolerance)
                        rel.push_back({std::abs(x0[i] - sg * x0[j]), i, j, sg});
            }
        }
        std::sort(rel.begin(), rel.end(), [](const Relation& a, const Relation& b) { return a.gap < b.gap; });
        if (rel.size() > options.max_relations) rel.resize(options.max_relations);
        for (const Relation& r : rel) {
            RealTerms e;
            std::vector<unsigned> ei(r.i + 1, 0);
            ei[r.i] = 1;
            e.emplace(ei, flint::Fmpq(1));
            if (r.sign != 0) {
                std::vector<unsigned> ej(r.j + 1, 0);
                ej[r.j] = 1;
                flint::Fmpq c(-r.sign);
                auto [it, inserted] = e.try_emplace(ej, c);
                if (!inserted) continue;
            }
            std::vector<RealTerms> trial = eqs;
            trial.push_back(e);
            std::vector<double> xt = x0;
            const double res = polish(trial, xt, all);
            double mv = 0;
            for (std::size_t v : all) mv = std::max(mv, std::abs(xt[v] - x0[v]));
            if (res <= options.polish_residual && mv <= options.max_displacement) eqs = std::move(trial), ++out.relations;
        }
    }
    std::vector<double> x = x0;
    const double residual = polish(eqs, x, all);
    double moved = 0;
    for (std::size_t v : all) moved = std::max(moved, std::abs(x[v] - x0[v]));
    if (!(residual <= options.polish_residual) || !(moved <= options.max_displacement)) {
        out.failure = "number field: float Gauss-Newton does not reach the block's solution set near the trained point "
                      "(residual " + number_text(residual) + ", moved " + number_text(moved) + ")";
        return out;
    }
    {  // how far the trained block is from its own solution set (with the relations): a floor of the final distance
        double in_num = 0, in_den = 0, out_num = 0, out_den = 0;
        for (std::size_t v = 0; v < n_vars; ++v) {
            const double w = (v < input_count(q) && v % per_node == 4) ? 1.0 : 2.0;  // +-k entries count twice
            (v < input_count(q) ? in_num : out_num) += w * (x[v] - x0[v]) * (x[v] - x0[v]);
            (v < input_count(q) ? in_den : out_den) += w * x0[v] * x0[v];
        }
        out.polish_distance = std::max(in_den > 0 ? std::sqrt(in_num / in_den) : 0.0, out_den > 0 ? std::sqrt(out_num / out_den) : 0.0);
    }
    std::vector<double> F;
    std::vector<std::vector<double>> J;
    std::vector<std::size_t> identity(n_vars);
    std::iota(identity.begin(), identity.end(), 0);
    evaluate_system(eqs, x, identity, F, J);
    const std::vector<std::size_t> chosen = pivot_columns(J, outputs, inputs, options.rank_tolerance);
    std::vector<bool> is_free(n_vars, false);
    for (std::size_t c : chosen) is_free[c] = true;
    std::vector<long> index(n_vars, -1);
    std::vector<std::size_t> free_vars;
    for (std::size_t v = 0; v < n_vars; ++v)
        if (is_free[v]) index[v] = static_cast<long>(free_vars.size()), free_vars.push_back(v);
    // the block's scale: its largest coordinate (canonical gauge); the slice tolerances are relative to it
    double scale = 0;
    for (double v : x0) scale = std::max(scale, std::abs(v));
    std::string last_failure = "number field: no slice tried";
    for (double relative : options.slice_tolerances) {
        const double tolerance = relative * scale;
        std::vector<std::string> fixed(n_vars);
        std::vector<double> start(free_vars.size());
        double displacement = 0;
        for (std::size_t v = 0; v < n_vars; ++v) {
            if (is_free[v]) continue;
            const bool is_input = v < input_count(q);
            if (is_input && v % per_node == 4 && !dc[v / per_node]) {
                fixed[v] = "0";
                continue;
            }
            double value = 0;
            fixed[v] = nearest_small_rational(x[v], tolerance, value);
            displacement = std::max(displacement, std::abs(value - x0[v]));
        }
        for (std::size_t i = 0; i < free_vars.size(); ++i) start[i] = x[free_vars[i]];
        if (displacement > options.max_displacement) {
            last_failure = "number field: fixing the free coordinates to rationals within " + number_text(tolerance) +
                           " moves them by " + number_text(displacement);
            continue;
        }
        std::vector<RealPolynomial> system;
        for (const RealTerms& e : eqs) {
            const RealTerms s = substitute(e, fixed, index);
            if (!s.empty()) system.push_back(to_real_polynomial(s));
        }
        RefineOptions ro;
        ro.target_bits = options.bits;
        ro.max_displacement = options.max_displacement;
        RefineResult refined;
        try {
            refined = refine_system(system, start, ro);
        } catch (const Error& e) {
            last_failure = std::string("number field: refinement: ") + e.what();
            continue;
        }
        if (!refined.converged) {
            last_failure = "number field: refinement on the slice (rationals within " + number_text(tolerance) + "): " + refined.reason;
            continue;
        }
        double d_all = displacement;
        for (std::size_t i = 0; i < free_vars.size(); ++i)
            d_all = std::max(d_all, std::abs(refined.point[i].approx().real() - x0[free_vars[i]]));
        if (d_all > options.max_displacement) {
            last_failure = "number field: the refined point is " + number_text(d_all) + " from the trained one";
            continue;
        }
        NumberFieldCandidate c = out;
        c.fixed = fixed;
        c.displacement = d_all;
        c.slice_tolerance = tolerance;
        bool recognised = true;
        for (std::size_t i = 0; i < free_vars.size() && recognised; ++i) {
            const std::size_t v = free_vars[i];
            if (v >= input_count(q)) continue;
            // rational first (large heights: the slice's rationals have large denominators), then quadratic, then
            // the general bound: the least degree that is found gives the smallest field
            RecognitionResult r;
            for (const RecognitionBounds& b : {RecognitionBounds{1, options.rational_height_bits},
                                               RecognitionBounds{2, options.quadratic_height_bits}, options.bounds}) {
                try {
                    r = recognise_algebraic(refined.point[i], b);
                } catch (const Error& e) {
                    r.reason = e.what();
                }
                if (r.number) break;
            }
            if (!r.number) {
                last_failure = "number field: coordinate " + std::to_string(v % per_node) + " of node " +
                               std::to_string(v / per_node) + " (" + number_text(refined.point[i].approx().real()) +
                               ") not recognised: " + r.reason;
                recognised = false;
                break;
            }
            c.free_inputs.push_back(v);
            c.numbers.push_back(*r.number);
        }
        if (!recognised) continue;
        c.target_c.assign(q, Complex{});
        for (std::size_t f = 0; f < q; ++f) {
            const std::size_t re = input_count(q) + 2 * f;
            const double cr = is_free[re] ? refined.point[static_cast<std::size_t>(index[re])].approx().real() : x[re];
            const double ci = is_free[re + 1] ? refined.point[static_cast<std::size_t>(index[re + 1])].approx().real() : x[re + 1];
            c.target_c[f] = {cr, ci};
        }
        return c;
    }
    out.failure = last_failure;
    return out;
}

std::optional<Element<NumberFieldScalar>> number_field_block(const AbelianGroup& g, const NumberFieldCandidate& cand,
                                                             const CommonField& field, std::size_t first_number,
                                                             std::string& why) {
    using S = NumberFieldScalar;
    const NumberFieldPtr& K = field.field;
    NumberField::Scope scope(K);
    const std::size_t q = cand.trained_node.size(), k = cand.k, mk = g.neg(k);
    if (cand.fixed.size() != input_count(q) + 2 * q || first_number + cand.numbers.size() > field.values.size()) {
        why = "number field: malformed candidate";
        return std::nullopt;
    }
    std::vector<S> coord(input_count(q));
    for (std::size_t v = 0; v < input_count(q); ++v)
        if (!cand.fixed[v].empty()) coord[v] = S::rational(cand.fixed[v]);
    for (std::size_t i = 0; i < cand.free_inputs.size(); ++i) coord[cand.free_inputs[i]] = field.values[first_number + i];
    const S i_unit = S::root_of_unity(K, 4, 1), half = S::rational(1, 2);
    std::vector<Node<S>> nodes(q);
    for (std::size_t f = 0; f < q; ++f) {
        const std::size_t base = per_node * f;
        const S a = coord[base] + i_unit * coord[base + 1], b = coord[base + 2] + i_unit * coord[base + 3];
        const S d = coord[base + 4] * half;
        if (!d.is_zero()) nodes[f].a.emplace_back(0, d), nodes[f].b.emplace_back(0, d);
        nodes[f].a.emplace_back(k, a), nodes[f].a.emplace_back(mk, a.conj());
        nodes[f].b.emplace_back(k, b), nodes[f].b.emplace_back(mk, b.conj());
    }
    // the output entries at k: linear over K once the inputs are exact (coefficients from unit probes)
    std::map<std::pair<std::size_t, std::size_t>, std::vector<S>> coef;
    for (std::size_t f = 0; f < q; ++f) {
        Node<S> probe{nodes[f].a, nodes[f].b, {{k, S(1)}}};
        for (const auto& c : enumerate_conditions(Element<S>(g, {probe}))) {
            if (c.k != k || c.value.is_zero()) continue;
            if (c.k1 == 0 && c.k2 == 0 && !cand.bias_free) continue;
            auto [it, inserted] = coef.try_emplace({c.k1, c.k2}, std::vector<S>(q));
            it->second[f] = c.value;
        }
    }
    Rows<S> M;
    std::vector<S> rhs;
    for (const auto& [key, row] : coef) {
        M.push_back(row);
        rhs.push_back(S((key.first == k && key.second == k) ? 1 : 0));
    }
    if (coef.count({k, k}) == 0) {
        why = "number field: the exact inputs cannot produce the 1-set";
        return std::nullopt;
    }
    const auto x0 = solve<S>(M, q, rhs);
    if (!x0) {
        why = "number field: no exact output row over K fits the recognised inputs";
        return std::nullopt;
    }
    const std::vector<S> x = nearest_in_affine_set(*x0, kernel<S>(M, q), cand.target_c, i_unit, 1L << 30);
    for (std::size_t f = 0; f < q; ++f)
        if (!x[f].is_zero()) nodes[f].c = {{k, x[f]}, {mk, x[f].conj()}};
    Element<S> block(g, std::move(nodes));
    // the block alone meets every condition at +-k exactly (the bias included when imposed)
    for (const auto& c : enumerate_conditions(block)) {
        if (c.k != k && c.k != mk) continue;
        if (c.k1 == 0 && c.k2 == 0 && !cand.bias_free) continue;
        if (!(c.value - S(c.target)).is_zero()) {
            why = "number field: condition T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) + ", " +
                  std::to_string(c.k2) + ") fails exactly over K";
            return std::nullopt;
        }
    }
    return block;
}

NumberFieldRounding round_in_number_field(const FourierWeights& z, const std::vector<NumberFieldRequest>& requests,
                                          unsigned long zeta_order, const NumberFieldBlockOptions& options) {
    NumberFieldRounding out;
    out.blocks.resize(requests.size());
    out.failure.resize(requests.size());
    out.structure.resize(requests.size());
    out.polish_distance.assign(requests.size(), -1.0);
    std::vector<NumberFieldCandidate> candidates;
    std::vector<AlgebraicNumber> numbers;
    std::vector<std::size_t> first(requests.size(), 0);
    for (std::size_t r = 0; r < requests.size(); ++r) {
        candidates.push_back(number_field_candidate(z, requests[r].k, requests[r].nodes, options));
        out.failure[r] = candidates.back().failure;
        out.polish_distance[r] = candidates.back().polish_distance;
        first[r] = numbers.size();
        if (out.failure[r].empty())
            numbers.insert(numbers.end(), candidates.back().numbers.begin(), candidates.back().numbers.end());
    }
    bool any = false;
    for (const std::string& f : out.failure) any = any || f.empty();
    if (!any) return out;
    CommonField field;
    try {
        field = common_field(numbers, std::lcm(number_field_zeta_order(z.group), std::max(zeta_order, 1UL)),
                             options.max_field_degree);
    } catch (const Error& e) {
        for (std::size_t r = 0; r < requests.size(); ++r)
            if (out.failure[r].empty()) out.failure[r] = std::string("number field: no common field: ") + e.what();
        return out;
    }
    for (std::size_t r = 0; r < requests.size(); ++r) {
        if (!out.failure[r].empty()) continue;
        std::string why;
        try {
            out.blocks[r] = number_field_block(z.group, candidates[r], field, first[r], why);
        } catch (const Error& e) {
            why = std::string("number field: ") + e.what();
        }
        if (!out.blocks[r]) {
            out.failure[r] = why;
            continue;
        }
        long max_degree = 1;
        for (const AlgebraicNumber& a : candidates[r].numbers) max_degree = std::max(max_degree, a.degree());
        std::ostringstream o;
        o << candidates[r].relations << " relations x_i = 0, +-x_j kept; " << candidates[r].free_inputs.size()
          << " input coordinates algebraic (degree <= " << max_degree
          << "), the others fixed to the rationals of least denominator within " << number_text(candidates[r].slice_tolerance)
          << "; K of degree "
          << field.field->degree() << " over Q, outputs solved over K";
        out.structure[r] = o.str();
        out.field = field.field;
    }
    return out;
}

bool solve_outputs_at(Element<NumberFieldScalar>& network, std::size_t k, const std::vector<std::size_t>& unknown,
                      const std::vector<Complex>& trained, double tolerance, std::string& why, double& distance) {
    using S = NumberFieldScalar;
    const AbelianGroup& g = network.group();
    const std::size_t mk = g.neg(k), q = unknown.size();
    if (mk == k || trained.size() != q) {
        why = "number field: output solve at a real frequency or with malformed targets";
        return false;
    }
    std::vector<Node<S>> nodes = network.nodes();
    for (std::size_t j : unknown)
        std::erase_if(nodes.at(j).c, [&](const auto& e) { return e.first == k || e.first == mk; });
    // the rest of the network at output k, and the coefficient of each unknown (a probe with c = 1 at k)
    std::map<std::pair<std::size_t, std::size_t>, S> rest;
    for (const auto& c : enumerate_conditions(Element<S>(g, nodes)))
        if (c.k == k && !c.value.is_zero()) rest.emplace(std::pair{c.k1, c.k2}, c.value);
    std::map<std::pair<std::size_t, std::size_t>, std::vector<S>> coef;
    for (std::size_t i = 0; i < q; ++i) {
        Node<S> probe{nodes[unknown[i]].a, nodes[unknown[i]].b, {{k, S(1)}}};
        for (const auto& c : enumerate_conditions(Element<S>(g, {probe}))) {
            if (c.k != k || c.value.is_zero()) continue;
            auto [it, inserted] = coef.try_emplace({c.k1, c.k2}, std::vector<S>(q));
            it->second[i] = c.value;
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> keys;
    for (const auto& [key, row] : coef) keys.push_back(key);
    for (const auto& [key, v] : rest)
        if (coef.count(key) == 0) keys.push_back(key);
    if (coef.count({k, k}) == 0 && rest.count({k, k}) == 0) keys.push_back({k, k});
    Rows<S> M;
    std::vector<S> rhs;
    for (const auto& key : keys) {
        auto it = coef.find(key);
        M.push_back(it == coef.end() ? std::vector<S>(q) : it->second);
        S target((key.first == k && key.second == k) ? 1 : 0);
        auto r = rest.find(key);
        if (r != rest.end()) target = target - r->second;
        rhs.push_back(target);
    }
    const auto x0 = solve<S>(M, q, rhs);
    if (!x0) {
        why = "number field: no exact outputs at " + std::to_string(k) + " over K cancel the bias there";
        return false;
    }
    const S i_unit = S::root_of_unity(NumberField::current(), 4, 1);  // the caller's Scope: K
    const std::vector<S> x = nearest_in_affine_set(*x0, kernel<S>(M, q), trained, i_unit, 1L << 30);
    double num = 0, den = 0;
    for (std::size_t i = 0; i < q; ++i) {
        num += std::norm(x[i].to_complex() - trained[i]);
        den += std::norm(trained[i]);
        if (x[i].is_zero()) continue;
        auto& row = nodes[unknown[i]].c;
        row.emplace_back(k, x[i]);
        row.emplace_back(mk, x[i].conj());
    }
    distance = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    if (distance > tolerance) {
        why = "number field: the exact outputs at " + std::to_string(k) + " that cancel the bias are " +
              number_text(distance) + " from the trained ones";
        return false;
    }
    network = Element<S>(g, std::move(nodes));
    return true;
}

NumberFieldDistance number_field_distance(const FourierWeights& z, std::size_t k, const std::vector<std::size_t>& trained_nodes,
                                          const Element<NumberFieldScalar>& network, const std::vector<std::size_t>& network_nodes,
                                          const std::vector<std::size_t>& helper_nodes, const std::vector<Complex>& helper_trained) {
    if (trained_nodes.size() != network_nodes.size() || helper_nodes.size() != helper_trained.size())
        throw InvalidInput("number field: distance of malformed node lists");
    double in_num = 0, in_den = 0, out_num = 0, out_den = 0;
    for (std::size_t f = 0; f < trained_nodes.size(); ++f) {
        const std::size_t j = trained_nodes[f], e = network_nodes[f];
        const Complex a = network.entry(Part::a, k, e).to_complex(), b = network.entry(Part::b, k, e).to_complex();
        const double d = (network.entry(Part::a, 0, e) + network.entry(Part::b, 0, e)).to_complex().real();
        const double d0 = (z.za(0, j) + z.zb(0, j)).real();
        // z_a, z_b at k and -k (conjugates: twice the squares), the input mean once
        in_num += 2 * (std::norm(a - z.za(k, j)) + std::norm(b - z.zb(k, j))) + (d - d0) * (d - d0);
        in_den += 2 * (std::norm(z.za(k, j)) + std::norm(z.zb(k, j))) + d0 * d0;
        const Complex c = network.entry(Part::c, k, e).to_complex();
        out_num += 2 * std::norm(c - z.zc(k, j));
        out_den += 2 * std::norm(z.zc(k, j));
    }
    for (std::size_t i = 0; i < helper_nodes.size(); ++i)
        out_num += 2 * std::norm(network.entry(Part::c, k, helper_nodes[i]).to_complex() - helper_trained[i]);
    NumberFieldDistance out;
    out.inputs = in_den > 0 ? std::sqrt(in_num / in_den) : std::sqrt(in_num);
    out.outputs = out_den > 0 ? std::sqrt(out_num / out_den) : std::sqrt(out_num);
    return out;
}

Element<NumberFieldScalar> embed(const NumberFieldPtr& field, const Element<Cyclotomic>& z) {
    return map_values<NumberFieldScalar>(z, [&](const Cyclotomic& v) { return NumberFieldScalar::from_cyclotomic(field, v); });
}

}  // namespace cogo::analyze
