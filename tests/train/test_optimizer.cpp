// Adam and SGD with PyTorch semantics: literal hand-computed numbers, and two Adam steps with weight decay
// on a tiny network (Z_2, q = 1) whose gradient is written out by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "support/error.hpp"
#include "train/objective.hpp"
#include "train/optimizer.hpp"

using namespace cogo;
using namespace cogo::train;

TEST_CASE("Adam, first step by hand: p = 1, grad = 0.5, wd = 0.1, lr = 0.01") {
    // g = 0.5 + 0.1 = 0.6; m = 0.06, v = 0.00036; step size lr/(1-0.9) = 0.1; denom = sqrt(v)/sqrt(0.001) + eps
    // = 0.6 + 1e-8; p = 1 - 0.1 * 0.06 / (0.6 + 1e-8) = 0.99000000016666666...
    std::vector<double> p{1.0}, g{0.5};
    Adam<double> adam(1, AdamConfig{0.01, 0.9, 0.999, 1e-8, 0.1});
    adam.step(p, g);
    CHECK(std::abs(p[0] - 0.990000000166666664) < 1e-16);
    CHECK(adam.steps() == 1);
    // Second step, grad = -0.2: g = -0.2 + 0.1 * p; m = 0.9 m + 0.1 g; v = 0.999 v + 0.001 g^2; bias
    // corrections 1 - 0.81 = 0.19 and 1 - 0.998001 = 0.001999.
    const double p1 = p[0], g2 = -0.2 + 0.1 * p1;
    const double m2 = 0.9 * 0.06 + 0.1 * g2, v2 = 0.999 * 0.00036 + 0.001 * g2 * g2;
    const double expected = p1 - (0.01 / 0.19) * m2 / (std::sqrt(v2) / std::sqrt(0.001999) + 1e-8);
    g[0] = -0.2;
    adam.step(p, g);
    CHECK(std::abs(p[0] - expected) < 1e-15);
}

TEST_CASE("AdamW (decoupled weight decay, torch.optim.AdamW), two steps by hand: p = 1, grad 0.5 then -0.2, wd 0.1") {
    // torch.optim.AdamW: p *= 1 - lr wd, then the Adam step with the bare gradient.
    // Step 1: p = 1 - 0.001 = 0.999; m = 0.05, v = 0.00025; step size 0.1, denom = 0.5 + 1e-8;
    // p = 0.999 - 0.1 * 0.05 / (0.5 + 1e-8).
    std::vector<double> p{1.0}, g{0.5};
    Adam<double> adamw(1, AdamConfig{0.01, 0.9, 0.999, 1e-8, 0.1, true});
    adamw.step(p, g);
    const double p1 = 0.999 - 0.1 * 0.05 / (0.5 + 1e-8);
    CHECK(std::abs(p[0] - p1) < 1e-16);
    // Step 2: p = p1 (1 - 0.001); m = 0.9 * 0.05 + 0.1 * (-0.2); v = 0.999 * 0.00025 + 0.001 * 0.04.
    const double m2 = 0.045 - 0.02, v2 = 0.999 * 0.00025 + 0.001 * 0.04;
    const double p2 = p1 * 0.999 - (0.01 / 0.19) * m2 / (std::sqrt(v2) / std::sqrt(0.001999) + 1e-8);
    g[0] = -0.2;
    adamw.step(p, g);
    CHECK(std::abs(p[0] - p2) < 1e-15);
    // With wd = 0 AdamW is Adam, bit for bit.
    std::vector<double> q1{0.3, -2.0}, q2{0.3, -2.0}, grad{0.25, 0.125};
    Adam<double> plain(2, AdamConfig{0.01, 0.9, 0.999, 1e-8, 0.0}), decoupled(2, AdamConfig{0.01, 0.9, 0.999, 1e-8, 0.0, true});
    plain.step(q1, grad);
    decoupled.step(q2, grad);
    CHECK(q1 == q2);
}

TEST_CASE("AdamW in float32 rounds the decay factor 1 - lr wd to float, as PyTorch does for a float tensor") {
    std::vector<float> p{1.5f}, g{0.0f};
    Adam<float> adamw(1, AdamConfig{0.1, 0.9, 0.999, 1e-8, 0.3, true});
    adamw.step(p, g);  // zero gradient: m = v = 0, the Adam part moves nothing
    CHECK(p[0] == 1.5f * static_cast<float>(1.0 - 0.1 * 0.3));
}

TEST_CASE("Adam: two steps with weight decay on a tiny net (Z_2, q = 1) match a hand-computed gradient and update") {
    // Z_2, one node, all four pairs. With D = v0 - v1, h = (a_x + b_y)^2, s = +1 for class 0 and -1 for
    // class 1, the loss is L = (1/8) sum_{x,y} (D h - s)^2 (P projects onto the difference of the two
    // outputs), so with u = D h - s:
    //   dL/dv0 = -dL/dv1 = (1/4) sum u h,  dL/da_x = (1/4) sum_y u D 2(a_x + b_y),  dL/db_y likewise over x.
    const AbelianGroup g = AbelianGroup::cyclic(2);
    Network<double> net(2, 1);
    double a[2] = {0.3, -0.7}, b[2] = {0.5, 0.2}, v[2] = {0.4, -0.1};
    for (int i = 0; i < 2; ++i) net.wa_t()[i] = a[i], net.wb_t()[i] = b[i], net.v()[i] = v[i];
    const double lr = 0.01, wd = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    Objective<double> obj(2, 1, all_pairs(g), LossKind::mse, Activation::quadratic);
    Adam<double> adam(net.params.size(), AdamConfig{lr, beta1, beta2, eps, wd});
    ThreadPool pool(1);
    double m[6] = {}, s2[6] = {};
    const double initial_loss = obj.evaluate(net, pool).loss;
    for (int t = 1; t <= 2; ++t) {
        // hand gradient, parameter order [a0 a1 b0 b1 v0 v1] as in Network::params
        double grad[6] = {};
        const double D = v[0] - v[1];
        double loss = 0;
        for (int x = 0; x < 2; ++x)
            for (int y = 0; y < 2; ++y) {
                const double pre = a[x] + b[y], h = pre * pre, s = (x + y) % 2 == 0 ? 1 : -1, u = D * h - s;
                loss += u * u / 8;
                grad[4] += u * h / 4;
                grad[5] -= u * h / 4;
                grad[x] += u * D * 2 * pre / 4;
                grad[2 + y] += u * D * 2 * pre / 4;
            }
        Network<double> computed;
        const Evaluation e = obj.evaluate(net, computed, pool);
        CHECK(std::abs(e.loss - loss) < 1e-15);
        for (int i = 0; i < 6; ++i) CHECK(std::abs(computed.params[i] - grad[i]) < 1e-15);
        // hand Adam update (the textbook form: lr * mhat / (sqrt(vhat) + eps), equal to PyTorch's)
        double* p[6] = {&a[0], &a[1], &b[0], &b[1], &v[0], &v[1]};
        for (int i = 0; i < 6; ++i) {
            const double gi = grad[i] + wd * *p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            s2[i] = beta2 * s2[i] + (1 - beta2) * gi * gi;
            const double mhat = m[i] / (1 - std::pow(beta1, t)), vhat = s2[i] / (1 - std::pow(beta2, t));
            *p[i] -= lr * mhat / (std::sqrt(vhat) + eps);
        }
        adam.step(net.params, computed.params);
        for (int i = 0; i < 6; ++i) CHECK(std::abs(net.params[i] - *p[i]) < 1e-15);
    }
    // two normalised steps of about lr each, downhill
    CHECK(std::abs(net.params[0] - 0.3) > 0.015);
    CHECK(std::abs(net.params[0] - 0.3) < 0.025);
    CHECK(obj.evaluate(net, pool).loss < initial_loss);
}

TEST_CASE("SGD with momentum and weight decay, two steps by hand") {
    // b1 = g1 = 0.5 + 0.1 * 1 = 0.6, p1 = 1 - 0.1 * 0.6 = 0.94; g2 = -0.2 + 0.1 * 0.94 = -0.106,
    // b2 = 0.9 * 0.6 - 0.106 = 0.434, p2 = 0.94 - 0.0434 = 0.8966.
    std::vector<double> p{1.0};
    Sgd<double> sgd(1, SgdConfig{0.1, 0.9, 0.0, 0.1});
    std::vector<double> g{0.5};
    sgd.step(p, g);
    CHECK(std::abs(p[0] - 0.94) < 1e-15);
    g[0] = -0.2;
    sgd.step(p, g);
    CHECK(std::abs(p[0] - 0.8966) < 1e-15);
    // plain SGD
    std::vector<double> q{2.0};
    Sgd<double> plain(1, SgdConfig{0.5, 0.0, 0.0, 0.0});
    plain.step(q, std::vector<double>{1.0});
    CHECK(q[0] == 1.5);
}

TEST_CASE("optimizers: bad hyper-parameters and sizes refused") {
    CHECK_THROWS_AS(Adam<float>(3, AdamConfig{0.0}), InvalidInput);
    CHECK_THROWS_AS(Adam<float>(3, AdamConfig{-1.0}), InvalidInput);
    CHECK_THROWS_AS(Adam<float>(3, AdamConfig{0.1, 0.9, 0.999, 1e-8, -1}), InvalidInput);
    CHECK_THROWS_AS(Adam<float>(3, AdamConfig{0.1, 1.0}), InvalidInput);
    CHECK_THROWS_AS(Sgd<float>(3, SgdConfig{0.1, 1.5}), InvalidInput);
    Adam<float> adam(3, AdamConfig{0.1});
    std::vector<float> p(2), g(3);
    CHECK_THROWS_AS(adam.step(p, g), ShapeMismatch);
}
