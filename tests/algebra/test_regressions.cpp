// Regressions of the algebra component (in the manner of GiNaC's exam_paranoia): one case per defect
// found or guarded against. The element's unchecked (canonical_rows) constructor is used by operations
// that provably keep rows canonical; these cases pin the proofs of "provably".
#include <doctest/doctest.h>

#include <complex>

#include "algebra/semiring.hpp"
#include "group/abelian_group.hpp"
#include "algebra/symbolic_element.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"
#include "scalar/symbolic.hpp"

using namespace cogo;

namespace {

template <Scalar S>
Node<S> node_at(std::size_t k, const S& a, const S& b, const S& c) {
    Node<S> n;
    n.a = {{k, a}};
    n.b = {{k, b}};
    n.c = {{k, c}};
    return n;
}

}  // namespace

TEST_CASE("regression: a float Kronecker product that underflows to 0.0 drops the entry") {
    // 1e-200 * 1e-200 == 0.0 in double: the product of non-zero floats can be a structural zero, so the
    // float product must keep re-checking its rows (the exact product skips that: a field has no zero
    // divisors)
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const Complex tiny(1e-200, 0.0);
    const Element<Complex> x(g, {node_at<Complex>(1, tiny, Complex(1.0), Complex(1.0))});
    const Element<Complex> p = x * x;
    REQUIRE(p.order() == 1);
    CHECK(p.node(0).a.empty());
    CHECK(p.node(0).b.size() == 1);
    CHECK(rows_canonical(g, p.nodes()));
}

TEST_CASE("regression: sums and exact products of canonical elements are canonical") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const Element<Cyclotomic> x(g, {node_at<Cyclotomic>(3, Cyclotomic::zeta(7), Cyclotomic(2), Cyclotomic(-1)),
                                    node_at<Cyclotomic>(1, Cyclotomic(1), Cyclotomic::zeta(3), Cyclotomic(5))});
    CHECK(rows_canonical(g, (x + x).nodes()));
    CHECK(rows_canonical(g, sum_of<Cyclotomic>(g, {x, x, x}).nodes()));
    CHECK(rows_canonical(g, (x * x).nodes()));
    CHECK(rows_canonical(g, (x * one_element<Cyclotomic>(g)).nodes()));
    // a fully symbolic element: products of non-zero symbolic entries are non-zero
    const Element<Symbolic> s = symbolic_element(g, 2, "reg", true);
    CHECK(rows_canonical(g, (s * s).nodes()));
    CHECK(rows_canonical(g, (s + s).nodes()));
}

TEST_CASE("regression: rows_canonical rejects every non-canonical row") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    std::vector<Node<Cyclotomic>> nodes(1);
    nodes[0].a = {{2, Cyclotomic(1)}, {1, Cyclotomic(1)}};  // unsorted
    CHECK_FALSE(rows_canonical(g, nodes));
    nodes[0].a = {{1, Cyclotomic(1)}, {1, Cyclotomic(2)}};  // repeated
    CHECK_FALSE(rows_canonical(g, nodes));
    nodes[0].a = {{5, Cyclotomic(1)}};  // outside Z_5
    CHECK_FALSE(rows_canonical(g, nodes));
    nodes[0].a = {{1, Cyclotomic::zeta(3) - Cyclotomic::zeta(3)}};  // a zero value
    CHECK_FALSE(rows_canonical(g, nodes));
    CHECK(rows_canonical(g, nodes, false));  // structure only
    nodes[0].a = {{1, Cyclotomic(1)}, {4, Cyclotomic(2)}};
    CHECK(rows_canonical(g, nodes));
}
