// The MPFR value type of the high-precision refinement (search/big_float.hpp): precision scopes, exact
// rounding of ratios, the turn functions and the decimal form, each against values known independently.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "search/big_float.hpp"

using cogo::search::BigFloat;

TEST_CASE("BigFloat: a precision scope sets the precision of new values and restores the old one") {
    const long before = BigFloat::current();
    {
        BigFloat::Precision p(512);
        CHECK(BigFloat::current() == 512);
        {
            BigFloat::Precision q(64);
            CHECK(BigFloat::current() == 64);
        }
        CHECK(BigFloat::current() == 512);
    }
    CHECK(BigFloat::current() == before);
}

TEST_CASE("BigFloat: 1/3 at 400 bits: 3 * (1/3) - 1 is below 2^-395, while double precision leaves 2^-54") {
    BigFloat::Precision p(400);
    const BigFloat third = BigFloat::ratio(1, 3);
    const BigFloat err = (third * BigFloat(3.0) - BigFloat(1.0)).abs();
    CHECK((err.log2_abs() < -395 || err.log2_abs() == -1000000));
    // the same through parse_ratio
    const BigFloat parsed = BigFloat::parse_ratio("1/3");
    CHECK((parsed - third).abs().log2_abs() < -395);
    // a double's 1/3 differs from the exact one by about 2^-56 (its unit in the last place at 1/3)
    const BigFloat d(1.0 / 3.0);
    const long e = (d - third).abs().log2_abs();
    CHECK(e <= -53);
    CHECK(e >= -60);
}

TEST_CASE("BigFloat: cos and sin of a turn, sqrt, and the decimal form") {
    BigFloat::Precision p(256);
    BigFloat c, s;
    BigFloat::cos_sin_turn(1, 8, c, s);  // 45 degrees: cos = sin = sqrt(2)/2
    const BigFloat half_sqrt2 = BigFloat(2.0).sqrt() / BigFloat(2.0);
    CHECK((c - half_sqrt2).abs().log2_abs() < -250);
    CHECK((s - half_sqrt2).abs().log2_abs() < -250);
    BigFloat::cos_sin_turn(1, 3, c, s);  // 120 degrees: cos = -1/2
    CHECK((c + BigFloat::ratio(1, 2)).abs().log2_abs() < -250);
    CHECK(static_cast<double>(s) == doctest::Approx(std::sqrt(3.0) / 2).epsilon(1e-15));
    // the decimal form: sqrt 2 = 1.41421356237309504880168872420969807856967187537694...
    CHECK(BigFloat(2.0).sqrt().decimal(30) == "1.41421356237309504880168872421e0");
    CHECK(BigFloat::ratio(-1, 800).decimal(3) == "-1.25e-3");
    CHECK(BigFloat().decimal(5) == "0");
    CHECK(BigFloat::ratio(1, 3) > BigFloat::ratio(1, 4));
    CHECK(-BigFloat::ratio(1, 3) < BigFloat(0.0));
}
