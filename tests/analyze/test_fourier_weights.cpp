// The float DFT of trained weights agrees with the exact transform (algebra/real_weights.hpp) and inverts.
#include <doctest/doctest.h>

#include "algebra/real_weights.hpp"
#include "analyze/fourier_weights.hpp"
#include "construct/global_solutions.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;
using namespace cogo::analyze;

TEST_CASE("fourier_transform = exact transform of exported constructions (Z_7, Z_9, Z_3 x Z_3), and inverts") {
    for (const char* spec : {"7", "9", "3x3"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const Element<Cyclotomic> z = f6<Cyclotomic>(g);
        const FourierWeights exact = dense_fourier(z);
        const NetworkWeights<double> w = inverse_transform(exact);
        // the exact real weights, rounded, equal the float inverse
        const NetworkWeights<Cyclotomic> rw = to_real_weights(z);
        double max_err = 0;
        for (std::size_t j = 0; j < z.order(); ++j)
            for (std::size_t x = 0; x < g.order(); ++x) {
                max_err = std::max(max_err, std::abs(rw.wa(j, x).to_complex() - w.wa(j, x)));
                max_err = std::max(max_err, std::abs(rw.v(x, j).to_complex() - w.v(x, j)));
            }
        CHECK(max_err < 1e-12);
        const FourierWeights back = fourier_transform(g, w);
        double err = 0;
        for (std::size_t i = 0; i < back.a.size(); ++i)
            err = std::max({err, std::abs(back.a[i] - exact.a[i]), std::abs(back.b[i] - exact.b[i])});
        for (std::size_t j = 0; j < back.q; ++j)
            for (std::size_t k = 1; k < g.order(); ++k) err = std::max(err, std::abs(back.zc(k, j) - exact.zc(k, j)));
        CHECK(err < 1e-12);
    }
}

TEST_CASE("check_trained_weights: shapes and finiteness") {
    const AbelianGroup g = AbelianGroup::cyclic(3);
    NetworkWeights<double> w{Matrix<double>(2, 3), Matrix<double>(2, 3), Matrix<double>(3, 2)};
    CHECK_NOTHROW(check_trained_weights(g, w));
    w.wa = Matrix<double>(0, 3);
    CHECK_THROWS_AS(check_trained_weights(g, w), ShapeMismatch);
    w.wa = Matrix<double>(2, 3);
    w.wb(0, 0) = -INFINITY;
    CHECK_THROWS_AS(check_trained_weights(g, w), InvalidInput);
}
