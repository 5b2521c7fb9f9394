// The gradient path's cost model and its resolution: the all-pairs path where q is well below d^2 (d = 71,
// 127 at q = 512), the direct path at d = 23; forcing either; refusing all-pairs where it does not apply.
#include <doctest/doctest.h>

#include "support/error.hpp"
#include "train/gradient_path.hpp"
#include "train/trainer.hpp"

using namespace cogo;
using namespace cogo::train;

TEST_CASE("gradient path names round-trip and bad names are refused") {
    for (GradientPath p : {GradientPath::automatic, GradientPath::direct, GradientPath::all_pairs})
        CHECK(parse_gradient_path(gradient_path_name(p)) == p);
    CHECK_THROWS_AS((void)parse_gradient_path("all_pairs"), InvalidInput);
    CHECK_THROWS_AS((void)parse_gradient_path(""), InvalidInput);
}

TEST_CASE("the cost model picks all-pairs at d = 71 and 127, direct at d = 23 (q = 512, the paper's split)") {
    TrainConfig c;  // the paper's settings
    c.eval_every = 50;
    for (const char* d : {"71", "127"}) {
        c.group = d;
        CHECK(resolve_gradient_path(c) == GradientPath::all_pairs);
    }
    c.group = "23";
    CHECK(resolve_gradient_path(c) == GradientPath::direct);
    c.gradient_path = GradientPath::all_pairs;
    CHECK(resolve_gradient_path(c) == GradientPath::all_pairs);
    c.group = "127";
    c.gradient_path = GradientPath::direct;
    CHECK(resolve_gradient_path(c) == GradientPath::direct);
}

TEST_CASE("all-pairs applies only to quadratic, mse, full batch; automatic then falls back to direct") {
    TrainConfig c;
    c.group = "127";
    c.activation = Activation::relu;
    CHECK(resolve_gradient_path(c) == GradientPath::direct);
    c.gradient_path = GradientPath::all_pairs;
    CHECK_THROWS_AS((void)resolve_gradient_path(c), InvalidInput);
    CHECK_THROWS_AS(validate(c), InvalidInput);
    c.activation = Activation::quadratic;
    c.loss = LossKind::cross_entropy;
    CHECK_THROWS_AS((void)resolve_gradient_path(c), InvalidInput);
    c.loss = LossKind::mse;
    c.batch_size = 256;
    CHECK_THROWS_AS((void)resolve_gradient_path(c), InvalidInput);
    c.gradient_path = GradientPath::automatic;
    CHECK(resolve_gradient_path(c) == GradientPath::direct);
}

TEST_CASE("all-pairs is never chosen (and refused when forced) where its q x q workspaces exceed 2 GiB") {
    TrainConfig c;
    c.group = "1024";
    c.width = 1 << 18;  // six 2^18 x 2^18 float64 matrices: 3 TiB; the cost model alone would pick all-pairs
    CHECK(all_pairs_workspace_bytes(1024, 1 << 18) > kMaxAllPairsBytes);
    CHECK(resolve_gradient_path(c) == GradientPath::direct);
    c.gradient_path = GradientPath::all_pairs;
    CHECK_THROWS_AS((void)resolve_gradient_path(c), InvalidInput);
    CHECK(all_pairs_workspace_bytes(127, 2048) < kMaxAllPairsBytes);
}

TEST_CASE("the model's costs grow with the work") {
    const PathCost small = estimate_path_cost(71, 512, 4537, 504, false, 50);
    const PathCost wide = estimate_path_cost(71, 1024, 4537, 504, false, 50);
    CHECK(wide.all_pairs > small.all_pairs);
    CHECK(wide.direct > small.direct);
    CHECK(estimate_path_cost(71, 512, 4537, 504, true, 50).direct > small.direct);  // float64 is slower
    CHECK(estimate_path_cost(71, 512, 4537, 504, false, 1).all_pairs > small.all_pairs);  // a forward every step
}
