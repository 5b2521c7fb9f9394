// Refinement, recognition and common fields of algebraic numbers (algebraic_recognition.hpp).
#include "analyze/algebraic_recognition.hpp"

#include <acb.h>
#include <acb_poly.h>
#include <arb_fmpz_poly.h>
#include <arb_mat.h>
#include <flint/fmpz_lll.h>
#include <flint/fmpz_mat.h>
#include <flint/fmpz_poly_factor.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "scalar/number_field_flint.hpp"
#include "support/error.hpp"
#include "scalar/arb_raii.hpp"
#include "support/flint_raii.hpp"

namespace cogo {

struct ComplexBall::Impl {
    Impl() { acb_init(v); }
    ~Impl() { acb_clear(v); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    acb_t v;
};

ComplexBall::ComplexBall() : impl_(std::make_unique<Impl>()) {}
ComplexBall::ComplexBall(std::complex<double> z) : ComplexBall() {
    acb_set_d_d(impl_->v, z.real(), z.imag());
}
ComplexBall ComplexBall::from_parts(const ComplexBall& re, const ComplexBall& im) {
    ComplexBall out;
    arb_set(acb_realref(out.impl_->v), acb_realref(re.impl_->v));
    arb_set(acb_imagref(out.impl_->v), acb_realref(im.impl_->v));
    return out;
}

ComplexBall ComplexBall::parse(const std::string& re, const std::string& im, long bits) {
    if (bits < 16 || bits > 65536) throw InvalidInput("ComplexBall::parse: precision " + std::to_string(bits) + " out of range");
    if (re.size() > 100000 || im.size() > 100000) throw InvalidInput("ComplexBall::parse: number too long");
    ComplexBall out;
    if (arb_set_str(acb_realref(out.impl_->v), re.c_str(), bits) != 0)
        throw InvalidInput("ComplexBall::parse: malformed real part \"" + re + "\"");
    if (arb_set_str(acb_imagref(out.impl_->v), im.c_str(), bits) != 0)
        throw InvalidInput("ComplexBall::parse: malformed imaginary part \"" + im + "\"");
    return out;
}

ComplexBall::ComplexBall(const ComplexBall& o) : ComplexBall() { acb_set(impl_->v, o.impl_->v); }
ComplexBall& ComplexBall::operator=(const ComplexBall& o) {
    if (this != &o) acb_set(impl_->v, o.impl_->v);
    return *this;
}
ComplexBall::ComplexBall(ComplexBall&& o) noexcept : impl_(std::move(o.impl_)) {}
ComplexBall& ComplexBall::operator=(ComplexBall&& o) noexcept {
    impl_.swap(o.impl_);
    return *this;
}
ComplexBall::~ComplexBall() = default;

std::complex<double> ComplexBall::approx() const {
    return {arf_get_d(arb_midref(acb_realref(impl_->v)), ARF_RND_NEAR),
            arf_get_d(arb_midref(acb_imagref(impl_->v)), ARF_RND_NEAR)};
}

long ComplexBall::accuracy_bits() const {
    // absolute accuracy: -log2 of the larger radius
    const mag_struct* re = arb_radref(acb_realref(impl_->v));
    const mag_struct* im = arb_radref(acb_imagref(impl_->v));
    if (mag_is_zero(re) && mag_is_zero(im)) return std::numeric_limits<long>::max() / 4;
    mag_t m;
    mag_init(m);
    mag_max(m, re, im);
    const double l = mag_get_d_log2_approx(m);
    mag_clear(m);
    return static_cast<long>(std::floor(-l));
}

std::string ComplexBall::to_string(long digits) const {
    return flint::take_string(arb_get_str(acb_realref(impl_->v), digits, 0)) + " + " +
           flint::take_string(arb_get_str(acb_imagref(impl_->v), digits, 0)) + "*I";
}

namespace {

using arb::Acb;
using arb::AcbVec;

struct ArbMat {
    ArbMat(long r, long c) { arb_mat_init(m, r, c); }
    ~ArbMat() { arb_mat_clear(m); }
    ArbMat(const ArbMat&) = delete;
    ArbMat& operator=(const ArbMat&) = delete;
    arb_mat_t m;
};

struct FmpzMat {
    FmpzMat(long r, long c) { fmpz_mat_init(m, r, c); }
    ~FmpzMat() { fmpz_mat_clear(m); }
    FmpzMat(const FmpzMat&) = delete;
    FmpzMat& operator=(const FmpzMat&) = delete;
    fmpz_mat_t m;
};

bool radius_below(const acb_t x, long bits) {
    return mag_cmp_2exp_si(arb_radref(acb_realref(x)), -bits) < 0 &&
           mag_cmp_2exp_si(arb_radref(acb_imagref(x)), -bits) < 0;
}

/// True iff f (squarefree) is irreducible over Q.
bool irreducible(const fmpz_poly_t f) {
    if (fmpz_poly_degree(f) < 1) return false;
    fmpz_poly_factor_t fac;
    fmpz_poly_factor_init(fac);
    fmpz_poly_factor(fac, f);
    const bool ok = fac->num == 1 && fac->exp[0] == 1;
    fmpz_poly_factor_clear(fac);
    return ok;
}

/// The root of the squarefree f that `ball` isolates, refined to radius < 2^-bits; false if `ball` does
/// not meet exactly one root at some precision up to the limit.
bool refine_root(acb_t out, const fmpz_poly_t f, const acb_t ball, long bits) {
    const long n = fmpz_poly_degree(f);
    for (long prec = std::max<long>(64, bits + 16); prec <= 64 * (bits + 64); prec *= 2) {
        AcbVec roots(n);
        arb_fmpz_poly_complex_roots(roots.v, f, 0, prec);
        long hit = -1, hits = 0;
        for (long j = 0; j < n; ++j)
            if (acb_overlaps(roots.v + j, ball)) hit = j, ++hits;
        if (hits == 0) return false;
        if (hits == 1 && radius_below(roots.v + hit, bits)) {
            acb_set(out, roots.v + hit);
            return true;
        }
    }
    return false;
}

std::vector<std::string> poly_strings(const fmpz_poly_t f) {
    std::vector<std::string> out;
    flint::Fmpz c;
    for (long i = 0; i <= fmpz_poly_degree(f); ++i) {
        fmpz_poly_get_coeff_fmpz(c.get(), f, i);
        out.push_back(c.str());
    }
    return out;
}

void parse_integer_poly(fmpz_poly_t out, const std::vector<std::string>& coeffs, const char* where) {
    flint::FmpqPoly q;
    flint::Fmpq c;
    for (std::size_t i = 0; i < coeffs.size(); ++i) {
        nfdetail::parse_rational(c.get(), coeffs[i], where);
        fmpq_poly_set_coeff_fmpq(q.get(), static_cast<long>(i), c.get());
    }
    fmpq_poly_get_numerator(out, q.get());
    fmpz_poly_primitive_part(out, out);
    if (fmpz_poly_degree(out) >= 0 && fmpz_sgn(fmpz_poly_lead(out)) < 0) fmpz_poly_neg(out, out);
}

// ------------------------------------------------------------------------------------- polynomials

struct Term {
    flint::Fmpq c;
    std::vector<unsigned> e;
};

std::vector<std::vector<Term>> parse_system(const std::vector<RealPolynomial>& system, std::size_t n) {
    std::vector<std::vector<Term>> out;
    for (std::size_t i = 0; i < system.size(); ++i) {
        std::vector<Term> terms;
        for (const PolynomialTerm& t : system[i]) {
            if (t.exponents.size() > n)
                throw InvalidInput("refine_system: equation " + std::to_string(i) + " uses variable " +
                                   std::to_string(t.exponents.size() - 1) + " of " + std::to_string(n));
            Term term;
            nfdetail::parse_rational(term.c.get(), t.coefficient, "refine_system");
            term.e = t.exponents;
            term.e.resize(n, 0);
            terms.push_back(std::move(term));
        }
        out.push_back(std::move(terms));
    }
    return out;
}

/// F and its Jacobian at x (arb vector of length n) at prec.
void evaluate_system(const std::vector<std::vector<Term>>& sys, arb_srcptr x, long n, arb_ptr F, arb_mat_t J,
                     long prec) {
    arb_t v, p, q;
    arb_init(v);
    arb_init(p);
    arb_init(q);
    for (std::size_t i = 0; i < sys.size(); ++i) {
        arb_zero(F + i);
        for (long j = 0; j < n; ++j) arb_zero(arb_mat_entry(J, static_cast<long>(i), j));
        for (const Term& t : sys[i]) {
            arb_set_fmpq(v, t.c.get(), prec);
            for (long j = 0; j < n; ++j)
                if (t.e[j]) {
                    arb_pow_ui(p, x + j, t.e[j], prec);
                    arb_mul(v, v, p, prec);
                }
            arb_add(F + i, F + i, v, prec);
            for (long j = 0; j < n; ++j) {
                if (!t.e[j]) continue;
                arb_set_fmpq(q, t.c.get(), prec);
                arb_mul_ui(q, q, t.e[j], prec);
                for (long k = 0; k < n; ++k) {
                    const unsigned e = k == j ? t.e[k] - 1 : t.e[k];
                    if (!e) continue;
                    arb_pow_ui(p, x + k, e, prec);
                    arb_mul(q, q, p, prec);
                }
                arb_add(arb_mat_entry(J, static_cast<long>(i), j), arb_mat_entry(J, static_cast<long>(i), j), q, prec);
            }
        }
    }
    arb_clear(v);
    arb_clear(p);
    arb_clear(q);
}

/// Numerical rank of a double matrix (Gaussian elimination, full pivoting, relative tolerance).
long numerical_rank(std::vector<std::vector<double>> a, double tol) {
    const std::size_t m = a.size(), n = m ? a[0].size() : 0;
    double scale = 0;
    for (const auto& r : a)
        for (double x : r) scale = std::max(scale, std::abs(x));
    long rank = 0;
    std::vector<bool> used_row(m, false), used_col(n, false);
    for (std::size_t step = 0; step < std::min(m, n); ++step) {
        double best = 0;
        std::size_t bi = 0, bj = 0;
        for (std::size_t i = 0; i < m; ++i)
            if (!used_row[i])
                for (std::size_t j = 0; j < n; ++j)
                    if (!used_col[j] && std::abs(a[i][j]) > best) best = std::abs(a[i][j]), bi = i, bj = j;
        if (best <= tol * scale || best == 0) break;
        used_row[bi] = used_col[bj] = true;
        ++rank;
        for (std::size_t i = 0; i < m; ++i)
            if (!used_row[i]) {
                const double f = a[i][bj] / a[bi][bj];
                for (std::size_t j = 0; j < n; ++j) a[i][j] -= f * a[bi][j];
            }
    }
    return rank;
}

}  // namespace

RefineResult refine_system(const std::vector<RealPolynomial>& system, const std::vector<double>& start,
                           const RefineOptions& options) {
    const long n = static_cast<long>(start.size()), m = static_cast<long>(system.size());
    const auto sys = parse_system(system, start.size());
    RefineResult res;
    if (n == 0 || m < n) {
        res.reason = "the system has " + std::to_string(m) + " equations for " + std::to_string(n) +
                     " unknowns (need m >= n >= 1; slice the solution set first)";
        return res;
    }
    arb_ptr x = _arb_vec_init(n), F = _arb_vec_init(m);
    ArbMat J(m, n), JT(n, m), A(n, n), b(n, 1), dx(n, 1), Fm(m, 1);
    for (long j = 0; j < n; ++j) arb_set_d(x + j, start[static_cast<std::size_t>(j)]);
    auto finish = [&](RefineResult r) {
        for (long j = 0; j < n; ++j) {
            ComplexBall c;
            arb_set(acb_realref(c.impl().v), x + j);
            r.point.push_back(std::move(c));
        }
        _arb_vec_clear(x, n);
        _arb_vec_clear(F, m);
        return r;
    };
    {  // rank at the start (float64)
        evaluate_system(sys, x, n, F, J.m, 64);
        std::vector<std::vector<double>> jd(static_cast<std::size_t>(m), std::vector<double>(static_cast<std::size_t>(n)));
        for (long i = 0; i < m; ++i)
            for (long j = 0; j < n; ++j) jd[i][j] = arf_get_d(arb_midref(arb_mat_entry(J.m, i, j)), ARF_RND_NEAR);
        const long rank = numerical_rank(jd, 1e-9);
        if (rank < n) {
            res.reason = "rank-deficient Jacobian at the start (numerical rank " + std::to_string(rank) + " < " +
                         std::to_string(n) + " unknowns): the solution set is not isolated; fix free coordinates";
            return finish(res);
        }
    }
    long bits = 0, prec = 96;
    int growing = 0;
    double last_step = std::numeric_limits<double>::infinity();
    for (res.iterations = 1; res.iterations <= options.max_iterations; ++res.iterations) {
        prec = std::min(options.target_bits + 96, std::max<long>(96, 2 * bits + 64));
        evaluate_system(sys, x, n, F, J.m, prec);
        arb_mat_transpose(JT.m, J.m);
        arb_mat_mul(A.m, JT.m, J.m, prec);
        for (long i = 0; i < m; ++i) arb_set(arb_mat_entry(Fm.m, i, 0), F + i);
        arb_mat_mul(b.m, JT.m, Fm.m, prec);
        if (!arb_mat_approx_solve(dx.m, A.m, b.m, prec)) {
            res.reason = "rank-deficient Jacobian at iteration " + std::to_string(res.iterations) +
                         " (J^T J singular at " + std::to_string(prec) + " bits)";
            return finish(res);
        }
        double step = 0;
        for (long j = 0; j < n; ++j) {
            arb_sub(x + j, x + j, arb_mat_entry(dx.m, j, 0), prec);
            arb_get_mid_arb(x + j, x + j);
            step = std::max(step, std::abs(arf_get_d(arb_midref(arb_mat_entry(dx.m, j, 0)), ARF_RND_NEAR)));
        }
        double moved = 0;
        for (long j = 0; j < n; ++j)
            moved = std::max(moved, std::abs(arf_get_d(arb_midref(x + j), ARF_RND_NEAR) - start[static_cast<std::size_t>(j)]));
        if (moved > options.max_displacement) {
            res.reason = "the start is not near a solution: the refinement moved " + std::to_string(moved) +
                         " > " + std::to_string(options.max_displacement) + " from it";
            return finish(res);
        }
        if (!std::isfinite(step) || step > 1e6) {
            res.reason = "no convergence: the Newton step diverged at iteration " + std::to_string(res.iterations);
            return finish(res);
        }
        growing = step > last_step * 0.9 && step > 1e-300 ? growing + 1 : 0;
        if (growing >= 4) {
            res.reason = "no convergence: the step stopped shrinking (" + std::to_string(step) + ") after " +
                         std::to_string(res.iterations) + " iterations";
            return finish(res);
        }
        last_step = step;
        bits = step == 0 ? options.target_bits : std::min<long>(options.target_bits, static_cast<long>(-std::log2(step)));
        res.bits = bits;
        if (bits >= options.target_bits && prec >= options.target_bits + 64) {
            // residual check at the final point
            evaluate_system(sys, x, n, F, J.m, prec);
            bool small = true;
            for (long i = 0; i < m; ++i) {
                arb_t a;
                arb_init(a);
                arb_abs(a, F + i);
                arf_t u;
                arf_init(u);
                arb_get_ubound_arf(u, a, prec);
                if (arf_cmp_2exp_si(u, -(options.target_bits - 16)) > 0) small = false;
                arf_clear(u);
                arb_clear(a);
            }
            if (!small) {
                res.reason = "no convergence: the step is below 2^-" + std::to_string(options.target_bits) +
                             " but a residual is not (inconsistent least-squares system)";
                return finish(res);
            }
            res.converged = true;
            // radius: 4 times the last step (beyond the quadratic-convergence error; a heuristic bound)
            for (long j = 0; j < n; ++j) arb_add_error_2exp_si(x + j, -(bits - 2));
            return finish(res);
        }
    }
    res.reason = "no convergence within " + std::to_string(options.max_iterations) + " iterations (last step 2^-" +
                 std::to_string(bits) + ")";
    return finish(res);
}

// -------------------------------------------------------------------------------------- recognition

namespace {

/// LLL on rows [e_i | round(2^s Re v_i), round(2^s Im v_i)] for the balls v_0..v_{k-1}; the first reduced
/// row's first k entries (an integer relation candidate).
std::vector<flint::Fmpz> lll_relation(acb_srcptr v, long k, long s, bool real) {
    const long cols = k + (real ? 1 : 2);
    FmpzMat B(k, cols);
    arb_t t;
    arb_init(t);
    for (long i = 0; i < k; ++i) {
        fmpz_one(fmpz_mat_entry(B.m, i, i));
        arb_mul_2exp_si(t, acb_realref(v + i), s);
        arf_get_fmpz(fmpz_mat_entry(B.m, i, k), arb_midref(t), ARF_RND_NEAR);
        if (!real) {
            arb_mul_2exp_si(t, acb_imagref(v + i), s);
            arf_get_fmpz(fmpz_mat_entry(B.m, i, k + 1), arb_midref(t), ARF_RND_NEAR);
        }
    }
    arb_clear(t);
    fmpz_lll_t fl;
    fmpz_lll_context_init_default(fl);
    fmpz_lll(B.m, nullptr, fl);
    std::vector<flint::Fmpz> out(static_cast<std::size_t>(k));
    for (long i = 0; i < k; ++i) fmpz_set(out[static_cast<std::size_t>(i)].get(), fmpz_mat_entry(B.m, 0, i));
    return out;
}

/// The ball is certified real (imaginary part exactly 0).
bool exactly_real(const acb_t x) { return arb_is_zero(acb_imagref(x)); }

}  // namespace

RecognitionResult recognise_algebraic(const ComplexBall& x, const RecognitionBounds& bounds) {
    RecognitionResult res;
    const long B = std::min<long>(x.accuracy_bits(), 8192);  // an exact input is read to 8192 bits
    if (bounds.max_degree < 1 || bounds.max_height_bits < 1) {
        res.reason = "bounds must be positive";
        return res;
    }
    const long need = (bounds.max_degree + 1) * (bounds.max_height_bits + 2) + 32;
    if (B < need) {
        res.reason = "precision " + std::to_string(B) + " bits too low for degree " + std::to_string(bounds.max_degree) +
                     " and height 2^" + std::to_string(bounds.max_height_bits) + " (need " + std::to_string(need) + ")";
        return res;
    }
    const acb_struct* xv = x.impl().v;
    const bool real = exactly_real(xv);
    const long prec = B + 64;
    for (long D = 1; D <= bounds.max_degree; ++D) {
        AcbVec pw(D + 1);
        acb_one(pw.v);
        for (long i = 1; i <= D; ++i) acb_mul(pw.v + i, pw.v + i - 1, xv, prec);
        const std::vector<flint::Fmpz> rel = lll_relation(pw.v, D + 1, B - 8, real);
        if (fmpz_is_zero(rel[static_cast<std::size_t>(D)].get())) continue;
        flint::FmpzPoly f;
        bool small = true;
        for (long i = 0; i <= D; ++i) {
            fmpz_poly_set_coeff_fmpz(f.get(), i, rel[static_cast<std::size_t>(i)].get());
            if (fmpz_bits(rel[static_cast<std::size_t>(i)].get()) > static_cast<ulong>(bounds.max_height_bits)) small = false;
        }
        if (!small) continue;
        fmpz_poly_primitive_part(f.get(), f.get());
        if (fmpz_sgn(fmpz_poly_lead(f.get())) < 0) fmpz_poly_neg(f.get(), f.get());
        if (!irreducible(f.get())) continue;
        Acb root;
        if (!refine_root(root.v, f.get(), xv, 2 * B)) continue;
        AlgebraicNumber a;
        a.minimal_polynomial = poly_strings(f.get());
        acb_set(a.root.impl().v, root.v);
        res.number = std::move(a);
        return res;
    }
    res.reason = "no irreducible polynomial of degree <= " + std::to_string(bounds.max_degree) + " and height < 2^" +
                 std::to_string(bounds.max_height_bits) + " isolates to the number at " + std::to_string(B) + " bits";
    return res;
}

AlgebraicNumber algebraic_number(const std::vector<std::string>& polynomial, std::complex<double> approx) {
    flint::FmpzPoly f;
    parse_integer_poly(f.get(), polynomial, "algebraic_number");
    if (fmpz_poly_degree(f.get()) < 1) throw InvalidInput("algebraic_number: polynomial of degree < 1");
    if (fmpz_poly_degree(f.get()) > NumberField::max_degree)
        throw FieldTooLarge("algebraic_number: degree above " + std::to_string(NumberField::max_degree));
    if (!irreducible(f.get())) throw InvalidInput("algebraic_number: the polynomial is reducible over Q");
    const long n = fmpz_poly_degree(f.get());
    AcbVec roots(n);
    arb_fmpz_poly_complex_roots(roots.v, f.get(), 0, 128);
    auto mid = [&](long j) {
        return std::complex<double>(arf_get_d(arb_midref(acb_realref(roots.v + j)), ARF_RND_NEAR),
                                    arf_get_d(arb_midref(acb_imagref(roots.v + j)), ARF_RND_NEAR));
    };
    long best = 0;
    for (long j = 1; j < n; ++j)
        if (std::abs(mid(j) - approx) < std::abs(mid(best) - approx)) best = j;
    double sep = std::numeric_limits<double>::infinity();
    for (long j = 0; j < n; ++j)
        if (j != best) sep = std::min(sep, std::abs(mid(j) - mid(best)));
    if (!(std::abs(mid(best) - approx) < sep / 3))
        throw InvalidInput("algebraic_number: the approximation does not single out a root");
    AlgebraicNumber a;
    a.minimal_polynomial = poly_strings(f.get());
    acb_set(a.root.impl().v, roots.v + best);
    return a;
}

// ------------------------------------------------------------------------------------- common field

namespace {

/// An algebraic number during the construction: minimal polynomial (primitive integer) and its root ball.
struct Alg {
    flint::FmpzPoly f;
    Acb root;
    Alg() = default;
    Alg(const Alg& o) { *this = o; }
    Alg& operator=(const Alg& o) {
        fmpz_poly_set(f.get(), o.f.get());
        acb_set(root.v, o.root.v);
        return *this;
    }
    [[nodiscard]] long degree() const { return fmpz_poly_degree(f.get()); }
    /// The root to radius < 2^-bits (isolation kept).
    void ball(acb_t out, long bits) const {
        if (!refine_root(out, f.get(), root.v, bits)) throw ResourceLimit("common_field: a root could not be refined");
    }
};

Alg to_alg(const AlgebraicNumber& a) {
    Alg r;
    parse_integer_poly(r.f.get(), a.minimal_polynomial, "common_field");
    if (!irreducible(r.f.get())) throw InvalidInput("common_field: a minimal polynomial is reducible");
    acb_set(r.root.v, a.root.impl().v);
    Acb tmp;
    if (!refine_root(tmp.v, r.f.get(), r.root.v, 64))
        throw InvalidInput("common_field: a root ball does not isolate a root of its polynomial");
    acb_set(r.root.v, tmp.v);
    return r;
}

/// y as h(theta) in K = Q[x]/(K.f) (rational polynomial h of degree < n), checked exactly (y's minimal
/// polynomial vanishes at h in K) and at the embedding (h(theta) meets y's root ball only); false if no
/// such h is found at the precisions tried.
bool express(fmpq_poly_t h, const Alg& K, const Alg& y) {
    const long n = K.degree();
    if (n < 1) return false;
    if (y.degree() == 1) {  // rational: -f0 / f1
        flint::Fmpq q;
        fmpq_set_fmpz_frac(q.get(), fmpz_poly_get_coeff_ptr(y.f.get(), 0), fmpz_poly_get_coeff_ptr(y.f.get(), 1));
        fmpq_neg(q.get(), q.get());
        fmpq_poly_set_fmpq(h, q.get());
        return true;
    }
    if (n % y.degree() != 0) return false;
    flint::FmpqPoly Kq;
    fmpq_poly_set_fmpz_poly(Kq.get(), K.f.get());
    nf_t nf;
    nf_init(nf, Kq.get());
    bool found = false;
    for (long s = 64 + 16 * n; s <= 8192 && !found; s *= 2) {
        AcbVec v(n + 1);
        y.ball(v.v, s + 64);
        Acb t;
        K.ball(t.v, s + 64);
        acb_one(v.v + 1);
        for (long i = 2; i <= n; ++i) acb_mul(v.v + i, v.v + i - 1, t.v, s + 64);
        const bool real = exactly_real(v.v) && exactly_real(t.v);
        const std::vector<flint::Fmpz> rel = lll_relation(v.v, n + 1, s, real);
        if (fmpz_is_zero(rel[0].get())) continue;
        // c y + sum a_i theta^i = 0  =>  y = -(sum a_i theta^i) / c
        fmpq_poly_zero(h);
        flint::Fmpq q;
        for (long i = 0; i < n; ++i) {
            fmpq_set_fmpz_frac(q.get(), rel[static_cast<std::size_t>(i + 1)].get(), rel[0].get());
            fmpq_neg(q.get(), q.get());
            fmpq_poly_set_coeff_fmpq(h, i, q.get());
        }
        // exact: f_y(h(theta)) = 0 in K
        nf_elem_t hv, r;
        nf_elem_init(hv, nf);
        nf_elem_init(r, nf);
        nf_elem_set_fmpq_poly(hv, h, nf);
        flint::FmpqPoly fy;
        fmpq_poly_set_fmpz_poly(fy.get(), y.f.get());
        nfdetail::compose(r, fy.get(), hv, nf);
        const bool exact = nf_elem_is_zero(r, nf) != 0;
        nf_elem_clear(hv, nf);
        nf_elem_clear(r, nf);
        if (!exact) continue;
        // embedding: h(theta) is a root of f_y; it must be the one y's ball isolates
        const long prec = 128;
        Acb th, e;
        K.ball(th.v, prec);
        nfdetail::evaluate(e.v, h, th.v, prec);
        AcbVec roots(y.degree());
        arb_fmpz_poly_complex_roots(roots.v, y.f.get(), 0, prec);
        long hits = 0, hit = -1;
        for (long j = 0; j < y.degree(); ++j)
            if (acb_overlaps(roots.v + j, e.v)) ++hits, hit = j;
        if (hits == 1 && acb_overlaps(roots.v + hit, y.root.v)) {
            long others = 0;
            for (long j = 0; j < y.degree(); ++j)
                if (j != hit && acb_overlaps(roots.v + j, y.root.v)) ++others;
            found = others == 0;
        }
    }
    nf_clear(nf);
    return found;
}

/// theta' = theta + c l beta, a primitive element of Q(theta, beta) for all but finitely many c, with its
/// minimal polynomial: the product over the conjugates prod (x - theta_i - c l beta_j) with l the leading
/// coefficient of beta's polynomial (l beta is an algebraic integer, so the product has integer
/// coefficients, each certified by a ball of radius < 1/2), factored; the factor vanishing at
/// theta + c l beta is chosen (the others certified nonzero there).
bool adjoin(Alg& out, const Alg& K, const Alg& beta, long c, long max_degree) {
    const long n = K.degree(), m = beta.degree();
    if (n * m > max_degree)
        throw ResourceLimit("common_field: the degree would reach " + std::to_string(n * m) + " > " +
                            std::to_string(max_degree));
    // g(x) = l^(m-1) f_beta(x / l): monic integer polynomial of l beta
    const fmpz* l = fmpz_poly_lead(beta.f.get());
    flint::FmpzPoly g;
    // coefficient i of g is f_i l^(m-1-i) (i < m), 1 at i = m
    for (long i = 0; i <= m; ++i) {
        flint::Fmpz t, p;
        if (i < m) fmpz_pow_ui(p.get(), l, static_cast<ulong>(m - 1 - i)); else fmpz_one(p.get());
        fmpz_mul(t.get(), fmpz_poly_get_coeff_ptr(beta.f.get(), i), p.get());
        if (i == m) fmpz_one(t.get());
        fmpz_poly_set_coeff_fmpz(g.get(), i, t.get());
    }
    // K.f must be monic too (it is by construction: a factor of a monic integer polynomial)
    for (long prec = 128; prec <= 16384; prec *= 2) {
        AcbVec rt(n), rb(m), all(n * m);
        arb_fmpz_poly_complex_roots(rt.v, K.f.get(), 0, prec);
        arb_fmpz_poly_complex_roots(rb.v, g.get(), 0, prec);
        for (long i = 0; i < n; ++i)
            for (long j = 0; j < m; ++j) {
                acb_mul_si(all.v + i * m + j, rb.v + j, c, prec);
                acb_add(all.v + i * m + j, all.v + i * m + j, rt.v + i, prec);
            }
        acb_poly_t P;
        acb_poly_init(P);
        acb_poly_product_roots(P, all.v, n * m, prec);
        flint::FmpzPoly Z;
        bool ok = true;
        for (long k = 0; k <= n * m && ok; ++k) {
            const acb_struct* ck = acb_poly_get_coeff_ptr(P, k);
            flint::Fmpz z;
            ok = ck && arb_contains_zero(acb_imagref(ck)) && arb_get_unique_fmpz(z.get(), acb_realref(ck)) &&
                 mag_cmp_2exp_si(arb_radref(acb_realref(ck)), -2) < 0;
            if (ok) fmpz_poly_set_coeff_fmpz(Z.get(), k, z.get());
        }
        acb_poly_clear(P);
        if (!ok) continue;
        // the new generator's ball
        Acb th, bb, x;
        K.ball(th.v, prec / 2);
        beta.ball(bb.v, prec / 2);
        acb_mul_fmpz(bb.v, bb.v, l, prec);
        acb_mul_si(bb.v, bb.v, c, prec);
        acb_add(x.v, th.v, bb.v, prec);
        fmpz_poly_factor_t fac;
        fmpz_poly_factor_init(fac);
        fmpz_poly_factor(fac, Z.get());
        long hit = -1, hits = 0;
        for (long i = 0; i < fac->num; ++i) {
            Acb v;
            arb_fmpz_poly_evaluate_acb(v.v, fac->p + i, x.v, prec);
            if (acb_contains_zero(v.v)) hit = i, ++hits;
        }
        if (hits == 1) {
            fmpz_poly_set(out.f.get(), fac->p + hit);
            if (fmpz_sgn(fmpz_poly_lead(out.f.get())) < 0) fmpz_poly_neg(out.f.get(), out.f.get());
            Acb r;
            const bool isolated = refine_root(r.v, out.f.get(), x.v, 64);
            if (isolated) acb_set(out.root.v, r.v);
            fmpz_poly_factor_clear(fac);
            return isolated;
        }
        fmpz_poly_factor_clear(fac);
    }
    return false;
}

std::vector<std::string> fmpq_poly_strings(const fmpq_poly_t f) {
    std::vector<std::string> out;
    flint::Fmpq c;
    for (long i = 0; i < fmpq_poly_length(f); ++i) {
        fmpq_poly_get_coeff_fmpq(c.get(), f, i);
        out.push_back(c.str());
    }
    if (out.empty()) out.push_back("0");
    return out;
}

}  // namespace

CommonField common_field(const std::vector<AlgebraicNumber>& numbers, unsigned long zeta_order, long max_degree) {
    std::vector<Alg> inputs;
    for (const AlgebraicNumber& a : numbers) inputs.push_back(to_alg(a));
    std::vector<Alg> gens;
    if (zeta_order > 2) {
        Alg z;
        fmpz_poly_cyclotomic(z.f.get(), zeta_order);
        Acb e;
        acb_unit_root(e.v, zeta_order, 128);
        if (!refine_root(z.root.v, z.f.get(), e.v, 64)) throw ResourceLimit("common_field: zeta not isolated");
        gens.push_back(z);
    }
    for (const Alg& a : inputs) {
        gens.push_back(a);
        Alg c(a);
        acb_conj(c.root.v, a.root.v);
        gens.push_back(c);
    }
    // start from Q: theta = 0, polynomial x
    Alg K;
    fmpz_poly_set_coeff_si(K.f.get(), 1, 1);
    acb_zero(K.root.v);
    for (const Alg& b : gens) {
        flint::FmpqPoly h;
        if (express(h.get(), K, b)) continue;
        bool done = false;
        for (long c : {1L, 2L, -1L, 3L, -2L, 5L, 7L}) {
            Alg next;
            if (!adjoin(next, K, b, c, max_degree)) continue;
            flint::FmpqPoly h1, h2;
            if (K.degree() > 1 && !express(h1.get(), next, K)) continue;
            if (!express(h2.get(), next, b)) continue;
            K = next;
            done = true;
            break;
        }
        if (!done) throw ResourceLimit("common_field: no primitive element found (precision or degree limits)");
    }
    // the field with its conjugation and root of unity
    NumberFieldSpec spec;
    {
        flint::FmpqPoly fq;
        fmpq_poly_set_fmpz_poly(fq.get(), K.f.get());
        fmpq_poly_make_monic(fq.get(), fq.get());
        spec.polynomial = fmpq_poly_strings(fq.get());
    }
    {
        Acb t;
        K.ball(t.v, 64);
        spec.embedding = {arf_get_d(arb_midref(acb_realref(t.v)), ARF_RND_NEAR),
                          arf_get_d(arb_midref(acb_imagref(t.v)), ARF_RND_NEAR)};
    }
    if (!exactly_real(K.root.v)) {
        Alg cK(K);
        acb_conj(cK.root.v, K.root.v);
        flint::FmpqPoly h;
        if (!express(h.get(), K, cK)) throw ResourceLimit("common_field: conj(theta) not found in K");
        spec.conj_image = fmpq_poly_strings(h.get());
    }
    if (zeta_order > 2) {
        flint::FmpqPoly h;
        if (!express(h.get(), K, gens[0])) throw ResourceLimit("common_field: zeta not found in K");
        spec.zeta_order = zeta_order;
        spec.zeta_image = fmpq_poly_strings(h.get());
    }
    CommonField out;
    out.field = NumberField::create(spec);
    for (const Alg& a : inputs) {
        flint::FmpqPoly h;
        if (!express(h.get(), K, a)) throw ResourceLimit("common_field: a number was not found in K");
        out.values.push_back(NumberFieldScalar::from_coefficients(out.field, fmpq_poly_strings(h.get())));
    }
    return out;
}

}  // namespace cogo
