#pragma once
/// \file semiring_axioms.hpp
/// One reusable harness for the semi-ring laws (docs/theory.md section 4), instantiated for every scalar:
/// the caller passes the element equality to use (exact equality up to node permutation for exact
/// scalars, a tolerance-based matching for floats). Every law is a doctest CHECK.
#include <doctest/doctest.h>

#include "algebra/semiring.hpp"

namespace cogo::testing {

/// Checks associativity and commutativity of + and *, distributivity, and the identities 0 and 1 on the
/// given elements, comparing with `same(lhs, rhs)`.
template <Scalar S, class Same>
void check_semiring_laws(const Element<S>& z1, const Element<S>& z2, const Element<S>& z3, Same same) {
    const AbelianGroup& g = z1.group();
    const Element<S> zero = zero_element<S>(g), one = one_element<S>(g);
    CHECK(same((z1 + z2) + z3, z1 + (z2 + z3)));
    CHECK(same(z1 + z2, z2 + z1));
    CHECK(same((z1 * z2) * z3, z1 * (z2 * z3)));
    CHECK(same(z1 * z2, z2 * z1));
    CHECK(same(z1 * (z2 + z3), z1 * z2 + z1 * z3));
    CHECK(same((z1 + z2) * z3, z1 * z3 + z2 * z3));
    CHECK(same(z1 + zero, z1));
    CHECK(same(zero + z1, z1));
    CHECK(same(z1 * one, z1));
    CHECK(same(one * z1, z1));
    CHECK(same(z1 * zero, zero));
    CHECK((z1 + z2).order() == z1.order() + z2.order());
    CHECK((z1 * z2).order() == z1.order() * z2.order());
}

}  // namespace cogo::testing
