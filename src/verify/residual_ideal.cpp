#include "verify/residual_ideal.hpp"

#include <flint/fmpq.h>
#include <flint/fmpq_mpoly.h>
#include <flint/fmpz_poly.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <sstream>
#include <utility>

#include "support/error.hpp"

namespace cogo {

namespace {

namespace gi = GiNaC;

/// An fmpq_mpoly over a context owned by the caller.
class MPoly {
public:
    explicit MPoly(const fmpq_mpoly_ctx_struct* ctx) : ctx_(ctx) { fmpq_mpoly_init(p_, ctx_); }
    MPoly(const MPoly& o) : ctx_(o.ctx_) {
        fmpq_mpoly_init(p_, ctx_);
        fmpq_mpoly_set(p_, o.p_, ctx_);
    }
    MPoly& operator=(const MPoly& o) {
        if (this != &o) fmpq_mpoly_set(p_, o.p_, ctx_);
        return *this;
    }
    ~MPoly() { fmpq_mpoly_clear(p_, ctx_); }
    fmpq_mpoly_struct* get() { return p_; }
    const fmpq_mpoly_struct* get() const { return p_; }
    [[nodiscard]] bool is_zero() const { return fmpq_mpoly_is_zero(p_, ctx_) != 0; }
    [[nodiscard]] bool is_constant() const { return fmpq_mpoly_is_fmpq(p_, ctx_) != 0; }
    [[nodiscard]] slong length() const { return fmpq_mpoly_length(p_, ctx_); }
    /// The bits of the largest coefficient: contentless part plus the content's numerator and denominator.
    [[nodiscard]] std::uint64_t coefficient_bits() const {
        const slong z = fmpz_mpoly_max_bits(p_->zpoly);
        return static_cast<std::uint64_t>(z < 0 ? -z : z) + fmpz_bits(fmpq_numref(p_->content)) +
               fmpz_bits(fmpq_denref(p_->content));
    }

private:
    const fmpq_mpoly_ctx_struct* ctx_;
    fmpq_mpoly_t p_;
};

/// The polynomial ring Q[x_1..x_m, w, zeta] in degree-reverse-lexicographic order.
struct Ring {
    explicit Ring(slong n) : nvars(n) { fmpq_mpoly_ctx_init(ctx, n, ORD_DEGREVLEX); }
    ~Ring() { fmpq_mpoly_ctx_clear(ctx); }
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;
    slong nvars;
    fmpq_mpoly_ctx_t ctx;
};

/// Thrown (inside this file only) when a residual is outside the class or a limit is reached.
struct Undecided {
    std::string reason;
};

/// Reads an expanded GiNaC polynomial in `vars` and zeta (exponents of zeta multiplied by `lift`) into out.
void read_polynomial(const gi::ex& e, const std::vector<gi::ex>& vars, slong zeta_index, unsigned long lift,
                     const Ring& ring, MPoly& out) {
    const gi::ex x = e.expand();
    std::vector<gi::ex> terms;
    if (gi::is_a<gi::add>(x))
        for (std::size_t i = 0; i < x.nops(); ++i) terms.push_back(x.op(i));
    else
        terms.push_back(x);
    fmpq_t c, f;
    fmpq_init(c);
    fmpq_init(f);
    std::vector<ulong> exps(static_cast<std::size_t>(ring.nvars));
    try {
        for (const gi::ex& t : terms) {
            fmpq_one(c);
            std::fill(exps.begin(), exps.end(), 0);
            std::vector<gi::ex> factors;
            if (gi::is_a<gi::mul>(t))
                for (std::size_t i = 0; i < t.nops(); ++i) factors.push_back(t.op(i));
            else
                factors.push_back(t);
            for (const gi::ex& factor : factors) {
                if (gi::is_a<gi::numeric>(factor)) {
                    const gi::numeric& n = gi::ex_to<gi::numeric>(factor);
                    if (!n.is_rational()) throw Undecided{"a residual has a non-rational coefficient"};
                    std::ostringstream os;
                    os << n;
                    if (fmpq_set_str(f, os.str().c_str(), 10) != 0) throw Undecided{"unreadable coefficient " + os.str()};
                    fmpq_mul(c, c, f);
                    continue;
                }
                gi::ex base = factor;
                long power = 1;
                if (gi::is_a<gi::power>(factor)) {
                    base = factor.op(0);
                    const gi::ex& p = factor.op(1);
                    if (!gi::is_a<gi::numeric>(p) || !gi::ex_to<gi::numeric>(p).is_integer() ||
                        gi::ex_to<gi::numeric>(p).is_negative() || !gi::ex_to<gi::numeric>(p).is_pos_integer() ||
                        gi::ex_to<gi::numeric>(p) > 100000)
                        throw Undecided{"a residual is not a polynomial after clearing denominators"};
                    power = gi::ex_to<gi::numeric>(p).to_long();
                }
                if (base.is_equal(Symbolic::zeta_symbol())) {
                    exps[static_cast<std::size_t>(zeta_index)] += static_cast<ulong>(power) * lift;
                    continue;
                }
                const auto it = std::find_if(vars.begin(), vars.end(), [&](const gi::ex& v) { return v.is_equal(base); });
                if (it == vars.end()) throw Undecided{"a residual has a symbol that is not a declared parameter"};
                exps[static_cast<std::size_t>(it - vars.begin())] += static_cast<ulong>(power);
            }
            fmpq_mpoly_push_term_fmpq_ui(out.get(), c, exps.data(), ring.ctx);
        }
    } catch (...) {
        fmpq_clear(c);
        fmpq_clear(f);
        throw;
    }
    fmpq_clear(c);
    fmpq_clear(f);
    fmpq_mpoly_sort_terms(out.get(), ring.ctx);
    fmpq_mpoly_combine_like_terms(out.get(), ring.ctx);
}

std::vector<ulong> leading_exponent(const MPoly& p, const Ring& ring) {
    std::vector<ulong> e(static_cast<std::size_t>(ring.nvars));
    fmpq_mpoly_get_term_exp_ui(e.data(), p.get(), 0, ring.ctx);
    return e;
}

MPoly monomial(const std::vector<ulong>& e, const Ring& ring) {
    MPoly m(ring.ctx);
    fmpq_t one;
    fmpq_init(one);
    fmpq_one(one);
    fmpq_mpoly_push_term_fmpq_ui(m.get(), one, e.data(), ring.ctx);
    fmpq_clear(one);
    return m;
}

/// The remainder of f on division by the basis G.
MPoly reduce(const MPoly& f, std::vector<MPoly>& basis, const Ring& ring) {
    MPoly r(ring.ctx);
    std::vector<MPoly> quotients(basis.size(), MPoly(ring.ctx));
    std::vector<fmpq_mpoly_struct*> q, b;
    for (auto& p : quotients) q.push_back(p.get());
    for (auto& p : basis) b.push_back(p.get());
    fmpq_mpoly_divrem_ideal(q.data(), r.get(), f.get(), b.data(), static_cast<slong>(b.size()), ring.ctx);
    return r;
}

/// True iff the ideal generated by `gens` (non-zero) is the whole ring, by Buchberger's algorithm with the
/// coprime-leading-monomials criterion. `basis_size` receives the size of the basis. Throws Undecided
/// beyond the limits.
bool is_unit_ideal(std::vector<MPoly> gens, const Ring& ring, const GroebnerLimits& limits, std::size_t& basis_size) {
    std::vector<MPoly> basis;
    std::vector<std::vector<ulong>> leads;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    auto add = [&](MPoly p) {
        fmpq_mpoly_make_monic(p.get(), p.get(), ring.ctx);
        for (std::size_t i = 0; i < basis.size(); ++i) pairs.emplace_back(i, basis.size());
        leads.push_back(leading_exponent(p, ring));
        basis.push_back(std::move(p));
        if (basis.size() > limits.max_basis)
            throw Undecided{"the Groebner basis exceeds " + std::to_string(limits.max_basis) + " polynomials"};
    };
    for (MPoly& g : gens) {
        if (g.is_zero()) continue;
        MPoly r = basis.empty() ? g : reduce(g, basis, ring);
        if (r.is_zero()) continue;
        if (r.is_constant()) {
            basis_size = 1;  // {1}
            return true;
        }
        add(std::move(r));
    }
    std::size_t processed = 0;
    auto lcm_degree = [&](const std::pair<std::size_t, std::size_t>& p) {
        ulong d = 0;
        for (std::size_t v = 0; v < leads[p.first].size(); ++v) d += std::max(leads[p.first][v], leads[p.second][v]);
        return d;
    };
    while (!pairs.empty()) {
        // the normal strategy: the pair whose leading monomials have the lcm of least degree first
        std::size_t best = 0;
        ulong best_degree = lcm_degree(pairs[0]);
        for (std::size_t p = 1; p < pairs.size(); ++p) {
            const ulong d = lcm_degree(pairs[p]);
            if (d < best_degree) best = p, best_degree = d;
        }
        const auto [i, j] = pairs[best];
        pairs.erase(pairs.begin() + static_cast<std::ptrdiff_t>(best));
        const std::vector<ulong>& a = leads[i];
        const std::vector<ulong>& b = leads[j];
        bool coprime = true;
        std::vector<ulong> l(a.size());
        for (std::size_t v = 0; v < a.size(); ++v) {
            coprime = coprime && (a[v] == 0 || b[v] == 0);
            l[v] = std::max(a[v], b[v]);
        }
        if (coprime) continue;  // Buchberger's first criterion: the S-polynomial reduces to 0
        if (++processed > limits.max_pairs)
            throw Undecided{"more than " + std::to_string(limits.max_pairs) + " S-polynomials"};
        std::vector<ulong> la(a.size()), lb(a.size());
        for (std::size_t v = 0; v < a.size(); ++v) {
            la[v] = l[v] - a[v];
            lb[v] = l[v] - b[v];
        }
        MPoly s(ring.ctx), t(ring.ctx);
        fmpq_mpoly_mul(s.get(), monomial(la, ring).get(), basis[i].get(), ring.ctx);
        fmpq_mpoly_mul(t.get(), monomial(lb, ring).get(), basis[j].get(), ring.ctx);
        fmpq_mpoly_sub(s.get(), s.get(), t.get(), ring.ctx);
        MPoly r = reduce(s, basis, ring);
        if (r.is_zero()) continue;
        if (r.is_constant()) {
            basis_size = 1;  // {1}
            return true;
        }
        if (static_cast<std::size_t>(r.length()) > limits.max_terms)
            throw Undecided{"a basis polynomial exceeds " + std::to_string(limits.max_terms) + " terms"};
        if (r.coefficient_bits() > limits.max_coefficient_bits)
            throw Undecided{"a basis coefficient exceeds " + std::to_string(limits.max_coefficient_bits) + " bits"};
        add(std::move(r));
    }
    basis_size = basis.size();
    return false;
}

bool has_parameter(const gi::ex& e, const std::vector<gi::ex>& vars) {
    return std::any_of(vars.begin(), vars.end(), [&](const gi::ex& v) { return e.has(v); });
}

}  // namespace

CommonZeros decide_common_zeros(const std::vector<Symbolic>& values, const ExpressionSymbols& symbols,
                                const GroebnerLimits& limits) {
    CommonZeros out;
    std::vector<gi::ex> vars;
    for (const std::string& name : symbols.unit_modulus) vars.push_back(Symbolic::unit_modulus(name).expr());
    for (const std::string& name : symbols.real) vars.push_back(Symbolic::real_variable(name).expr());
    std::vector<Symbolic> canonical;
    for (std::size_t i = 0; i < values.size(); ++i) {
        canonical.push_back(values[i].canonical());
        if (canonical.back().is_zero()) continue;
        if (!has_parameter(canonical.back().expr(), vars)) {
            out.status = CommonZeros::Status::none;
            out.constant = i;
            out.reason = "the residual " + canonical.back().to_string() +
                         " is a non-zero constant, so it fails for every value of the parameters";
            return out;
        }
    }
    if (values.empty()) {
        out.reason = "no residual";
        return out;
    }
    unsigned long field = 1;
    for (const Symbolic& v : canonical) field = std::lcm(field, v.field_order());
    const slong m = static_cast<slong>(vars.size());
    const Ring ring(m + 2);  // x_1..x_m, w, zeta
    const slong w_index = m, zeta_index = m + 1;
    try {
        std::vector<MPoly> gens;
        for (const Symbolic& v : canonical) {
            if (v.is_zero()) continue;
            const gi::ex nd = v.expr().numer_denom();
            MPoly p(ring.ctx);
            read_polynomial(nd.op(0), vars, zeta_index, field / v.field_order(), ring, p);
            gens.push_back(std::move(p));
        }
        // w * (product of the unit parameters and of the denominators) - 1: every such factor is non-zero
        MPoly d(ring.ctx);
        fmpq_mpoly_one(d.get(), ring.ctx);
        for (std::size_t i = 0; i < symbols.unit_modulus.size(); ++i) {
            std::vector<ulong> e(static_cast<std::size_t>(ring.nvars), 0);
            e[i] = 1;
            fmpq_mpoly_mul(d.get(), d.get(), monomial(e, ring).get(), ring.ctx);
        }
        std::vector<gi::ex> seen;  // each distinct denominator once
        for (const Symbolic& v : canonical) {
            if (v.is_zero()) continue;
            const gi::ex den = v.expr().numer_denom().op(1).expand();
            if (gi::is_a<gi::numeric>(den)) continue;
            if (std::any_of(seen.begin(), seen.end(), [&](const gi::ex& x) { return x.is_equal(den); })) continue;
            seen.push_back(den);
            MPoly q(ring.ctx);
            read_polynomial(den, vars, zeta_index, field / v.field_order(), ring, q);
            fmpq_mpoly_mul(d.get(), d.get(), q.get(), ring.ctx);
            if (static_cast<std::size_t>(d.length()) > limits.max_terms)
                throw Undecided{"the product of the denominators exceeds " + std::to_string(limits.max_terms) + " terms"};
        }
        {
            std::vector<ulong> e(static_cast<std::size_t>(ring.nvars), 0);
            e[static_cast<std::size_t>(w_index)] = 1;
            MPoly wd(ring.ctx);
            fmpq_mpoly_mul(wd.get(), d.get(), monomial(e, ring).get(), ring.ctx);
            fmpq_mpoly_sub_ui(wd.get(), wd.get(), 1, ring.ctx);
            gens.push_back(std::move(wd));
        }
        if (field > 1) {
            fmpz_poly_t phi;
            fmpz_poly_init(phi);
            fmpz_poly_cyclotomic(phi, field);
            MPoly p(ring.ctx);
            std::vector<ulong> e(static_cast<std::size_t>(ring.nvars), 0);
            fmpq_t c;
            fmpq_init(c);
            for (slong i = 0; i <= fmpz_poly_degree(phi); ++i) {
                if (fmpz_is_zero(fmpz_poly_get_coeff_ptr(phi, i))) continue;
                fmpq_set_fmpz(c, fmpz_poly_get_coeff_ptr(phi, i));
                e[static_cast<std::size_t>(zeta_index)] = static_cast<ulong>(i);
                fmpq_mpoly_push_term_fmpq_ui(p.get(), c, e.data(), ring.ctx);
            }
            fmpq_clear(c);
            fmpz_poly_clear(phi);
            fmpq_mpoly_sort_terms(p.get(), ring.ctx);
            fmpq_mpoly_combine_like_terms(p.get(), ring.ctx);
            gens.push_back(std::move(p));
        }
        std::size_t basis_size = 0;
        const bool unit = is_unit_ideal(std::move(gens), ring, limits, basis_size);
        out.basis_size = basis_size;
        const std::string field_text = field > 1 ? "Q(zeta_" + std::to_string(field) + ")" : "Q";
        if (unit) {
            out.status = CommonZeros::Status::none;
            out.reason = "the residuals have no common zero for any complex values of the parameters (their ideal over " +
                         field_text + ", with every unit parameter and denominator non-zero, has the Groebner basis {1})";
        } else {
            out.status = CommonZeros::Status::complex_zeros;
            out.reason = "the residuals have common complex zeros (Groebner basis of " + std::to_string(basis_size) +
                         " polynomials over " + field_text +
                         ", not {1}); whether one has unit-modulus / real parameter values is not decided";
        }
    } catch (const Undecided& u) {
        out.status = CommonZeros::Status::undecided;
        out.reason = "common zeros not decided: " + u.reason;
    }
    return out;
}

}  // namespace cogo
