#pragma once
/// \file number_field.hpp
/// Exact elements of a general number field K = Q[x]/(p) with a chosen complex embedding, for the values
/// that are algebraic but lie in no Q(zeta_N) (docs/theory.md section 5: blocks whose exact nearby point
/// has non-cyclotomic coordinates).
///
/// A NumberField records
///  * the defining polynomial p (monic, irreducible over Q: checked exactly by factoring);
///  * the embedding: the root theta of p the generator stands for, as a certified isolating ball (it
///    contains exactly one root of p; it can be refined to any precision);
///  * complex conjugation as a field automorphism sigma, given by sigma(theta) in the basis 1, theta, ...:
///    checked exactly (p(sigma(theta)) = 0 and sigma(sigma(theta)) = theta in K) and against the
///    embedding (the ball of sigma(theta) meets the root conj(theta) and no other root of p);
///  * optionally a primitive M-th root of unity zeta_M = exp(2 pi i / M) in K (checked exactly:
///    Phi_M vanishes at it; and at the embedding: it isolates to exp(2 pi i / M)), so that Cyclotomic
///    values of field_order dividing M embed into K.
///
/// A NumberFieldScalar is a value of one field, or a field-less rational (what the Scalar concept's
/// from_ratio gives); a rational combines with the elements of any field. Elements of two different
/// NumberField objects never mix (FieldMismatch). FLINT/antic and Arb stay inside the .cpp files.
///
/// Roots of unity: the Scalar concept's root_of_unity(order, power) has no field argument; it is taken
/// from the innermost NumberField::Scope of the calling thread (orders 1 and 2 are rational and need
/// none). Without a scope, or when the scope's field records no suitable root, it throws InvalidInput.
#include <complex>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scalar/cyclotomic.hpp"
#include "scalar/scalar.hpp"

namespace cogo {

class NumberField;
using NumberFieldPtr = std::shared_ptr<const NumberField>;

/// What a NumberField is built from (all rationals as decimal strings "p" or "p/q", lowest power first).
struct NumberFieldSpec {
    /// Coefficients p_0..p_n of the monic defining polynomial (p_n must be 1, n >= 1).
    std::vector<std::string> polynomial;
    /// An approximation of the chosen root theta; it must be nearer to that root than a third of the
    /// distance from that root to any other root of p (otherwise the choice is ambiguous: InvalidInput).
    std::complex<double> embedding;
    /// sigma(theta) = conj(theta) as coefficients in the basis 1, theta, ..., theta^(n-1). Empty: theta
    /// must be real (sigma = identity; checked at the embedding).
    std::vector<std::string> conj_image;
    /// M > 0 when K contains zeta_M; then zeta_image is zeta_M = exp(2 pi i / M) in the basis.
    unsigned long zeta_order = 0;
    std::vector<std::string> zeta_image;
};

/// A number field with a chosen embedding and its complex conjugation (immutable, shared).
class NumberField : public std::enable_shared_from_this<NumberField> {
public:
    /// Largest degree accepted.
    static constexpr long max_degree = 256;
    /// Builds and checks K from spec. Throws InvalidInput naming the failed check: malformed rational,
    /// p not monic / reducible / of degree < 1, an ambiguous embedding, a conj image that is not an
    /// involutive automorphism or not complex conjugation at the embedding, a wrong zeta image; FieldTooLarge
    /// (a ResourceLimit, exit 3) for a degree above max_degree or a zeta order above Cyclotomic::max_field_order.
    [[nodiscard]] static NumberFieldPtr create(const NumberFieldSpec& spec);
    /// Q(zeta_N) = Q[x]/(Phi_N) with theta = zeta_N = exp(2 pi i / N) (conj: theta^(N-1); zeta_N recorded).
    /// Throws InvalidInput for N = 0, FieldTooLarge for N > 4096.
    [[nodiscard]] static NumberFieldPtr cyclotomic(unsigned long N);

    /// n = deg p = [K : Q].
    [[nodiscard]] long degree() const;
    /// The coefficients of p, lowest power first ("p" or "p/q").
    [[nodiscard]] std::vector<std::string> polynomial() const;
    /// sigma(theta) in the basis (length <= n).
    [[nodiscard]] std::vector<std::string> conj_image() const;
    /// M if the field records zeta_M, else 0.
    [[nodiscard]] unsigned long zeta_order() const;
    /// The embedding of theta: an isolating ball refined until its radius is below 2^-bits, printed as
    /// "[re +/- r] + [im +/- r]*I" with enough digits (Arb's format).
    [[nodiscard]] std::string embedding_string(long bits = 64) const;
    /// The isolating box of theta with rational corners (re_lo, re_hi, im_lo, im_hi), radius < 2^-bits;
    /// each corner as "p/q". The box contains exactly one root of p.
    [[nodiscard]] std::vector<std::string> embedding_box(long bits = 64) const;
    /// theta at the embedding, rounded.
    [[nodiscard]] std::complex<double> embedding_approx() const;

    /// Opaque FLINT/Arb representation (number_field_flint.hpp, private to src/scalar and src/analyze).
    struct Impl;
    [[nodiscard]] const Impl& impl() const { return *impl_; }

    /// The innermost scope of a thread provides the field for root_of_unity (scalar concept).
    class Scope {
    public:
        explicit Scope(NumberFieldPtr field);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        NumberFieldPtr previous_;
    };
    /// The field of the innermost Scope of this thread (null if none).
    [[nodiscard]] static NumberFieldPtr current();

    explicit NumberField(std::unique_ptr<Impl> impl);
    ~NumberField();
    NumberField(const NumberField&) = delete;
    NumberField& operator=(const NumberField&) = delete;

private:
    std::unique_ptr<Impl> impl_;
};

/// An exact element of a NumberField, or a field-less rational. Immutable, cheap to copy.
class NumberFieldScalar {
public:
    /// Zero (a field-less rational).
    NumberFieldScalar();
    /// The integer n (field-less).
    NumberFieldScalar(long n);  // NOLINT(google-explicit-constructor): integers convert implicitly
    /// num/den (field-less); DivisionByZero if den == 0.
    [[nodiscard]] static NumberFieldScalar rational(long num, long den);
    /// A rational "p" or "p/q" (field-less); InvalidInput if malformed.
    [[nodiscard]] static NumberFieldScalar rational(const std::string& text);
    /// The generator theta of K.
    [[nodiscard]] static NumberFieldScalar generator(const NumberFieldPtr& field);
    /// sum_i coeffs[i] theta^i in K (reduced mod p); InvalidInput if a coefficient is malformed.
    [[nodiscard]] static NumberFieldScalar from_coefficients(const NumberFieldPtr& field,
                                                             const std::vector<std::string>& coeffs);
    /// zeta_order^power in K; InvalidInput unless K records zeta_M with order dividing M (orders 1, 2:
    /// the rationals 1, (-1)^power, field-less).
    [[nodiscard]] static NumberFieldScalar root_of_unity(const NumberFieldPtr& field, unsigned long order, long power);
    /// A Cyclotomic value of field_order N mapped into K (zeta_N -> zeta_M^(M/N)); rationals stay field-less.
    /// InvalidInput unless K records zeta_M with N | M (after reducing the value to Q when rational).
    [[nodiscard]] static NumberFieldScalar from_cyclotomic(const NumberFieldPtr& field, const Cyclotomic& value);

    /// The field (null for a field-less rational).
    [[nodiscard]] const NumberFieldPtr& field() const;
    /// The coefficients c_0..c_{n-1} in the basis of its field ("p" or "p/q"; a field-less rational: {c_0};
    /// empty for 0).
    [[nodiscard]] std::vector<std::string> coefficients() const;
    [[nodiscard]] bool is_zero() const;
    [[nodiscard]] bool is_rational() const;
    /// sigma(value) (complex conjugation at the embedding).
    [[nodiscard]] NumberFieldScalar conj() const;
    /// Multiplicative inverse; DivisionByZero on zero.
    [[nodiscard]] NumberFieldScalar inverse() const;
    /// The value at the embedding, rounded (never used as a proof).
    [[nodiscard]] std::complex<double> to_complex() const;
    /// The value at the embedding as an Arb ball string "[re +/- r] + [im +/- r]*I" at `bits` precision.
    [[nodiscard]] std::string to_ball_string(long bits) const;
    /// Readable form: the polynomial in t = theta (FLINT's pretty form), then the defining polynomial,
    /// e.g. "t (t^2 + 2 = 0)"; rationals print plainly ("-1/2").
    [[nodiscard]] std::string to_string() const;

    friend NumberFieldScalar operator+(const NumberFieldScalar& a, const NumberFieldScalar& b);
    friend NumberFieldScalar operator-(const NumberFieldScalar& a, const NumberFieldScalar& b);
    friend NumberFieldScalar operator*(const NumberFieldScalar& a, const NumberFieldScalar& b);
    /// Exact division; DivisionByZero if b == 0.
    friend NumberFieldScalar operator/(const NumberFieldScalar& a, const NumberFieldScalar& b);
    friend NumberFieldScalar operator-(const NumberFieldScalar& a);
    friend bool operator==(const NumberFieldScalar& a, const NumberFieldScalar& b);

    NumberFieldScalar& operator+=(const NumberFieldScalar& b) { return *this = *this + b; }
    NumberFieldScalar& operator-=(const NumberFieldScalar& b) { return *this = *this - b; }
    NumberFieldScalar& operator*=(const NumberFieldScalar& b) { return *this = *this * b; }

    struct Rep;  ///< FLINT representation (number_field.cpp)
    explicit NumberFieldScalar(std::shared_ptr<const Rep> rep);
    [[nodiscard]] const Rep& rep() const { return *rep_; }

private:
    std::shared_ptr<const Rep> rep_;
};

template <>
struct scalar_traits<NumberFieldScalar> {
    static constexpr bool is_exact = true;
    static NumberFieldScalar from_ratio(long num, long den) { return NumberFieldScalar::rational(num, den); }
    /// From the innermost NumberField::Scope (see the file comment).
    static NumberFieldScalar root_of_unity(unsigned long order, long power) {
        return NumberFieldScalar::root_of_unity(NumberField::current(), order, power);
    }
    static NumberFieldScalar conj(const NumberFieldScalar& a) { return a.conj(); }
    static NumberFieldScalar inv(const NumberFieldScalar& a) { return a.inverse(); }
    static bool is_zero(const NumberFieldScalar& a) { return a.is_zero(); }
    static std::complex<double> to_complex(const NumberFieldScalar& a) { return a.to_complex(); }
    static std::string to_string(const NumberFieldScalar& a) { return a.to_string(); }
};

static_assert(ExactScalar<NumberFieldScalar>);

}  // namespace cogo
