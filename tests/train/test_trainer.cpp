// The training loop: seeds reproduce bit-identical runs (also across thread counts), checkpoints hand out
// the weights after their step, step 0 is the initial network, a short run on Z_11 learns the task, bad
// configurations are refused.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "support/error.hpp"
#include "train/dataset.hpp"
#include "train/trainer.hpp"

using cogo::InvalidInput;
using namespace cogo::train;

namespace {

TrainConfig small(const std::string& group, std::size_t steps) {
    TrainConfig c;
    c.group = group;
    c.width = 24;
    c.steps = steps;
    c.seed = 5;
    return c;
}

bool same_weights(const WeightMatrices& a, const WeightMatrices& b) {
    return a.wa.values() == b.wa.values() && a.wb.values() == b.wb.values() && a.v.values() == b.v.values();
}

}  // namespace

TEST_CASE("train: the same seed gives bit-identical weights and metrics, for 1 and 2 threads, float32 and float64") {
    for (Precision precision : {Precision::float32, Precision::float64}) {
        TrainConfig c = small("13", 30);
        c.precision = precision;
        const TrainResult a = train(c);
        const TrainResult b = train(c);
        c.threads = 2;
        const TrainResult two = train(c);
        CHECK(same_weights(a.weights, b.weights));
        CHECK(same_weights(a.weights, two.weights));
        REQUIRE(a.metrics.size() == two.metrics.size());
        for (std::size_t i = 0; i < a.metrics.size(); ++i) {
            CHECK(a.metrics[i].train_loss == two.metrics[i].train_loss);
            CHECK(a.metrics[i].test_loss == two.metrics[i].test_loss);
        }
        c.seed = 6;
        CHECK_FALSE(same_weights(a.weights, train(c).weights));
    }
}

TEST_CASE("train: metrics rows at step 0, every eval_every steps and the last; step 0 is the initial network") {
    TrainConfig c = small("7", 10);
    c.eval_every = 4;
    const TrainResult r = train(c);
    REQUIRE(r.metrics.size() == 4);
    CHECK(r.metrics[0].step == 0);
    CHECK(r.metrics[1].step == 4);
    CHECK(r.metrics[2].step == 8);
    CHECK(r.metrics[3].step == 10);
    CHECK(r.step_seconds.size() == 10);
    CHECK(r.train_size + r.test_size == 49);
    CHECK(r.test_size == 4);
    // zero steps: the weights are PyTorch's default init and the loss is theirs
    TrainConfig zero = small("7", 0);
    const TrainResult z = train(zero);
    REQUIRE(z.metrics.size() == 1);
    const Network<float> init = pytorch_default_init<float>(7, 24, 5);
    CHECK(same_weights(z.weights, to_matrices(init)));
    CHECK(r.metrics[0].train_loss == z.metrics[0].train_loss);
    CHECK(r.metrics[3].train_loss < r.metrics[0].train_loss);
}

TEST_CASE("train: a checkpoint at step s holds the final weights of an s-step run") {
    TrainConfig c = small("11", 12);
    c.checkpoints = {0, 5, 12};
    std::map<std::size_t, WeightMatrices> seen;
    TrainHooks hooks;
    hooks.checkpoint = [&](std::size_t step, const WeightMatrices& w) { seen[step] = w; };
    std::size_t progress_calls = 0;
    hooks.progress = [&](std::size_t done, std::size_t total, const MetricsRow&) {
        CHECK(done == ++progress_calls);
        CHECK(total == 12);
    };
    const TrainResult full = train(c, hooks);
    CHECK(progress_calls == 12);
    REQUIRE(seen.size() == 3);
    CHECK(same_weights(seen[12], full.weights));
    TrainConfig five = c;
    five.steps = 5;
    five.checkpoints = {};
    CHECK(same_weights(seen[5], train(five).weights));
    five.steps = 0;
    CHECK(same_weights(seen[0], train(five).weights));
}

TEST_CASE("train: the paper's net on Z_23 (q = 512, Adam lr 0.01, wd 1e-4) learns the task within 300 steps") {
    TrainConfig c;
    c.group = "23";
    c.weight_decay = 1e-4;
    c.steps = 300;
    c.seed = 1;
    c.threads = 2;
    const TrainResult r = train(c);
    const MetricsRow& last = r.metrics.back();
    CHECK(r.test_size == 52);
    CHECK(last.train_accuracy == 1.0);
    CHECK(last.test_accuracy == 1.0);
    CHECK(last.train_loss < 1e-3);
    CHECK(r.metrics.front().test_accuracy < 0.2);  // not learnt at the start
}

TEST_CASE("train: also a product group, SGD, cross-entropy and ReLU run and lower the loss") {
    TrainConfig c = small("2x4", 40);
    c.optimizer = OptimizerKind::sgd;
    c.lr = 0.05;
    c.loss = LossKind::cross_entropy;
    c.activation = Activation::relu;
    const TrainResult r = train(c);
    CHECK(r.metrics.back().train_loss < r.metrics.front().train_loss);
}

TEST_CASE("train: bad configurations are refused with InvalidInput") {
    auto refused = [](auto change) {
        TrainConfig c = small("7", 3);
        change(c);
        CHECK_THROWS_AS(train(c), InvalidInput);
    };
    refused([](TrainConfig& c) { c.group = "1"; });
    refused([](TrainConfig& c) { c.group = "0"; });
    refused([](TrainConfig& c) { c.group = "abc"; });
    refused([](TrainConfig& c) { c.group = "100000"; });  // 10^10 pairs
    refused([](TrainConfig& c) { c.width = 0; });
    refused([](TrainConfig& c) { c.width = static_cast<std::size_t>(-2); });  // a wrapped negative number
    refused([](TrainConfig& c) { c.lr = 0; });
    refused([](TrainConfig& c) { c.lr = -0.1; });
    refused([](TrainConfig& c) { c.lr = NAN; });
    refused([](TrainConfig& c) { c.weight_decay = -1; });
    refused([](TrainConfig& c) { c.test_fraction = 1.0; });
    refused([](TrainConfig& c) { c.test_fraction = -0.5; });
    refused([](TrainConfig& c) { c.threads = 0; });
    refused([](TrainConfig& c) { c.eval_every = 0; });
    refused([](TrainConfig& c) { c.checkpoints = {4}; });
}

TEST_CASE("median") {
    CHECK(median({}) == 0);
    CHECK(median({3, 1, 2}) == 2);
    CHECK(median({4, 1, 3, 2}) == 2.5);
}
