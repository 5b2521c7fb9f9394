// Tests for src/scalar/float.hpp: complex<double> as the (inexact) Scalar of the float path.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "scalar/float.hpp"

using cogo::Complex;

TEST_CASE("float roots of unity, conjugation and rationals") {
    for (unsigned long n : {1UL, 2UL, 3UL, 7UL, 12UL, 1001UL}) {
        Complex sum{};
        for (long k = 0; k < static_cast<long>(n); ++k) {
            const Complex z = cogo::root_of_unity<Complex>(n, k);
            CHECK(std::abs(std::abs(z) - 1.0) < 1e-15);
            CHECK(std::abs(z - std::polar(1.0, 2 * std::numbers::pi * k / n)) < 1e-12);
            // negative and large powers reduce mod n
            CHECK(std::abs(cogo::root_of_unity<Complex>(n, k - 5 * static_cast<long>(n)) - z) < 1e-15);
            sum += z;
        }
        CHECK(std::abs(sum - (n == 1 ? 1.0 : 0.0)) < 1e-12);
    }
    CHECK(cogo::from_ratio<Complex>(3, 4) == Complex(0.75, 0.0));
    CHECK(cogo::conj(Complex(1, 2)) == Complex(1, -2));
    CHECK(cogo::norm2(Complex(3, 4)) == Complex(25, 0));
    CHECK(std::abs(cogo::imag_part(Complex(1, 2)) - Complex(2, 0)) < 1e-15);
    CHECK(cogo::approx_zero(Complex(1e-13, 0), 1e-12));
    CHECK_FALSE(cogo::approx_zero(Complex(1e-11, 0), 1e-12));
    CHECK_THROWS_AS(cogo::from_ratio<Complex>(1, 0), cogo::DivisionByZero);
    CHECK_THROWS_AS(cogo::root_of_unity<Complex>(0, 1), cogo::InvalidInput);
    CHECK(cogo::to_string(Complex(1.5, -2)) == "1.5 - 2i");
}
