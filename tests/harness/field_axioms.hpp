#pragma once
/// \file field_axioms.hpp
/// One field-axiom harness for every scalar model (in the manner of FLINT's gr_test_ring): the ring and
/// field laws, the conjugation automorphism, roots of unity and rationals, checked on operands drawn from
/// a model-specific generator biased to edge cases. A failing property prints its operands.
///
/// A model is described by a FieldModel<S>: a generator, an equality (exact: the decided zero test of the
/// difference; floats: a relative tolerance) and a name. check_field_axioms(model, rounds) draws `rounds`
/// operand triples and checks every property on each.
#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <functional>
#include <random>
#include <string>

#include "harness/random.hpp"
#include "scalar/scalar.hpp"
#include "support/error.hpp"

namespace cogo::testing {

/// A scalar model under test.
template <Scalar S>
struct FieldModel {
    std::string name;
    /// A random operand (biased to edge cases by the caller's generator).
    std::function<S(std::mt19937_64&)> draw;
    /// Equality used by the properties (exact models: decided; floats: with tolerance).
    std::function<bool(const S&, const S&)> equal;
    /// Decided (exact) or approximate zero test, used to skip inverses of zero.
    std::function<bool(const S&)> is_zero;
    /// Orders N for which zeta_N^N = 1 and conj(zeta_N) = zeta_N^-1 are checked.
    std::vector<unsigned long> orders = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 30};
};

/// The exact equality of an ExactScalar: the decided zero test of a - b.
template <ExactScalar S>
bool exact_equal(const S& a, const S& b) {
    return cogo::is_zero<S>(a - b);
}

/// |a - b| <= tol * (1 + |a| + |b|), for complex<double>.
inline bool near_equal(const std::complex<double>& a, const std::complex<double>& b, double tol = 1e-9) {
    return std::abs(a - b) <= tol * (1.0 + std::abs(a) + std::abs(b));
}

namespace detail {
/// The operands of a property, printed with a failure.
template <Scalar S>
std::string operands(const S& a, const S& b, const S& c) {
    return "a = " + cogo::to_string(a) + "\n  b = " + cogo::to_string(b) + "\n  c = " + cogo::to_string(c);
}
}  // namespace detail

/// Check the field laws on `rounds` random triples drawn from model.draw with the seeded stream `salt`.
template <Scalar S>
void check_field_axioms(const FieldModel<S>& m, int rounds, std::uint64_t salt) {
    auto g = rng(salt);
    const S zero = from_ratio<S>(0, 1), one = from_ratio<S>(1, 1);
    for (int i = 0; i < rounds; ++i) {
        const S a = m.draw(g), b = m.draw(g), c = m.draw(g);
        const std::string ops = m.name + ", round " + std::to_string(i) + ":\n  " + detail::operands(a, b, c);
        INFO(ops);
        CHECK_MESSAGE(m.equal(a + b, b + a), "a + b = b + a");
        CHECK_MESSAGE(m.equal(a * b, b * a), "a b = b a");
        CHECK_MESSAGE(m.equal((a + b) + c, a + (b + c)), "(a + b) + c = a + (b + c)");
        CHECK_MESSAGE(m.equal((a * b) * c, a * (b * c)), "(a b) c = a (b c)");
        CHECK_MESSAGE(m.equal(a * (b + c), a * b + a * c), "a (b + c) = a b + a c");
        CHECK_MESSAGE(m.equal(a + zero, a), "a + 0 = a");
        CHECK_MESSAGE(m.equal(a * one, a), "a 1 = a");
        CHECK_MESSAGE(m.is_zero(a * zero), "a 0 = 0");
        CHECK_MESSAGE(m.is_zero(a + (-a)), "a + (-a) = 0");
        CHECK_MESSAGE(m.equal(a - b, a + (-b)), "a - b = a + (-b)");
        CHECK_MESSAGE(m.equal(-(-a), a), "-(-a) = a");
        // conjugation: an involutive field automorphism
        CHECK_MESSAGE(m.equal(conj(conj(a)), a), "conj conj a = a");
        CHECK_MESSAGE(m.equal(conj(a + b), conj(a) + conj(b)), "conj(a + b) = conj a + conj b");
        CHECK_MESSAGE(m.equal(conj(a * b), conj(a) * conj(b)), "conj(a b) = conj a conj b");
        CHECK_MESSAGE(m.equal(norm2(a), conj(norm2(a))), "|a|^2 is real");
        // inverses (the harness never divides by a decided zero)
        if (!m.is_zero(a)) {
            CHECK_MESSAGE(m.equal(a * inv(a), one), "a inv(a) = 1");
            CHECK_MESSAGE(m.equal(inv(inv(a)), a), "inv inv a = a");
            CHECK_MESSAGE(m.equal(conj(inv(a)), inv(conj(a))), "conj inv a = inv conj a");
            if (!m.is_zero(b)) CHECK_MESSAGE(m.equal(inv(a * b), inv(a) * inv(b)), "inv(a b) = inv a inv b");
        }
    }
    // roots of unity and rationals
    for (unsigned long N : m.orders) {
        INFO(m.name << ": N = " << N);
        const S z = root_of_unity<S>(N, 1);
        S p = one;
        for (unsigned long k = 0; k < N; ++k) p = p * z;
        CHECK_MESSAGE(m.equal(p, one), "zeta_N^N = 1");
        CHECK_MESSAGE(m.equal(conj(z), root_of_unity<S>(N, -1)), "conj zeta_N = zeta_N^-1");
        CHECK_MESSAGE(m.equal(root_of_unity<S>(N, static_cast<long>(N) + 1), z), "zeta_N^(N+1) = zeta_N");
        S sum = zero;
        for (unsigned long k = 0; k < N; ++k) sum = sum + root_of_unity<S>(N, static_cast<long>(k));
        CHECK_MESSAGE(m.equal(sum, N == 1 ? one : zero), "sum_k zeta_N^k = [N = 1]");
    }
    for (long q : {1L, 2L, 3L, 7L, 1000003L}) {
        INFO(m.name << ": q = " << q);
        CHECK(m.equal(from_ratio<S>(5, q) * from_ratio<S>(q, 1), from_ratio<S>(5, 1)));
        CHECK(m.equal(from_ratio<S>(-3, q) + from_ratio<S>(3, q), zero));
        CHECK(m.equal(from_ratio<S>(2 * q, 2), from_ratio<S>(q, 1)));
    }
}

}  // namespace cogo::testing
