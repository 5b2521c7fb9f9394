// The exact point of an affine set near a float target (analyze/affine_nearest.hpp). Expected values come
// from elsewhere: the set {x : x_0 + x_1 = 1} (x_2 free) is solved and projected by hand here (the nearest
// point of the line x_0 + x_1 = 1 to (t_0, t_1) moves both by (1 - t_0 - t_1) / 2), and membership is
// checked exactly by multiplying out, whatever basis the kernel comes in.
#include <doctest/doctest.h>

#include <complex>
#include <vector>

#include "algebra/linear_algebra.hpp"
#include "analyze/affine_nearest.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;
using analyze::nearest_in_affine_set;
using C = std::complex<double>;

namespace {

const Rows<Cyclotomic> kLine = {{Cyclotomic(1), Cyclotomic(1), Cyclotomic(0)}};  // x_0 + x_1 (= 1)

/// x_0 + x_1 == 1 exactly.
bool on_line(const std::vector<Cyclotomic>& x) { return x.size() == 3 && x[0] + x[1] == Cyclotomic(1); }

std::vector<Cyclotomic> nearest(const std::vector<C>& target) {
    const std::vector<Cyclotomic> rhs = {Cyclotomic(1)};
    const auto x0 = solve<Cyclotomic>(kLine, 3, rhs);
    REQUIRE(x0);
    return nearest_in_affine_set(*x0, kernel<Cyclotomic>(kLine, 3), target, Cyclotomic::zeta(4, 1));
}

}  // namespace

TEST_CASE("nearest_in_affine_set: a dyadic nearest point is found exactly") {
    // t = (1/4 + i/2, 1/2, 3): (1 - t_0 - t_1) / 2 = 1/8 - i/4, so x = (3/8 + i/4, 5/8 - i/4, 3)
    const std::vector<Cyclotomic> x = nearest({C(0.25, 0.5), C(0.5, 0), C(3, 0)});
    REQUIRE(on_line(x));
    const Cyclotomic i = Cyclotomic::zeta(4, 1);
    CHECK(x[0] == Cyclotomic::rational(3, 8) + i * Cyclotomic::rational(1, 4));
    CHECK(x[1] == Cyclotomic::rational(5, 8) - i * Cyclotomic::rational(1, 4));
    CHECK(x[2] == Cyclotomic(3));
}

TEST_CASE("nearest_in_affine_set: otherwise the point is exact, in the set, and within the rounding of the float one") {
    // t = (0.3 + 0.2i, 0.9, -1/3): the float nearest point is (0.2 + 0.1i, 0.8 - 0.1i, -1/3)
    const std::vector<Cyclotomic> x = nearest({C(0.3, 0.2), C(0.9, 0), C(-1.0 / 3, 0)});
    REQUIRE(on_line(x));  // exact membership, although the coefficients were floats
    const C expect[3] = {C(0.2, 0.1), C(0.8, -0.1), C(-1.0 / 3, 0)};
    for (int f = 0; f < 3; ++f) {
        CHECK(std::abs(x[f].to_complex() - expect[f]) < 2.0 / 1024);
        CHECK(std::abs(x[f].to_complex() - expect[f]) > 0);  // not dyadic: rounded, not the float point itself
    }
    // den = 4 with kernel()'s basis (-1, 1, 0), (0, 0, 1) and x0 = (1, 0, 0): the float coefficients
    // (1 - t_0 + t_1) / 2 = 0.8 - 0.1i and t_2 = -1/3 round to 3/4 and -1/4
    const std::vector<Cyclotomic> rhs = {Cyclotomic(1)};
    const std::vector<Cyclotomic> coarse =
        nearest_in_affine_set(*solve<Cyclotomic>(kLine, 3, rhs), kernel<Cyclotomic>(kLine, 3),
                              {C(0.3, 0.2), C(0.9, 0), C(-1.0 / 3, 0)}, Cyclotomic::zeta(4, 1), 4);
    REQUIRE(on_line(coarse));
    CHECK(coarse[0] == Cyclotomic::rational(1, 4));
    CHECK(coarse[1] == Cyclotomic::rational(3, 4));
    CHECK(coarse[2] == Cyclotomic::rational(-1, 4));
}

TEST_CASE("nearest_in_affine_set: an empty kernel leaves the solution as it is") {
    const std::vector<Cyclotomic> x0 = {Cyclotomic::rational(1, 3), Cyclotomic(2)};
    CHECK(nearest_in_affine_set(x0, Rows<Cyclotomic>{}, {C(5, 5), C(-7, 0)}, Cyclotomic::zeta(4, 1)) == x0);
}
