// The trainer's objective: the loss equals the exact direct loss of the algebra core on the same weights
// (the float weights converted exactly to rationals), gradients match central finite differences in
// float64, the zero network has loss (n-1)/n, and results do not depend on the thread count.
#include <doctest/doctest.h>

#include <gmp.h>

#include <cmath>
#include <cstring>
#include <string>

#include "algebra/direct_loss.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/error.hpp"
#include "train/objective.hpp"

using namespace cogo;
using namespace cogo::train;

namespace {

/// The exact rational value of a double (every double is a dyadic rational).
Cyclotomic exact(double v) {
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, v);
    char* text = mpq_get_str(nullptr, 10, q);
    const Cyclotomic result = Cyclotomic::rational(std::string(text));
    void (*free_fn)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &free_fn);
    free_fn(text, std::strlen(text) + 1);
    mpq_clear(q);
    return result;
}

template <class T>
NetworkWeights<Cyclotomic> exact_weights(const Network<T>& net) {
    const std::size_t n = net.n, q = net.q;
    NetworkWeights<Cyclotomic> w{Matrix<Cyclotomic>(q, n), Matrix<Cyclotomic>(q, n), Matrix<Cyclotomic>(n, q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            w.wa(j, x) = exact(double(net.wa_t()[x * q + j]));
            w.wb(j, x) = exact(double(net.wb_t()[x * q + j]));
            w.v(x, j) = exact(double(net.v()[x * q + j]));
        }
    return w;
}

}  // namespace

TEST_CASE("objective (mse, quadratic, all pairs) = exact direct loss of the algebra core, Z_5, Z_7, Z_2 x Z_3") {
    for (const char* spec : {"5", "7", "2x3"}) {
        CAPTURE(spec);
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 4;
        ThreadPool pool(2);
        const Network<double> net = pytorch_default_init<double>(n, q, 11);
        Objective<double> all(n, q, all_pairs(g), LossKind::mse, Activation::quadratic);
        const double trainer_loss = all.evaluate(net, pool).loss;
        const Cyclotomic exact_loss = direct_loss(g, exact_weights(net));
        REQUIRE(exact_loss.is_rational());
        const double reference = exact_loss.to_complex().real();
        CHECK(reference > 0.1);
        CHECK(std::abs(trainer_loss - reference) <= 1e-12 * reference);
        // float32 on the same (float-rounded) weights: exact loss of those weights, to float accuracy.
        Network<float> netf(n, q);
        for (std::size_t i = 0; i < net.params.size(); ++i) netf.params[i] = static_cast<float>(net.params[i]);
        Objective<float> allf(n, q, all_pairs(g), LossKind::mse, Activation::quadratic);
        const double exact_f = direct_loss(g, exact_weights(netf)).to_complex().real();
        CHECK(std::abs(allf.evaluate(netf, pool).loss - exact_f) <= 1e-5 * exact_f);
    }
}

TEST_CASE("objective: the zero network has loss (n-1)/n (mse) and log n (cross-entropy)") {
    const AbelianGroup g = AbelianGroup::cyclic(11);
    ThreadPool pool(1);
    const Network<double> zero(11, 3);
    Objective<double> mse(11, 3, all_pairs(g), LossKind::mse, Activation::quadratic);
    Objective<double> ce(11, 3, all_pairs(g), LossKind::cross_entropy, Activation::quadratic);
    CHECK(std::abs(mse.evaluate(zero, pool).loss - 10.0 / 11.0) < 1e-14);
    CHECK(std::abs(ce.evaluate(zero, pool).loss - std::log(11.0)) < 1e-14);
}

TEST_CASE("objective: accuracy counts argmax = x + y (a hand-made perfect network)") {
    // Z_3 with one-hot-ish features: node j = (x, y) memorises pair (x, y): W_a[j,x] = 1, W_b[j,y] = 1,
    // h = 4 exactly for the own pair, <= 1 otherwise; V[m, j] = 1 for m = x + y.
    const AbelianGroup g = AbelianGroup::cyclic(3);
    Network<double> net(3, 9);
    for (std::size_t x = 0; x < 3; ++x)
        for (std::size_t y = 0; y < 3; ++y) {
            const std::size_t j = 3 * x + y;
            net.wa_t()[x * 9 + j] = 1;
            net.wb_t()[y * 9 + j] = 1;
            net.v()[((x + y) % 3) * 9 + j] = 1;
        }
    ThreadPool pool(1);
    Objective<double> all(3, 9, all_pairs(g), LossKind::mse, Activation::quadratic);
    const Evaluation e = all.evaluate(net, pool);
    CHECK(e.count == 9);
    CHECK(e.correct == 9);
    CHECK(e.accuracy() == 1.0);
    net.v()[0 * 9 + 0] = -100;  // pair (0, 0) now predicts wrongly
    CHECK(all.evaluate(net, pool).correct == 8);
}

TEST_CASE("objective: gradient = central finite differences (float64), every loss and activation, a subset") {
    for (const char* spec : {"7", "2x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::size_t n = g.order(), q = 5;
        const Split split = split_pairs(g, 0.3, 5);
        for (LossKind loss : {LossKind::mse, LossKind::cross_entropy})
            for (Activation act : {Activation::quadratic, Activation::relu}) {
                CAPTURE(spec);
                CAPTURE(int(loss));
                CAPTURE(int(act));
                ThreadPool pool(2);
                Network<double> net = pytorch_default_init<double>(n, q, 21);
                for (double& p : net.params) p *= 3;  // larger outputs: non-trivial softmax and residuals
                Objective<double> obj(n, q, split.train, loss, act);
                Network<double> grad;
                obj.evaluate(net, grad, pool);
                REQUIRE(grad.params.size() == net.params.size());
                double max_grad = 0;
                for (double v : grad.params) max_grad = std::max(max_grad, std::abs(v));
                CHECK(max_grad > 1e-3);
                const double h = 1e-6;
                for (std::size_t i = 0; i < net.params.size(); ++i) {
                    const double saved = net.params[i];
                    net.params[i] = saved + h;
                    const double up = obj.evaluate(net, pool).loss;
                    net.params[i] = saved - h;
                    const double down = obj.evaluate(net, pool).loss;
                    net.params[i] = saved;
                    const double fd = (up - down) / (2 * h);
                    CAPTURE(i);
                    CHECK(std::abs(fd - grad.params[i]) <= 1e-6 * std::max(1.0, std::abs(fd)));
                }
            }
    }
}

TEST_CASE("objective: bit-identical for 1, 2 and 3 threads (float32, many slots)") {
    const AbelianGroup g = AbelianGroup::cyclic(61);  // 3721 pairs: several slots and blocks
    const Split split = split_pairs(g, 0.1, 2);
    const Network<float> net = pytorch_default_init<float>(61, 40, 4);
    Network<float> reference_grad;
    double reference_loss = 0;
    for (unsigned threads : {1u, 2u, 3u}) {
        ThreadPool pool(threads);
        Objective<float> obj(61, 40, split.train, LossKind::mse, Activation::quadratic);
        Network<float> grad;
        const double loss = obj.evaluate(net, grad, pool).loss;
        if (threads == 1) {
            reference_grad = grad;
            reference_loss = loss;
        } else {
            CHECK(loss == reference_loss);
            CHECK(grad.params == reference_grad.params);
        }
    }
}

TEST_CASE("objective: shapes and sample ranges are checked") {
    CHECK_THROWS_AS(Objective<float>(5, 3, {{5, 0, 0}}, LossKind::mse, Activation::quadratic), InvalidInput);
    CHECK_THROWS_AS(Objective<float>(1, 3, {}, LossKind::mse, Activation::quadratic), InvalidInput);
    Objective<float> obj(5, 3, {{1, 2, 3}}, LossKind::mse, Activation::quadratic);
    ThreadPool pool(1);
    CHECK_THROWS_AS(obj.evaluate(Network<float>(5, 4), pool), ShapeMismatch);
    // an empty sample set evaluates to loss 0, accuracy 0
    Objective<float> empty(5, 3, {}, LossKind::mse, Activation::quadratic);
    CHECK(empty.evaluate(Network<float>(5, 3), pool).count == 0);
}
