// The one weights type (algebra/network_weights.hpp): its shape check accepts exactly W_a, W_b of shape
// q x n and V of shape n x q, for every number type the tree uses, and names what was wrong.
#include <doctest/doctest.h>

#include <complex>
#include <string>

#include "algebra/network_weights.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;

namespace {

template <class T>
NetworkWeights<T> shaped(std::size_t qa, std::size_t na, std::size_t qb, std::size_t nb, std::size_t nv,
                         std::size_t qv) {
    return {Matrix<T>(qa, na), Matrix<T>(qb, nb), Matrix<T>(nv, qv)};
}

std::string message_of(const NetworkWeights<double>& w, std::size_t n, const std::string& what,
                       const std::string& group) {
    try {
        w.check_shapes(n, what, group);
    } catch (const ShapeMismatch& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE_TEMPLATE("NetworkWeights::check_shapes: q x n, q x n, n x q and nothing else", T, double,
                   std::complex<double>, Cyclotomic) {
    const std::size_t q = 3, n = 5;
    const NetworkWeights<T> good = shaped<T>(q, n, q, n, n, q);
    CHECK(good.width() == 3);
    CHECK_NOTHROW(good.check_shapes(n));
    CHECK_NOTHROW(good.check_shapes(AbelianGroup::cyclic(5)));
    CHECK_NOTHROW(good.check_shapes(AbelianGroup::parse("5")));
    CHECK_THROWS_AS(good.check_shapes(4), ShapeMismatch);  // another group order
    CHECK_THROWS_AS(good.check_shapes(AbelianGroup::parse("2x3")), ShapeMismatch);
    CHECK_NOTHROW(shaped<T>(0, n, 0, n, n, 0).check_shapes(n));  // no nodes: the caller decides
    // each of the six dimensions off by one alone
    CHECK_THROWS_AS(shaped<T>(q, n + 1, q, n, n, q).check_shapes(n), ShapeMismatch);
    CHECK_THROWS_AS(shaped<T>(q, n, q + 1, n, n, q).check_shapes(n), ShapeMismatch);
    CHECK_THROWS_AS(shaped<T>(q, n, q, n - 1, n, q).check_shapes(n), ShapeMismatch);
    CHECK_THROWS_AS(shaped<T>(q, n, q, n, n + 1, q).check_shapes(n), ShapeMismatch);
    CHECK_THROWS_AS(shaped<T>(q, n, q, n, n, q - 1).check_shapes(n), ShapeMismatch);
    CHECK_THROWS_AS(shaped<T>(q + 1, n, q, n, n, q).check_shapes(n), ShapeMismatch);  // W_a's rows set q
    // V transposed (q x n) is refused unless q = n
    CHECK_THROWS_AS(shaped<T>(q, n, q, n, q, n).check_shapes(n), ShapeMismatch);
    CHECK_NOTHROW(shaped<T>(n, n, n, n, n, n).check_shapes(n));
}

TEST_CASE("NetworkWeights::check_shapes: the message says who asked, the group and every shape") {
    const NetworkWeights<double> w = shaped<double>(2, 5, 2, 4, 5, 2);
    const std::string m = message_of(w, 5, "--init", "Z_5");
    CHECK(m.rfind("--init: ", 0) == 0);
    CHECK(m.find("for Z_5") != std::string::npos);
    CHECK(m.find("W_a 2 x 5, W_b 2 x 4, V 5 x 2") != std::string::npos);
    CHECK(message_of(w, 5, "weights", "").find(" for ") == std::string::npos);
    CHECK(message_of(shaped<double>(2, 5, 2, 5, 5, 2), 5, "weights", "") == "");
}
