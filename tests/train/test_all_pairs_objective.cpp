// The all-pairs objective (closed-form sums over all n^2 pairs minus the held-out pairs) against the
// direct per-pair path on the train pairs: loss and gradient equal to float rounding, in float64 and
// float32, for Z_d and product groups, with and without a held-out split.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "support/error.hpp"
#include "train/all_pairs_objective.hpp"
#include "train/objective.hpp"

using namespace cogo;
using namespace cogo::train;

namespace {

/// The largest |x_i - y_i| over the largest |y_i|.
double relative_max_difference(const std::vector<double>& x, const std::vector<double>& y) {
    double diff = 0, scale = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        diff = std::max(diff, std::abs(x[i] - y[i]));
        scale = std::max(scale, std::abs(y[i]));
    }
    return diff / scale;
}

template <class T>
std::vector<double> as_doubles(const Network<T>& net) {
    return std::vector<double>(net.params.begin(), net.params.end());
}

/// A network with every weight perturbed away from PyTorch's init (non-centred V, larger weights), so
/// that no term of the closed form vanishes by accident.
template <class T>
Network<T> test_network(std::size_t n, std::size_t q, std::uint64_t seed) {
    Network<T> net = pytorch_default_init<T>(n, q, seed);
    for (std::size_t i = 0; i < net.params.size(); ++i)
        net.params[i] = static_cast<T>(1.7 * static_cast<double>(net.params[i]) + 0.05 * std::sin(0.37 * double(i)));
    return net;
}

}  // namespace

TEST_CASE("all-pairs sums = direct sums over every pair (float64; Z_7, Z_2 x Z_4, Z_3 x Z_3)") {
    ThreadPool pool(2);
    for (const char* spec : {"7", "2x4", "3x3"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 6;
        const Network<double> net = test_network<double>(n, q, 3);
        AllPairsObjective<double> algebra(g, q, {});
        const AllPairsSums sums = algebra.all_pairs(net, pool);
        Objective<double> direct(n, q, all_pairs(g), LossKind::mse, Activation::quadratic);
        Network<double> grad(n, q);
        const Evaluation e = direct.evaluate(net, grad, pool);
        const double total = static_cast<double>(n * n);
        CHECK(sums.loss == doctest::Approx(e.loss * total).epsilon(1e-12));
        std::vector<double> expected = as_doubles(grad);
        for (double& v : expected) v *= total;
        CHECK(relative_max_difference(sums.gradient, expected) < 1e-12);
    }
}

TEST_CASE("all-pairs objective minus held-out pairs = direct objective on the train pairs (float64)") {
    ThreadPool pool(1);
    for (const char* spec : {"11", "2x6"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 9;
        const Split split = split_pairs(g, 0.3, 5);
        REQUIRE(!split.test.empty());
        const Network<double> net = test_network<double>(n, q, 8);
        AllPairsObjective<double> algebra(g, q, split.test);
        CHECK(algebra.train_size() == split.train.size());
        Network<double> g_alg(n, q), g_dir(n, q);
        const Evaluation a = algebra.loss_and_gradient(net, g_alg, pool);
        Objective<double> direct(n, q, split.train, LossKind::mse, Activation::quadratic);
        const Evaluation d = direct.evaluate(net, g_dir, pool);
        CHECK(a.count == d.count);
        CHECK(a.loss == doctest::Approx(d.loss).epsilon(1e-11));
        CHECK(relative_max_difference(as_doubles(g_alg), as_doubles(g_dir)) < 1e-11);
    }
}

TEST_CASE("all-pairs objective in float32 is as close to the float64 truth as the direct float32 path") {
    ThreadPool pool(2);
    for (const char* spec : {"23", "4x5"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 32;
        const Split split = split_pairs(g, 0.1, 2);
        const Network<float> net32 = test_network<float>(n, q, 4);
        Network<double> net64(n, q);
        std::copy(net32.params.begin(), net32.params.end(), net64.params.begin());  // the same weights exactly
        Objective<double> truth(n, q, split.train, LossKind::mse, Activation::quadratic);
        Network<double> g_true(n, q);
        const double loss_true = truth.evaluate(net64, g_true, pool).loss;

        AllPairsObjective<float> algebra(g, q, split.test);
        Network<float> g_alg(n, q);
        const double loss_alg = algebra.loss_and_gradient(net32, g_alg, pool).loss;
        Objective<float> direct(n, q, split.train, LossKind::mse, Activation::quadratic);
        Network<float> g_dir(n, q);
        const double loss_dir = direct.evaluate(net32, g_dir, pool).loss;

        const double err_alg = relative_max_difference(as_doubles(g_alg), as_doubles(g_true));
        const double err_dir = relative_max_difference(as_doubles(g_dir), as_doubles(g_true));
        CAPTURE(err_alg);
        CAPTURE(err_dir);
        CHECK(err_alg < 1e-5);  // float rounding of a gradient computed in float64, plus the held-out part in float32
        CHECK(err_dir < 1e-4);
        CHECK(loss_alg == doctest::Approx(loss_true).epsilon(1e-5));
        CHECK(loss_dir == doctest::Approx(loss_true).epsilon(1e-4));
    }
}

TEST_CASE("all-pairs objective refuses bad held-out sets and shapes") {
    const AbelianGroup g = AbelianGroup::parse("5");
    CHECK_THROWS_AS(AllPairsObjective<double>(g, 0, {}), InvalidInput);
    CHECK_THROWS_AS(AllPairsObjective<double>(g, 3, {Pair{1, 2, 4}}), InvalidInput);             // 1 + 2 != 4
    CHECK_THROWS_AS(AllPairsObjective<double>(g, 3, {Pair{1, 2, 3}, Pair{1, 2, 3}}), InvalidInput);  // twice
    CHECK_THROWS_AS(AllPairsObjective<double>(g, 3, all_pairs(g)), InvalidInput);                 // nothing left
    AllPairsObjective<double> ok(g, 3, {Pair{1, 2, 3}});
    ThreadPool pool(1);
    Network<double> wrong(5, 4), grad(5, 4);
    CHECK_THROWS_AS((void)ok.loss_and_gradient(wrong, grad, pool), ShapeMismatch);
}
