/// \file cyclotomic.cpp
/// Q(zeta_N) on FLINT: a value is (field data for N, fmpq_poly p) with deg p < phi(N), p reduced mod Phi_N.
///
/// Per-N field data (Phi_N, the Newton pre-inverse of its reversal, a lazily built cos/sin table) is
/// built once and cached for the life of the process: a global map behind a mutex, fronted by a
/// thread_local map so the hot path takes no lock. Each value points straight at its field data, so
/// arithmetic never looks anything up.
///
/// Reduction mod Phi_N: Phi_N is monic with integer coefficients, so reducing p = num/den only touches
/// the integer numerator: fold mod x^N - 1 (Phi_N divides it) when the input is longer than N, then one
/// Newton division with the cached pre-inverse (_fmpz_poly_divrem_preinv, O(M(phi))), then canonicalise.
#include "scalar/cyclotomic.hpp"
#include "scalar/cyclotomic_flint.hpp"
#include "support/flint_raii.hpp"

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_vec.h>

#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <numeric>
#include <unordered_map>

#include "support/error.hpp"

namespace cogo {
namespace {

/// Everything about Q(zeta_N) that arithmetic needs; built once per N, never freed (leaked on purpose
/// so values destroyed during static destruction never see a dangling field).
struct Field {
    unsigned long N = 1;
    slong phi = 1;          ///< Euler phi(N) = deg Phi_N: canonical polynomials have length <= phi
    fmpz_poly_t Phi;        ///< Phi_N, monic, length phi + 1
    fmpz_poly_t Phi_inv;    ///< inverse of reverse(Phi_N) mod x^(phi+1) (for _fmpz_poly_divrem_preinv)
    fmpq_poly_t Phi_q;      ///< Phi_N as a rational polynomial (for xgcd)

    mutable std::once_flag trig_once;
    mutable std::vector<long double> cos_tab, sin_tab;  ///< cos/sin(2 pi i / N), i < phi

    explicit Field(unsigned long n) : N(n) {
        fmpz_poly_init(Phi);
        fmpz_poly_init(Phi_inv);
        fmpq_poly_init(Phi_q);
        fmpz_poly_cyclotomic(Phi, n);
        phi = fmpz_poly_length(Phi) - 1;
        fmpz_poly_preinvert(Phi_inv, Phi);
        fmpq_poly_set_fmpz_poly(Phi_q, Phi);
    }
    Field(const Field&) = delete;
    Field& operator=(const Field&) = delete;
    ~Field() {
        fmpz_poly_clear(Phi);
        fmpz_poly_clear(Phi_inv);
        fmpq_poly_clear(Phi_q);
    }

    /// cos/sin table, built on first use (thread-safe).
    void ensure_trig() const {
        std::call_once(trig_once, [this] {
            cos_tab.resize(static_cast<std::size_t>(phi));
            sin_tab.resize(static_cast<std::size_t>(phi));
            const long double two_pi = 2.0L * std::numbers::pi_v<long double>;
            for (slong i = 0; i < phi; ++i) {
                const long double angle = two_pi * static_cast<long double>(i) / static_cast<long double>(N);
                cos_tab[static_cast<std::size_t>(i)] = std::cos(angle);
                sin_tab[static_cast<std::size_t>(i)] = std::sin(angle);
            }
        });
    }
};

/// The cached field data for N (1 <= N <= max_field_order, checked by the callers).
const Field& field(unsigned long N) {
    thread_local std::unordered_map<unsigned long, const Field*> local;
    if (auto it = local.find(N); it != local.end()) return *it->second;
    static std::mutex mutex;
    static auto* global = new std::map<unsigned long, const Field*>();  // leaked on purpose
    const Field* f = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto& slot = (*global)[N];
        if (slot == nullptr) slot = new Field(N);  // leaked on purpose (see Field)
        f = slot;
    }
    local.emplace(N, f);
    return *f;
}

/// Strict parser for "p" or "p/q" (optional leading sign, decimal digits, q != 0) into a canonical fmpq.
void parse_rational(fmpq_t out, const std::string& text, const char* where) {
    auto fail = [&](const char* why) {
        throw InvalidInput(std::string(where) + ": malformed rational \"" + text + "\" (" + why + ")");
    };
    std::size_t pos = 0;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) negative = text[pos++] == '-';
    const std::size_t num_begin = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    const std::size_t num_end = pos;
    if (num_end == num_begin) fail("expected decimal digits");
    std::size_t den_begin = pos, den_end = pos;
    if (pos < text.size()) {
        if (text[pos] != '/') fail("unexpected character");
        den_begin = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        den_end = pos;
        if (den_end == den_begin) fail("expected denominator digits");
        if (pos != text.size()) fail("unexpected character");
    }
    const std::string num_text = text.substr(num_begin, num_end - num_begin);
    flint::Fmpz num, den(1);
    int bad = fmpz_set_str(num.get(), num_text.c_str(), 10);
    if (den_end > den_begin) {
        const std::string den_text = text.substr(den_begin, den_end - den_begin);
        bad |= fmpz_set_str(den.get(), den_text.c_str(), 10);
    }
    if (bad != 0 || fmpz_is_zero(den.get())) fail(bad != 0 ? "unreadable digits" : "zero denominator");
    if (negative) fmpz_neg(num.get(), num.get());
    fmpq_set_fmpz_frac(out, num.get(), den.get());  // canonicalises
}

}  // namespace

/// A value: its field and a canonical rational polynomial (length <= field->phi, reduced mod Phi_N).
struct Cyclotomic::Impl {
    const Field* field;
    fmpq_poly_t p;

    explicit Impl(const Field& f) : field(&f) { fmpq_poly_init(p); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() { fmpq_poly_clear(p); }

    unsigned long N() const { return field->N; }
};

namespace {

using Impl = Cyclotomic::Impl;
using ImplPtr = std::shared_ptr<const Impl>;

ImplPtr make_zero() { return std::make_shared<const Impl>(field(1)); }

/// The shared zero of Q (leaked so it outlives every static value).
const ImplPtr& zero_ptr() {
    static const auto* z = new ImplPtr(make_zero());
    return *z;
}

/// A moved-from value has a null pointer; treat it as zero.
const Impl& rep(const ImplPtr& p) { return p ? *p : *zero_ptr(); }
ImplPtr nonnull(const ImplPtr& p) { return p ? p : zero_ptr(); }

void check_field_order(unsigned long N, const char* where) {
    if (N == 0) throw InvalidInput(std::string(where) + ": field order N must be >= 1");
    if (N > Cyclotomic::max_field_order)
        throw FieldTooLarge(std::string(where) + ": field order " + std::to_string(N) + " exceeds max_field_order " +
                           std::to_string(Cyclotomic::max_field_order));
}

/// Reduce p (any length) modulo Phi_N in place and canonicalise.
void reduce(fmpq_poly_t p, const Field& f) {
    slong len = fmpq_poly_length(p);
    if (len <= f.phi) return;
    fmpz* c = fmpq_poly_numref(p);
    const slong N = static_cast<slong>(f.N);
    if (len > N) {  // Phi_N | x^N - 1: fold the exponents mod N first
        for (slong i = N; i < len; ++i) {
            fmpz_add(c + (i % N), c + (i % N), c + i);
            fmpz_zero(c + i);
        }
        len = N;
    }
    if (len > f.phi) {
        const slong lenB = f.phi + 1;
        const slong lenQ = len - lenB + 1;
        fmpz* Q = _fmpz_vec_init(lenQ);
        _fmpz_poly_divrem_preinv(Q, c, len, f.Phi->coeffs, f.Phi_inv->coeffs, lenB);
        _fmpz_vec_clear(Q, lenQ);
        _fmpz_vec_zero(c + f.phi, len - f.phi);
        len = f.phi;
    }
    _fmpq_poly_set_length(p, len);
    _fmpq_poly_normalise(p);
    fmpq_poly_canonicalise(p);
}

/// The value a stored in Q(zeta_M); requires N | M and M <= max_field_order.
ImplPtr lift_to(const ImplPtr& ap, unsigned long M) {
    const Impl& a = rep(ap);
    const unsigned long N = a.N();
    if (M == N) return nonnull(ap);
    if (M == 0 || M % N != 0)
        throw FieldMismatch("Cyclotomic::lift: field order " + std::to_string(N) + " does not divide " +
                            std::to_string(M));
    if (M > Cyclotomic::max_field_order)
        throw FieldTooLarge("Cyclotomic::lift: field order " + std::to_string(M) + " exceeds max_field_order " +
                            std::to_string(Cyclotomic::max_field_order));
    const Field& f = field(M);
    auto r = std::make_shared<Impl>(f);
    const slong len = fmpq_poly_length(a.p);
    if (len <= 1) {
        fmpq_poly_set(r->p, a.p);  // constants lift trivially
        return r;
    }
    const slong step = static_cast<slong>(M / N);
    const slong new_len = (len - 1) * step + 1;  // x -> x^step
    fmpq_poly_fit_length(r->p, new_len);
    fmpz* dst = fmpq_poly_numref(r->p);
    const fmpz* src = fmpq_poly_numref(a.p);
    for (slong i = 0; i < len; ++i) fmpz_set(dst + i * step, src + i);
    fmpz_set(fmpq_poly_denref(r->p), fmpq_poly_denref(a.p));
    _fmpq_poly_set_length(r->p, new_len);
    reduce(r->p, f);
    return r;
}

/// lcm of the two field orders, refusing beyond max_field_order.
unsigned long common_order(unsigned long N1, unsigned long N2) {
    const unsigned long M = std::lcm(N1, N2);  // both <= 2^20: no overflow
    if (M > Cyclotomic::max_field_order)
        throw FieldTooLarge("Cyclotomic: common field Q(zeta_" + std::to_string(M) + ") of Q(zeta_" +
                            std::to_string(N1) + ") and Q(zeta_" + std::to_string(N2) +
                            ") exceeds max_field_order " + std::to_string(Cyclotomic::max_field_order));
    return M;
}

/// Both operands stored in their common field.
std::pair<ImplPtr, ImplPtr> common(const ImplPtr& a, const ImplPtr& b) {
    const unsigned long Na = rep(a).N(), Nb = rep(b).N();
    if (Na == Nb) return {nonnull(a), nonnull(b)};
    const unsigned long M = common_order(Na, Nb);
    return {lift_to(a, M), lift_to(b, M)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// construction

Cyclotomic::Cyclotomic() : impl_(zero_ptr()) {}

Cyclotomic::Cyclotomic(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Cyclotomic::Cyclotomic(long n) {
    if (n == 0) {
        impl_ = zero_ptr();
        return;
    }
    auto r = std::make_shared<Impl>(field(1));
    fmpq_poly_set_si(r->p, n);
    impl_ = std::move(r);
}

Cyclotomic Cyclotomic::rational(long num, long den) {
    if (den == 0) throw DivisionByZero("Cyclotomic::rational: zero denominator");
    auto r = std::make_shared<Impl>(field(1));
    const flint::Fmpz n(num), d(den);
    flint::Fmpq q;
    fmpq_set_fmpz_frac(q.get(), n.get(), d.get());
    fmpq_poly_set_fmpq(r->p, q.get());
    return Cyclotomic(std::move(r));
}

Cyclotomic Cyclotomic::rational(const std::string& text) {
    flint::Fmpq q;
    parse_rational(q.get(), text, "Cyclotomic::rational");
    auto r = std::make_shared<Impl>(field(1));
    fmpq_poly_set_fmpq(r->p, q.get());
    return Cyclotomic(std::move(r));
}

Cyclotomic Cyclotomic::zeta(unsigned long N, long k) {
    check_field_order(N, "Cyclotomic::zeta");
    const Field& f = field(N);
    const long n = static_cast<long>(N);
    const slong e = ((k % n) + n) % n;  // N <= 2^20 fits in long
    auto r = std::make_shared<Impl>(f);
    fmpq_poly_set_coeff_si(r->p, e, 1);
    reduce(r->p, f);
    return Cyclotomic(std::move(r));
}

Cyclotomic Cyclotomic::from_coefficients(unsigned long N, const std::vector<std::string>& coeffs) {
    check_field_order(N, "Cyclotomic::from_coefficients");
    const Field& f = field(N);
    const slong len = static_cast<slong>(coeffs.size());
    // parse everything first, then put over the common denominator (linear, unlike set_coeff one by one)
    fmpq* qs = _fmpq_vec_init(len);
    try {
        for (slong i = 0; i < len; ++i)
            parse_rational(qs + i, coeffs[static_cast<std::size_t>(i)], "Cyclotomic::from_coefficients");
    } catch (...) {
        _fmpq_vec_clear(qs, len);
        throw;
    }
    auto r = std::make_shared<Impl>(f);
    if (len > 0) {
        fmpz_t L, t;
        fmpz_init_set_ui(L, 1);
        fmpz_init(t);
        for (slong i = 0; i < len; ++i) fmpz_lcm(L, L, fmpq_denref(qs + i));
        fmpq_poly_fit_length(r->p, len);
        fmpz* c = fmpq_poly_numref(r->p);
        for (slong i = 0; i < len; ++i) {
            fmpz_divexact(t, L, fmpq_denref(qs + i));
            fmpz_mul(c + i, fmpq_numref(qs + i), t);
        }
        fmpz_set(fmpq_poly_denref(r->p), L);
        _fmpq_poly_set_length(r->p, len);
        _fmpq_poly_normalise(r->p);
        fmpq_poly_canonicalise(r->p);
        reduce(r->p, f);
        fmpz_clear(L);
        fmpz_clear(t);
    }
    _fmpq_vec_clear(qs, len);
    return Cyclotomic(std::move(r));
}

// ---------------------------------------------------------------------------------------------------------
// queries

unsigned long Cyclotomic::field_order() const { return rep(impl_).N(); }

Cyclotomic Cyclotomic::lift(unsigned long M) const { return Cyclotomic(lift_to(impl_, M)); }

std::vector<std::string> Cyclotomic::coefficients() const {
    const Impl& a = rep(impl_);
    const slong len = fmpq_poly_length(a.p);
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(len));
    const fmpz* c = fmpq_poly_numref(a.p);
    const fmpz* d = fmpq_poly_denref(a.p);
    flint::Fmpq q;
    for (slong i = 0; i < len; ++i) {
        fmpq_set_fmpz_frac(q.get(), c + i, d);
        out.push_back(flint::take_string(fmpq_get_str(nullptr, 10, q.get())));
    }
    return out;
}

bool Cyclotomic::is_zero() const { return fmpq_poly_is_zero(rep(impl_).p); }

bool Cyclotomic::is_rational() const { return fmpq_poly_length(rep(impl_).p) <= 1; }

bool Cyclotomic::is_real() const {
    const Impl& a = rep(impl_);
    if (a.N() <= 2 || fmpq_poly_length(a.p) <= 1) return true;
    return fmpq_poly_equal(a.p, rep(conj().impl_).p);
}

// ---------------------------------------------------------------------------------------------------------
// unary operations

Cyclotomic Cyclotomic::conj() const {
    const Impl& a = rep(impl_);
    const slong len = fmpq_poly_length(a.p);
    if (a.N() <= 2 || len <= 1) return Cyclotomic(nonnull(impl_));  // Q(zeta_1) = Q(zeta_2) = Q is real
    const Field& f = *a.field;
    const slong N = static_cast<slong>(f.N);
    auto r = std::make_shared<Impl>(f);
    // zeta^i -> zeta^(N - i): index map, then one reduction
    fmpq_poly_fit_length(r->p, N);
    fmpz* dst = fmpq_poly_numref(r->p);
    const fmpz* src = fmpq_poly_numref(a.p);
    fmpz_set(dst, src);
    for (slong i = 1; i < len; ++i) fmpz_set(dst + (N - i), src + i);
    fmpz_set(fmpq_poly_denref(r->p), fmpq_poly_denref(a.p));
    _fmpq_poly_set_length(r->p, N);
    _fmpq_poly_normalise(r->p);
    reduce(r->p, f);
    return Cyclotomic(std::move(r));
}

Cyclotomic Cyclotomic::inverse() const {
    const Impl& a = rep(impl_);
    if (fmpq_poly_is_zero(a.p)) throw DivisionByZero("Cyclotomic::inverse: inverse of zero");
    const Field& f = *a.field;
    auto r = std::make_shared<Impl>(f);
    if (fmpq_poly_length(a.p) == 1) {
        fmpq_poly_inv(r->p, a.p);
        return Cyclotomic(std::move(r));
    }
    // A value of modulus 1 (a root of unity, a product of them: the entries of most constructions) has
    // its conjugate as inverse: one multiplication instead of an xgcd of degree phi(N), which is quadratic
    // (minutes in a field of degree 32768).
    {
        const Cyclotomic c = conj();
        if (((*this) * c - Cyclotomic(1)).is_zero()) return c;
    }
    // S a + T Phi_N = G = 1 (Phi_N irreducible, a != 0 of smaller degree), so S = a^-1, deg S < phi
    flint::FmpqPoly G, T;
    fmpq_poly_xgcd(G.get(), r->p, T.get(), a.p, f.Phi_q);
    if (!fmpq_poly_is_one(G.get())) throw Error("Cyclotomic::inverse: internal error, gcd with Phi_N is not 1");
    reduce(r->p, f);
    return Cyclotomic(std::move(r));
}

std::complex<double> Cyclotomic::to_complex() const {
    const Impl& a = rep(impl_);
    const slong len = fmpq_poly_length(a.p);
    if (len == 0) return {0.0, 0.0};
    const fmpz* c = fmpq_poly_numref(a.p);
    slong den_exp = 0;
    const long double den_mant = fmpz_get_d_2exp(&den_exp, fmpq_poly_denref(a.p));
    // coefficient c_i / den = (m_i 2^e_i) / (m_den 2^den_exp): scale by 2^-den_exp first so that huge
    // numerators and denominators do not overflow
    auto coefficient = [&](slong i) {
        slong e = 0;
        const long double m = fmpz_get_d_2exp(&e, c + i);
        return std::ldexp(m, static_cast<int>(e - den_exp));
    };
    if (len == 1) return {static_cast<double>(coefficient(0) / den_mant), 0.0};
    const Field& f = *a.field;
    f.ensure_trig();
    long double re = 0.0L, im = 0.0L;
    for (slong i = 0; i < len; ++i) {
        if (fmpz_is_zero(c + i)) continue;
        const long double x = coefficient(i);
        re += x * f.cos_tab[static_cast<std::size_t>(i)];
        im += x * f.sin_tab[static_cast<std::size_t>(i)];
    }
    return {static_cast<double>(re / den_mant), static_cast<double>(im / den_mant)};
}

std::string Cyclotomic::to_string() const {
    const Impl& a = rep(impl_);
    const slong len = fmpq_poly_length(a.p);
    if (len == 0) return "0";
    const std::string z = "z" + std::to_string(a.N());
    const fmpz* c = fmpq_poly_numref(a.p);
    const fmpz* d = fmpq_poly_denref(a.p);
    flint::Fmpq q;
    std::string out;
    bool first = true;
    for (slong i = 0; i < len; ++i) {
        if (fmpz_is_zero(c + i)) continue;
        fmpq_set_fmpz_frac(q.get(), c + i, d);
        std::string coef = flint::take_string(fmpq_get_str(nullptr, 10, q.get()));
        const bool negative = coef[0] == '-';
        if (negative) coef.erase(0, 1);
        std::string term;
        if (i == 0) {
            term = coef;
        } else {
            const std::string mono = i == 1 ? z : z + "^" + std::to_string(i);
            term = coef == "1" ? mono : coef + "*" + mono;
        }
        if (first)
            out += negative ? "-" + term : term;
        else
            out += (negative ? " - " : " + ") + term;
        first = false;
    }
    if (len > 1) out += " (" + z + " = zeta_" + std::to_string(a.N()) + ")";
    return out;
}

// ---------------------------------------------------------------------------------------------------------
// arithmetic

Cyclotomic operator+(const Cyclotomic& a, const Cyclotomic& b) {
    auto [x, y] = common(a.impl_, b.impl_);
    auto r = std::make_shared<Cyclotomic::Impl>(*x->field);
    fmpq_poly_add(r->p, x->p, y->p);  // lengths stay <= phi: no reduction
    return Cyclotomic(std::move(r));
}

Cyclotomic operator-(const Cyclotomic& a, const Cyclotomic& b) {
    auto [x, y] = common(a.impl_, b.impl_);
    auto r = std::make_shared<Cyclotomic::Impl>(*x->field);
    fmpq_poly_sub(r->p, x->p, y->p);
    return Cyclotomic(std::move(r));
}

Cyclotomic operator-(const Cyclotomic& a) {
    const Cyclotomic::Impl& x = rep(a.impl_);
    auto r = std::make_shared<Cyclotomic::Impl>(*x.field);
    fmpq_poly_neg(r->p, x.p);
    return Cyclotomic(std::move(r));
}

Cyclotomic operator*(const Cyclotomic& a, const Cyclotomic& b) {
    auto [x, y] = common(a.impl_, b.impl_);
    const Field& f = *x->field;
    auto r = std::make_shared<Cyclotomic::Impl>(f);
    fmpq_poly_mul(r->p, x->p, y->p);
    reduce(r->p, f);  // no-op unless the product reaches degree phi
    return Cyclotomic(std::move(r));
}

Cyclotomic operator/(const Cyclotomic& a, const Cyclotomic& b) {
    if (b.is_zero()) throw DivisionByZero("Cyclotomic: division by zero");
    return a * b.inverse();
}

bool operator==(const Cyclotomic& a, const Cyclotomic& b) {
    const Cyclotomic::Impl& x = rep(a.impl_);
    const Cyclotomic::Impl& y = rep(b.impl_);
    if (x.N() == y.N()) return fmpq_poly_equal(x.p, y.p);
    // canonical forms: a value is rational iff its polynomial is constant, in any field
    const bool xr = fmpq_poly_length(x.p) <= 1, yr = fmpq_poly_length(y.p) <= 1;
    if (xr || yr) return xr && yr && fmpq_poly_equal(x.p, y.p);
    auto [u, v] = common(a.impl_, b.impl_);
    return fmpq_poly_equal(u->p, v->p);
}

// ---------------------------------------------------------------------------------------------------------
// the FLINT view (scalar/cyclotomic_flint.hpp)

Cyclotomic detail::CyclotomicAccess::from_poly(unsigned long N, fmpq_poly_t p) {
    check_field_order(N, "Cyclotomic (internal)");
    const Field& f = field(N);
    auto r = std::make_shared<Impl>(f);
    fmpq_poly_swap(r->p, p);
    reduce(r->p, f);
    return Cyclotomic(std::move(r));
}

long detail::CyclotomicAccess::degree(unsigned long N) {
    check_field_order(N, "Cyclotomic (internal)");
    return static_cast<long>(field(N).phi);
}

const fmpq_poly_struct* detail::CyclotomicAccess::poly(const Cyclotomic& c) { return rep(c.impl_).p; }

}  // namespace cogo
