// The trainer's network storage: PyTorch default init bounds and layout round trip.
#include <doctest/doctest.h>

#include <cmath>

#include "support/error.hpp"
#include "train/network.hpp"

using namespace cogo;
using namespace cogo::train;

TEST_CASE("pytorch_default_init: W_a, W_b in +-1/sqrt(n), V in +-1/sqrt(q), spread over the interval, seeded") {
    const std::size_t n = 23, q = 512;
    const Network<float> net = pytorch_default_init<float>(n, q, 1);
    const double in = 1 / std::sqrt(23.0), out = 1 / std::sqrt(512.0);
    double max_in = 0, max_out = 0, mean_in = 0;
    for (std::size_t i = 0; i < 2 * n * q; ++i) {
        max_in = std::max(max_in, std::abs(double(net.params[i])));
        mean_in += net.params[i];
    }
    for (std::size_t i = 2 * n * q; i < 3 * n * q; ++i) max_out = std::max(max_out, std::abs(double(net.v()[i - 2 * n * q])));
    CHECK(max_in <= in);
    CHECK(max_in > 0.99 * in);
    CHECK(max_out <= out);
    CHECK(max_out > 0.99 * out);
    CHECK(std::abs(mean_in / (2 * n * q)) < 0.01);  // uniform on a symmetric interval
    const Network<float> again = pytorch_default_init<float>(n, q, 1);
    CHECK(again.params == net.params);
    CHECK(pytorch_default_init<float>(n, q, 2).params != net.params);
    // float and double draw the same numbers (rounded).
    const Network<double> d = pytorch_default_init<double>(n, q, 1);
    for (std::size_t i = 0; i < d.params.size(); i += 97) CHECK(float(d.params[i]) == net.params[i]);
}

TEST_CASE("pytorch_default_init: draws W_a row-major in PyTorch's layout first") {
    // W_a[0, 0..n-1] are the first n draws: row 0 of W_a is column 0 of wa_t.
    const Network<double> a = pytorch_default_init<double>(5, 3, 9);
    std::mt19937_64 rng = seeded_stream(9, 1);
    const double bound = 1 / std::sqrt(5.0);
    for (std::size_t x = 0; x < 5; ++x) CHECK(a.wa_t()[x * 3 + 0] == uniform(rng, -bound, bound));
    CHECK(a.wa_t()[0 * 3 + 1] == uniform(rng, -bound, bound));
}

TEST_CASE("to_matrices / from_matrices: PyTorch shapes and exact round trip") {
    const Network<double> net = pytorch_default_init<double>(7, 4, 3);
    const NetworkWeights<double> w = to_matrices(net);
    CHECK(w.wa.rows() == 4);
    CHECK(w.wa.cols() == 7);
    CHECK(w.v.rows() == 7);
    CHECK(w.v.cols() == 4);
    CHECK(w.wa(2, 5) == net.wa_t()[5 * 4 + 2]);
    CHECK(w.wb(3, 6) == net.wb_t()[6 * 4 + 3]);
    CHECK(w.v(6, 1) == net.v()[6 * 4 + 1]);
    CHECK(from_matrices<double>(w).params == net.params);
    NetworkWeights<double> bad = w;
    bad.v = Matrix<double>(4, 7);
    CHECK_THROWS_AS(from_matrices<double>(bad), ShapeMismatch);
}

TEST_CASE("pytorch_default_init: n < 2 or q = 0 refused") {
    CHECK_THROWS_AS(pytorch_default_init<float>(1, 4, 1), InvalidInput);
    CHECK_THROWS_AS(pytorch_default_init<float>(5, 0, 1), InvalidInput);
}
