// Number fields K = Q[x]/(p) on antic's nf_elem, embeddings on Arb (number_field.hpp).
#include "scalar/number_field.hpp"

#include <acb.h>
#include <arb_fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include <cmath>
#include <limits>
#include <utility>

#include "scalar/cyclotomic_flint.hpp"
#include "scalar/number_field_flint.hpp"
#include "support/error.hpp"
#include "scalar/arb_raii.hpp"
#include "support/flint_raii.hpp"

namespace cogo {

namespace {

using arb::Acb;
using arb::AcbVec;

/// An owned nf_elem_t of a given field.
struct NfElem {
    explicit NfElem(const nf_struct* f) : nf(f) { nf_elem_init(v, nf); }
    ~NfElem() { nf_elem_clear(v, nf); }
    NfElem(const NfElem&) = delete;
    NfElem& operator=(const NfElem&) = delete;
    const nf_struct* nf;
    nf_elem_t v;
};

/// Both radii of a complex ball are below 2^-bits.
bool radius_below(const acb_t x, long bits) {
    return mag_cmp_2exp_si(arb_radref(acb_realref(x)), -bits) < 0 &&
           mag_cmp_2exp_si(arb_radref(acb_imagref(x)), -bits) < 0;
}

std::complex<double> mid_double(const acb_t x) {
    return {arf_get_d(arb_midref(acb_realref(x)), ARF_RND_NEAR), arf_get_d(arb_midref(acb_imagref(x)), ARF_RND_NEAR)};
}

/// The element of K with coefficients `coeffs` (reduced mod p).
void set_coefficients(nf_elem_t out, const std::vector<std::string>& coeffs, const NumberField::Impl& K, const char* where) {
    flint::FmpqPoly f;
    flint::Fmpq c;
    for (std::size_t i = 0; i < coeffs.size(); ++i) {
        nfdetail::parse_rational(c.get(), coeffs[i], where);
        fmpq_poly_set_coeff_fmpq(f.get(), static_cast<long>(i), c.get());
    }
    fmpq_poly_rem(f.get(), f.get(), K.poly);
    nf_elem_set_fmpq_poly(out, f.get(), K.nf);
}

std::vector<std::string> poly_coefficients(const fmpq_poly_t f) {
    std::vector<std::string> out;
    flint::Fmpq c;
    for (long i = 0; i < fmpq_poly_length(f); ++i) {
        fmpq_poly_get_coeff_fmpq(c.get(), f, i);
        out.push_back(c.str());
    }
    return out;
}

thread_local NumberFieldPtr current_field;

/// "[re +/- r] + [im +/- r]*I" (Arb's real-ball format, `digits` significant digits).
std::string ball_string(const acb_t x, long digits) {
    return flint::take_string(arb_get_str(acb_realref(x), digits, 0)) + " + " +
           flint::take_string(arb_get_str(acb_imagref(x), digits, 0)) + "*I";
}

/// Certifies that the root g(theta) of p (g(theta) is a root: checked exactly by the caller) is the root
/// conj(theta): the enclosure of g(theta) and the conjugate of theta's ball meet one and the same root ball,
/// and no other. Returns false if that cannot be established at the precisions tried.
bool certify_conjugation(const NumberField::Impl& K, const nf_elem_t g) {
    flint::FmpqPoly gp;
    nf_elem_get_fmpq_poly(gp.get(), g, K.nf);
    for (long prec = 128; prec <= 4096; prec *= 2) {
        AcbVec roots(K.n);
        arb_fmpz_poly_complex_roots(roots.v, K.zpoly, 0, prec);
        Acb theta, image, conj_theta;
        K.theta_ball(theta.v, prec);
        nfdetail::evaluate(image.v, gp.get(), theta.v, prec + 32);
        acb_conj(conj_theta.v, theta.v);
        long hit_image = -1, hit_conj = -1, n_image = 0, n_conj = 0;
        for (long j = 0; j < K.n; ++j) {
            if (acb_overlaps(roots.v + j, image.v)) hit_image = j, ++n_image;
            if (acb_overlaps(roots.v + j, conj_theta.v)) hit_conj = j, ++n_conj;
        }
        if (n_image == 1 && n_conj == 1) return hit_image == hit_conj;
    }
    return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------- nfdetail

namespace nfdetail {

void evaluate(acb_t res, const fmpq_poly_t f, const acb_t x, long prec) {
    const long len = fmpq_poly_length(f);
    if (len == 0) {
        acb_zero(res);
        return;
    }
    Acb t;
    _arb_fmpz_poly_evaluate_acb(t.v, fmpq_poly_numref(f), len, x, prec);
    arb_t den;
    arb_init(den);
    arb_set_fmpz(den, fmpq_poly_denref(f));
    acb_div_arb(res, t.v, den, prec);
    arb_clear(den);
}

void compose(nf_elem_t res, const fmpq_poly_t f, const nf_elem_t y, const nf_t nf) {
    NfElem acc(nf);
    nf_elem_zero(acc.v, nf);
    flint::Fmpq c;
    for (long i = fmpq_poly_length(f) - 1; i >= 0; --i) {
        nf_elem_mul(acc.v, acc.v, y, nf);
        fmpq_poly_get_coeff_fmpq(c.get(), f, i);
        nf_elem_add_fmpq(acc.v, acc.v, c.get(), nf);
    }
    nf_elem_set(res, acc.v, nf);
}

void parse_rational(fmpq_t out, const std::string& text, const char* where) {
    try {
        const Cyclotomic q = Cyclotomic::rational(text);  // the one strict rational parser
        const fmpq_poly_struct* p = detail::CyclotomicAccess::poly(q);
        fmpq_poly_get_coeff_fmpq(out, p, 0);
    } catch (const InvalidInput& e) {
        throw InvalidInput(std::string(where) + ": " + e.what());
    }
}

void element_ball(acb_t out, const NumberFieldScalar& x, long bits) {
    const NumberFieldScalar::Rep& r = x.rep();
    if (!r.field) {
        acb_set_fmpq(out, r.q, bits + 32);
        return;
    }
    const NumberField::Impl& K = r.field->impl();
    flint::FmpqPoly f;
    nf_elem_get_fmpq_poly(f.get(), r.e, K.nf);
    for (long prec = bits + 32;; prec *= 2) {
        Acb theta;
        K.theta_ball(theta.v, prec);
        evaluate(out, f.get(), theta.v, prec);
        if (radius_below(out, bits) || prec > 64 * (bits + 32)) return;
    }
}

}  // namespace nfdetail

// ------------------------------------------------------------------------------------------ NumberField

NumberField::Impl::Impl(const fmpq_poly_t p) {
    fmpq_poly_init(poly);
    fmpq_poly_set(poly, p);
    n = fmpq_poly_degree(poly);
    fmpz_poly_init(zpoly);
    fmpq_poly_get_numerator(zpoly, poly);
    fmpz_poly_primitive_part(zpoly, zpoly);
    nf_init(nf, poly);
    nf_elem_init(sigma, nf);
    nf_elem_init(zeta, nf);
    acb_init(theta_);
}

NumberField::Impl::~Impl() {
    acb_clear(theta_);
    nf_elem_clear(zeta, nf);
    nf_elem_clear(sigma, nf);
    nf_clear(nf);
    fmpz_poly_clear(zpoly);
    fmpq_poly_clear(poly);
}

void NumberField::Impl::choose_root(const acb_t root_ball, long prec) {
    std::lock_guard<std::mutex> lock(mutex_);
    acb_set(theta_, root_ball);
    theta_bits_ = 0;
    // the radius bound actually reached
    for (long b = 1; b < 4 * prec && radius_below(theta_, b); ++b) theta_bits_ = b;
}

void NumberField::Impl::theta_ball(acb_t out, long bits) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (long prec = std::max<long>(2 * theta_bits_, bits + 16); theta_bits_ < bits; prec *= 2) {
        // All roots isolated at a higher precision; theta is the unique one meeting the current ball (the
        // current ball contains exactly one root, so one root ball contains theta; the others are disjoint
        // from it once small enough).
        AcbVec roots(n);
        arb_fmpz_poly_complex_roots(roots.v, zpoly, 0, prec);
        long hit = -1, hits = 0;
        for (long j = 0; j < n; ++j)
            if (acb_overlaps(roots.v + j, theta_)) hit = j, ++hits;
        if (hits != 1) {
            if (prec > (1L << 20)) throw ResourceLimit("NumberField: the embedding could not be refined");
            continue;
        }
        acb_set(theta_, roots.v + hit);
        long b = theta_bits_;
        while (b < 4 * prec && radius_below(theta_, b + 1)) ++b;
        theta_bits_ = b;
    }
    acb_set(out, theta_);
}

NumberField::NumberField(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NumberField::~NumberField() = default;

NumberFieldPtr NumberField::create(const NumberFieldSpec& spec) {
    const char* where = "NumberField";
    if (spec.polynomial.size() < 2)
        throw InvalidInput("NumberField: the defining polynomial needs degree >= 1 (got " +
                           std::to_string(spec.polynomial.size()) + " coefficients)");
    if (static_cast<long>(spec.polynomial.size()) - 1 > max_degree)
        throw FieldTooLarge("NumberField: degree " + std::to_string(spec.polynomial.size() - 1) + " exceeds " +
                            std::to_string(max_degree));
    flint::FmpqPoly p;
    flint::Fmpq c;
    for (std::size_t i = 0; i < spec.polynomial.size(); ++i) {
        nfdetail::parse_rational(c.get(), spec.polynomial[i], where);
        fmpq_poly_set_coeff_fmpq(p.get(), static_cast<long>(i), c.get());
    }
    if (fmpq_poly_degree(p.get()) != static_cast<long>(spec.polynomial.size()) - 1 || !fmpq_is_one(c.get()))
        throw InvalidInput("NumberField: the defining polynomial must be monic (leading coefficient " + c.str() +
                           ")");
    auto impl = std::make_unique<Impl>(p.get());
    Impl& K = *impl;
    {  // irreducible over Q, decided by factoring over Z (Gauss's lemma)
        fmpz_poly_factor_t fac;
        fmpz_poly_factor_init(fac);
        fmpz_poly_factor(fac, K.zpoly);
        const bool irreducible = fac->num == 1 && fac->exp[0] == 1;
        const long factors = fac->num;
        fmpz_poly_factor_clear(fac);
        if (!irreducible)
            throw InvalidInput("NumberField: the defining polynomial " +
                               flint::take_string(fmpq_poly_get_str_pretty(K.poly, "x")) +
                               " is reducible over Q (" + std::to_string(factors) + " distinct irreducible factors)");
    }
    // the embedding: the root nearest the hint, unambiguous
    if (!std::isfinite(spec.embedding.real()) || !std::isfinite(spec.embedding.imag()))
        throw InvalidInput("NumberField: the embedding approximation is not finite");
    {
        const long prec = 128;
        AcbVec roots(K.n);
        arb_fmpz_poly_complex_roots(roots.v, K.zpoly, 0, prec);
        long best = 0;
        for (long j = 1; j < K.n; ++j)
            if (std::abs(mid_double(roots.v + j) - spec.embedding) < std::abs(mid_double(roots.v + best) - spec.embedding))
                best = j;
        double separation = std::numeric_limits<double>::infinity();
        for (long j = 0; j < K.n; ++j)
            if (j != best) separation = std::min(separation, std::abs(mid_double(roots.v + j) - mid_double(roots.v + best)));
        const double miss = std::abs(mid_double(roots.v + best) - spec.embedding);
        if (!(miss < separation / 3))
            throw InvalidInput("NumberField: the embedding approximation (" + std::to_string(spec.embedding.real()) +
                               ", " + std::to_string(spec.embedding.imag()) +
                               ") does not single out a root of the defining polynomial (distance " +
                               std::to_string(miss) + " to the nearest root, root separation " +
                               std::to_string(separation) + ")");
        K.choose_root(roots.v + best, prec);
    }
    // conjugation
    NfElem x(K.nf), t(K.nf);
    nf_elem_gen(x.v, K.nf);
    if (spec.conj_image.empty())
        nf_elem_set(K.sigma, x.v, K.nf);
    else
        set_coefficients(K.sigma, spec.conj_image, K, "NumberField (conj image)");
    {
        nfdetail::compose(t.v, K.poly, K.sigma, K.nf);
        if (!nf_elem_is_zero(t.v, K.nf))
            throw InvalidInput("NumberField: the conj image is not a root of the defining polynomial in K "
                               "(sigma is not a field automorphism)");
        flint::FmpqPoly sp;
        nf_elem_get_fmpq_poly(sp.get(), K.sigma, K.nf);
        nfdetail::compose(t.v, sp.get(), K.sigma, K.nf);
        if (!nf_elem_equal(t.v, x.v, K.nf))
            throw InvalidInput("NumberField: the conj image is not an involution (sigma(sigma(theta)) != theta)");
        if (!certify_conjugation(K, K.sigma))
            throw InvalidInput(spec.conj_image.empty()
                                   ? "NumberField: no conj image given but the chosen root is not real"
                                   : "NumberField: the conj image is not complex conjugation at the chosen "
                                     "embedding (sigma(theta) is another root than conj(theta))");
    }
    // the root of unity
    if (spec.zeta_order > 0) {
        if (spec.zeta_order > Cyclotomic::max_field_order)
            throw FieldTooLarge("NumberField: zeta order " + std::to_string(spec.zeta_order) + " exceeds max_field_order " +
                                std::to_string(Cyclotomic::max_field_order));
        set_coefficients(K.zeta, spec.zeta_image, K, "NumberField (zeta image)");
        flint::FmpzPoly phi;
        fmpz_poly_cyclotomic(phi.get(), spec.zeta_order);
        flint::FmpqPoly phiq;
        fmpq_poly_set_fmpz_poly(phiq.get(), phi.get());
        nfdetail::compose(t.v, phiq.get(), K.zeta, K.nf);
        if (!nf_elem_is_zero(t.v, K.nf))
            throw InvalidInput("NumberField: the zeta image is not a primitive " + std::to_string(spec.zeta_order) +
                               "-th root of unity in K (Phi_M does not vanish at it)");
        // it is a primitive M-th root; certify it is exp(2 pi i / M): within half the minimal distance
        // 2 sin(pi / M) of the primitive roots.
        flint::FmpqPoly zp;
        nf_elem_get_fmpq_poly(zp.get(), K.zeta, K.nf);
        bool ok = spec.zeta_order <= 2;  // the only primitive root of order 1 or 2 is exact
        for (long prec = 128; prec <= 2048 && !ok; prec *= 2) {
            Acb theta, value, target, diff;
            K.theta_ball(theta.v, prec);
            nfdetail::evaluate(value.v, zp.get(), theta.v, prec);
            acb_unit_root(target.v, spec.zeta_order, prec);
            acb_sub(diff.v, value.v, target.v, prec);
            arb_t dist, half_sep;
            arb_init(dist);
            arb_init(half_sep);
            acb_abs(dist, diff.v, prec);
            arb_set_ui(half_sep, 1);
            arb_div_ui(half_sep, half_sep, spec.zeta_order, prec);
            arb_sin_pi(half_sep, half_sep, prec);  // sin(pi / M): half the distance 2 sin(pi / M)
            ok = arb_lt(dist, half_sep) != 0;
            arb_clear(dist);
            arb_clear(half_sep);
        }
        if (!ok)
            throw InvalidInput("NumberField: the zeta image is a primitive root of unity but not exp(2 pi i / " +
                               std::to_string(spec.zeta_order) + ") at the chosen embedding");
        K.zeta_order = spec.zeta_order;
    }
    return std::make_shared<const NumberField>(std::move(impl));
}

NumberFieldPtr NumberField::cyclotomic(unsigned long N) {
    if (N == 0) throw InvalidInput("NumberField::cyclotomic: order 0");
    if (N > 4096) throw FieldTooLarge("NumberField::cyclotomic: order " + std::to_string(N) + " exceeds 4096");
    flint::FmpzPoly phi;
    fmpz_poly_cyclotomic(phi.get(), N);
    NumberFieldSpec spec;
    flint::Fmpz c;
    for (long i = 0; i <= fmpz_poly_degree(phi.get()); ++i) {
        fmpz_poly_get_coeff_fmpz(c.get(), phi.get(), i);
        spec.polynomial.push_back(c.str());
    }
    const double angle = 2.0 * M_PI / static_cast<double>(N);
    spec.embedding = {std::cos(angle), std::sin(angle)};
    // conj(zeta) = zeta^(N-1) reduced mod Phi_N
    flint::FmpqPoly xp, phiq;
    fmpq_poly_set_fmpz_poly(phiq.get(), phi.get());
    fmpq_poly_set_coeff_si(xp.get(), static_cast<long>(N - 1), 1);
    fmpq_poly_rem(xp.get(), xp.get(), phiq.get());
    spec.conj_image = poly_coefficients(xp.get());
    if (spec.conj_image.empty()) spec.conj_image = {"0"};
    fmpq_poly_zero(xp.get());
    fmpq_poly_set_coeff_si(xp.get(), 1, 1);
    fmpq_poly_rem(xp.get(), xp.get(), phiq.get());
    spec.zeta_order = N;
    spec.zeta_image = poly_coefficients(xp.get());
    return create(spec);
}

long NumberField::degree() const { return impl_->n; }

std::vector<std::string> NumberField::polynomial() const { return poly_coefficients(impl_->poly); }

std::vector<std::string> NumberField::conj_image() const {
    flint::FmpqPoly f;
    nf_elem_get_fmpq_poly(f.get(), impl_->sigma, impl_->nf);
    return poly_coefficients(f.get());
}

unsigned long NumberField::zeta_order() const { return impl_->zeta_order; }

std::string NumberField::embedding_string(long bits) const {
    Acb t;
    impl_->theta_ball(t.v, bits);
    const long digits = static_cast<long>(static_cast<double>(bits) * 0.30103) + 5;
    return ball_string(t.v, digits);
}

std::vector<std::string> NumberField::embedding_box(long bits) const {
    Acb t;
    impl_->theta_ball(t.v, bits);
    std::vector<std::string> out;
    for (const arb_struct* part : {acb_realref(t.v), acb_imagref(t.v)}) {
        flint::Fmpz lo, hi, e;
        arb_get_interval_fmpz_2exp(lo.get(), hi.get(), e.get(), part);
        for (fmpz* v : {lo.get(), hi.get()}) {
            if (!fmpz_fits_si(e.get())) throw ResourceLimit("NumberField::embedding_box: exponent out of range");
            flint::Fmpq q;
            fmpq_set_fmpz_frac(q.get(), v, flint::Fmpz(1).get());
            const long ex = fmpz_get_si(e.get());
            if (ex >= 0)
                fmpq_mul_2exp(q.get(), q.get(), static_cast<ulong>(ex));
            else
                fmpq_div_2exp(q.get(), q.get(), static_cast<ulong>(-ex));
            out.push_back(q.str());
        }
    }
    return out;
}

std::complex<double> NumberField::embedding_approx() const {
    Acb t;
    impl_->theta_ball(t.v, 64);
    return mid_double(t.v);
}

NumberField::Scope::Scope(NumberFieldPtr field) : previous_(std::move(current_field)) {
    current_field = std::move(field);
}
NumberField::Scope::~Scope() { current_field = std::move(previous_); }
NumberFieldPtr NumberField::current() { return current_field; }

// ------------------------------------------------------------------------------------ NumberFieldScalar

namespace {
using Rep = NumberFieldScalar::Rep;

std::shared_ptr<Rep> make_rep(const NumberFieldPtr& f) { return std::make_shared<Rep>(f); }

/// The common field of two operands (null if both are rational); FieldMismatch for two fields.
const NumberFieldPtr& common_field(const Rep& a, const Rep& b) {
    if (a.field && b.field && a.field != b.field)
        throw FieldMismatch("NumberFieldScalar: the operands belong to two different number fields");
    return a.field ? a.field : b.field;
}

/// x as an element of K (lifting a rational).
void lift(nf_elem_t out, const Rep& x, const NumberField::Impl& K) {
    if (x.field)
        nf_elem_set(out, x.e, K.nf);
    else
        nf_elem_set_fmpq(out, x.q, K.nf);
}

template <class RatOp, class NfOp>
NumberFieldScalar binary(const NumberFieldScalar& a, const NumberFieldScalar& b, RatOp rat, NfOp op) {
    const NumberFieldPtr& f = common_field(a.rep(), b.rep());
    auto r = make_rep(f);
    if (!f) {
        rat(r->q, a.rep().q, b.rep().q);
    } else {
        const NumberField::Impl& K = f->impl();
        NfElem x(K.nf), y(K.nf);
        lift(x.v, a.rep(), K);
        lift(y.v, b.rep(), K);
        op(r->e, x.v, y.v, K.nf);
    }
    return NumberFieldScalar(std::move(r));
}
}  // namespace

NumberFieldScalar::NumberFieldScalar(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}
NumberFieldScalar::NumberFieldScalar() : NumberFieldScalar(0L) {}
NumberFieldScalar::NumberFieldScalar(long n) {
    auto r = make_rep(nullptr);
    fmpq_set_si(r->q, n, 1);
    rep_ = std::move(r);
}

NumberFieldScalar NumberFieldScalar::rational(long num, long den) {
    if (den == 0) throw DivisionByZero("NumberFieldScalar::rational: zero denominator");
    auto r = make_rep(nullptr);
    flint::Fmpz nu(num), de(den);
    fmpq_set_fmpz_frac(r->q, nu.get(), de.get());
    return NumberFieldScalar(std::move(r));
}

NumberFieldScalar NumberFieldScalar::rational(const std::string& text) {
    auto r = make_rep(nullptr);
    nfdetail::parse_rational(r->q, text, "NumberFieldScalar::rational");
    return NumberFieldScalar(std::move(r));
}

NumberFieldScalar NumberFieldScalar::generator(const NumberFieldPtr& field) {
    if (!field) throw InvalidInput("NumberFieldScalar::generator: no field");
    auto r = make_rep(field);
    nf_elem_gen(r->e, field->impl().nf);
    return NumberFieldScalar(std::move(r));
}

NumberFieldScalar NumberFieldScalar::from_coefficients(const NumberFieldPtr& field, const std::vector<std::string>& coeffs) {
    if (!field) throw InvalidInput("NumberFieldScalar::from_coefficients: no field");
    auto r = make_rep(field);
    set_coefficients(r->e, coeffs, field->impl(), "NumberFieldScalar::from_coefficients");
    return NumberFieldScalar(std::move(r));
}

NumberFieldScalar NumberFieldScalar::root_of_unity(const NumberFieldPtr& field, unsigned long order, long power) {
    if (order == 0) throw InvalidInput("NumberFieldScalar::root_of_unity: order 0");
    const long k = ((power % static_cast<long>(order)) + static_cast<long>(order)) % static_cast<long>(order);
    if (order == 1 || k == 0) return NumberFieldScalar(1L);
    if (order == 2) return NumberFieldScalar(-1L);
    if (!field)
        throw InvalidInput("NumberFieldScalar::root_of_unity: zeta_" + std::to_string(order) +
                           " needs a number field (no NumberField::Scope is active)");
    const NumberField::Impl& K = field->impl();
    if (K.zeta_order == 0 || K.zeta_order % order != 0)
        throw InvalidInput("NumberFieldScalar::root_of_unity: the number field records " +
                           (K.zeta_order == 0 ? std::string("no root of unity")
                                              : "zeta_" + std::to_string(K.zeta_order)) +
                           ", so zeta_" + std::to_string(order) + " is not available in it");
    auto r = make_rep(field);
    nf_elem_pow(r->e, K.zeta, static_cast<ulong>(k) * (K.zeta_order / order), K.nf);
    return NumberFieldScalar(std::move(r));
}

NumberFieldScalar NumberFieldScalar::from_cyclotomic(const NumberFieldPtr& field, const Cyclotomic& value) {
    if (value.is_rational()) {
        auto r = make_rep(nullptr);
        const fmpq_poly_struct* p = detail::CyclotomicAccess::poly(value);
        fmpq_poly_get_coeff_fmpq(r->q, p, 0);
        return NumberFieldScalar(std::move(r));
    }
    const unsigned long N = value.field_order();
    if (!field) throw InvalidInput("NumberFieldScalar::from_cyclotomic: no field");
    const NumberField::Impl& K = field->impl();
    if (K.zeta_order == 0 || K.zeta_order % N != 0)
        throw InvalidInput("NumberFieldScalar::from_cyclotomic: the value lives in Q(zeta_" + std::to_string(N) +
                           ") but the number field records " +
                           (K.zeta_order == 0 ? std::string("no root of unity") : "zeta_" + std::to_string(K.zeta_order)));
    NfElem z(K.nf);
    nf_elem_pow(z.v, K.zeta, K.zeta_order / N, K.nf);
    auto r = make_rep(field);
    nfdetail::compose(r->e, detail::CyclotomicAccess::poly(value), z.v, K.nf);
    return NumberFieldScalar(std::move(r));
}

const NumberFieldPtr& NumberFieldScalar::field() const { return rep_->field; }

std::vector<std::string> NumberFieldScalar::coefficients() const {
    if (!rep_->field) {
        if (fmpq_is_zero(rep_->q)) return {};
        return {flint::take_string(fmpq_get_str(nullptr, 10, rep_->q))};
    }
    flint::FmpqPoly f;
    nf_elem_get_fmpq_poly(f.get(), rep_->e, rep_->field->impl().nf);
    return poly_coefficients(f.get());
}

bool NumberFieldScalar::is_zero() const {
    return rep_->field ? nf_elem_is_zero(rep_->e, rep_->field->impl().nf) != 0 : fmpq_is_zero(rep_->q) != 0;
}

bool NumberFieldScalar::is_rational() const {
    if (!rep_->field) return true;
    flint::FmpqPoly f;
    nf_elem_get_fmpq_poly(f.get(), rep_->e, rep_->field->impl().nf);
    return fmpq_poly_length(f.get()) <= 1;
}

NumberFieldScalar NumberFieldScalar::conj() const {
    if (!rep_->field) return *this;
    const NumberField::Impl& K = rep_->field->impl();
    flint::FmpqPoly f;
    nf_elem_get_fmpq_poly(f.get(), rep_->e, K.nf);
    auto r = make_rep(rep_->field);
    nfdetail::compose(r->e, f.get(), K.sigma, K.nf);
    return NumberFieldScalar(std::move(r));
}

NumberFieldScalar NumberFieldScalar::inverse() const {
    if (is_zero()) throw DivisionByZero("NumberFieldScalar::inverse of zero");
    auto r = make_rep(rep_->field);
    if (!rep_->field)
        fmpq_inv(r->q, rep_->q);
    else
        nf_elem_inv(r->e, rep_->e, rep_->field->impl().nf);
    return NumberFieldScalar(std::move(r));
}

std::complex<double> NumberFieldScalar::to_complex() const {
    Acb b;
    nfdetail::element_ball(b.v, *this, 64);
    return mid_double(b.v);
}

std::string NumberFieldScalar::to_ball_string(long bits) const {
    Acb b;
    nfdetail::element_ball(b.v, *this, bits);
    const long digits = static_cast<long>(static_cast<double>(bits) * 0.30103) + 5;
    return ball_string(b.v, digits);
}

std::string NumberFieldScalar::to_string() const {
    if (!rep_->field) return flint::take_string(fmpq_get_str(nullptr, 10, rep_->q));
    const NumberField::Impl& K = rep_->field->impl();
    flint::FmpqPoly f;
    nf_elem_get_fmpq_poly(f.get(), rep_->e, K.nf);
    if (fmpq_poly_length(f.get()) <= 1) {
        flint::Fmpq c;
        fmpq_poly_get_coeff_fmpq(c.get(), f.get(), 0);
        return c.str();
    }
    return flint::take_string(fmpq_poly_get_str_pretty(f.get(), "t")) + " (" +
           flint::take_string(fmpq_poly_get_str_pretty(K.poly, "t")) + " = 0)";
}

NumberFieldScalar operator+(const NumberFieldScalar& a, const NumberFieldScalar& b) {
    return binary(a, b, fmpq_add, nf_elem_add);
}
NumberFieldScalar operator-(const NumberFieldScalar& a, const NumberFieldScalar& b) {
    return binary(a, b, fmpq_sub, nf_elem_sub);
}
NumberFieldScalar operator*(const NumberFieldScalar& a, const NumberFieldScalar& b) {
    return binary(a, b, fmpq_mul, nf_elem_mul);
}
NumberFieldScalar operator/(const NumberFieldScalar& a, const NumberFieldScalar& b) { return a * b.inverse(); }
NumberFieldScalar operator-(const NumberFieldScalar& a) { return NumberFieldScalar(0L) - a; }
bool operator==(const NumberFieldScalar& a, const NumberFieldScalar& b) { return (a - b).is_zero(); }

}  // namespace cogo
