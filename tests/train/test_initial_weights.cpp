// Tests of train/initial_weights.hpp and `cogo train --init`: padding (zero nodes stay zero, noise nodes are
// PyTorch's bounds times the scale), refused shapes and folders, the run identity, and a run started at an
// exact global optimum (z_F6, loss exactly 0 in exact arithmetic) staying at train loss ~0 without weight decay.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyze/fourier_weights.hpp"
#include "cli/cogo_process.hpp"
#include "cli/construct_command.hpp"
#include "construct/global_solutions.hpp"
#include "dynamics/orbit_norm.hpp"
#include "scalar/cyclotomic.hpp"
#include "cli/train_command.hpp"
#include "harness/random.hpp"
#include "io/atomic_file.hpp"
#include "io/npy.hpp"
#include "io/run_directory.hpp"
#include "support/error.hpp"
#include "train/initial_weights.hpp"
#include "train/run_identity.hpp"

using namespace cogo;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-init-" + std::to_string(cogo::testing::test_seed()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

fs::path constructed(const std::string& name, const std::string& d, const std::string& solution) {
    const fs::path dir = fresh_dir(name);
    cli::ConstructOptions o;
    o.selection.group = d;
    o.selection.solution = solution;
    o.out = dir.string();
    std::ostringstream log;
    REQUIRE(cli::run_construct(o, log) == 0);
    return dir;
}

NetworkWeights<double> small_weights() {
    NetworkWeights<double> w{Matrix<double>(2, 5), Matrix<double>(2, 5), Matrix<double>(5, 2)};
    for (std::size_t j = 0; j < 2; ++j)
        for (std::size_t x = 0; x < 5; ++x) w.wa(j, x) = 1 + j + x, w.wb(j, x) = -1.0 * (j + x), w.v(x, j) = 0.5 * (j + 1);
    return w;
}

}  // namespace

TEST_CASE("pad_weights: the given nodes kept, extra nodes zero or PyTorch's bounds times the scale") {
    const NetworkWeights<double> w = small_weights();
    const NetworkWeights<double> zero = train::pad_weights(w, 6, 0.0, 1);
    REQUIRE(zero.wa.rows() == 6);
    REQUIRE(zero.v.cols() == 6);
    for (std::size_t x = 0; x < 5; ++x) {
        CHECK(zero.wa(1, x) == w.wa(1, x));
        CHECK(zero.v(x, 0) == w.v(x, 0));
        for (std::size_t j = 2; j < 6; ++j) CHECK((zero.wa(j, x) == 0 && zero.wb(j, x) == 0 && zero.v(x, j) == 0));
    }
    const double scale = 0.01;
    const NetworkWeights<double> noise = train::pad_weights(w, 6, scale, 1);
    bool some_nonzero = false;
    for (std::size_t j = 2; j < 6; ++j)
        for (std::size_t x = 0; x < 5; ++x) {
            CHECK(std::abs(noise.wa(j, x)) <= scale / std::sqrt(5.0));
            CHECK(std::abs(noise.v(x, j)) <= scale / std::sqrt(6.0));
            some_nonzero |= noise.wa(j, x) != 0;
        }
    CHECK(some_nonzero);
    CHECK(noise.wa(0, 0) == w.wa(0, 0));
    CHECK_THROWS_AS((void)train::pad_weights(w, 1, 0.0, 1), InvalidInput);  // more nodes than the width
    NetworkWeights<double> bad = w;
    bad.v = Matrix<double>(5, 3);
    CHECK_THROWS_AS((void)train::pad_weights(bad, 6, 0.0, 1), InvalidInput);
    CHECK_THROWS_AS((void)train::pad_weights(w, 6, -1.0, 1), InvalidInput);
}

TEST_CASE("load_initial_weights: a construct folder; its group order, completeness and content are checked") {
    const fs::path dir = constructed("f6-7", "7", "F6");  // 3 (d - 1) = 18 nodes
    const AbelianGroup z7 = AbelianGroup::cyclic(7);
    const train::InitialWeights init = train::load_initial_weights(dir.string(), z7, 20, 0.0, 1);
    CHECK(init.loaded_nodes == 18);
    CHECK(init.weights.wa.rows() == 20);
    CHECK(init.sha256.size() == 64);
    CHECK_THROWS_AS((void)train::load_initial_weights(dir.string(), AbelianGroup::cyclic(11), 20, 0.0, 1), InvalidInput);
    CHECK_THROWS_AS((void)train::load_initial_weights(dir.string(), z7, 10, 0.0, 1), InvalidInput);   // too narrow
    CHECK_THROWS_AS((void)train::load_initial_weights((dir / "missing").string(), z7, 20, 0.0, 1), InvalidInput);
    // a group of the same order but another group: Z_9 weights are not Z_3 x Z_3 weights
    const fs::path z9 = constructed("f6-9", "9", "F6");
    CHECK_THROWS_WITH_AS((void)train::load_initial_weights(z9.string(), AbelianGroup::parse("3x3"), 40, 0.0, 1),
                         doctest::Contains("not of"), InvalidInput);
    CHECK(train::load_initial_weights(z9.string(), AbelianGroup::cyclic(9), 40, 0.0, 1).loaded_nodes == 24);
    fs::remove_all(z9);
    // a weights file replaced after the marker was written is refused
    const Matrix<double> wa = as_matrix(read_npy((dir / run_files::wa).string()));
    Matrix<double> changed = wa;
    changed(0, 0) += 1;
    write_file_atomically(dir / run_files::wa, npy_bytes(changed));
    CHECK_THROWS_AS((void)train::load_initial_weights(dir.string(), z7, 20, 0.0, 1), InvalidInput);
    fs::remove_all(dir);
}

TEST_CASE("cogo train --init: identity carries the initial weights; a run at z_F6 without weight decay (SGD) stays at loss ~0") {
    const fs::path source = constructed("f6-src", "7", "F6");
    cli::TrainCommandOptions o;
    o.config.group = "7";
    o.config.width = 24;
    o.config.steps = 5;
    o.config.weight_decay = 0;
    o.config.test_fraction = 0;
    o.config.lr = 1e-2;
    o.optimizer = "sgd";  // Adam would amplify the rounding-level gradient (g / (|g| + eps)) into full steps
    o.precision = "float64";
    o.no_progress = true;
    o.init = source.string();
    const train::TrainConfig c = cli::resolve_config(o);
    REQUIRE(c.init);
    const nlohmann::json id = train::run_identity(c);
    REQUIRE(id.contains("init"));
    CHECK(id.at("init").at("nodes") == 18);
    CHECK(id.at("init").at("pad_scale") == 0.0);
    cli::TrainCommandOptions plain = o;
    plain.init.clear();
    const nlohmann::json plain_id = train::run_identity(cli::resolve_config(plain));
    CHECK_FALSE(plain_id.contains("init"));
    CHECK(train::identity_difference(plain_id, id).find("init") != std::string::npos);
    cli::TrainCommandOptions noisy = o;
    noisy.init_pad_scale = 0.1;
    CHECK(train::identity_difference(train::run_identity(cli::resolve_config(noisy)), id).find("init") != std::string::npos);

    const fs::path out = fresh_dir("f6-run");
    o.out = out.string();
    o.json = true;
    std::ostringstream log;
    REQUIRE(cli::run_train(o, log) == 0);
    const nlohmann::json summary = nlohmann::json::parse(log.str());
    // the exact element has loss 0; its float64 weights give rounding-level loss, and 5 SGD steps keep it there
    CHECK(summary.at("final").at("train_loss").get<double>() < 1e-20);
    CHECK(summary.at("init").at("nodes") == 18);
    // the padded nodes are exactly zero and stay so
    const Matrix<double> wa = as_matrix(read_npy((out / run_files::wa).string()));
    for (std::size_t j = 18; j < 24; ++j)
        for (std::size_t x = 0; x < 7; ++x) CHECK(wa(j, x) == 0.0);
    CHECK(check_run(out).identity.contains("init"));

    cli::TrainCommandOptions pad_only = plain;
    pad_only.init_pad_scale = 0.5;
    CHECK_THROWS_AS((void)cli::resolve_config(pad_only), InvalidInput);
    fs::remove_all(out);
    fs::remove_all(source);
}

TEST_CASE("cogo train --init with --init-scale: refused (exit 2, nothing written), not silently ignored") {
    const fs::path source = constructed("scale-src", "7", "F6");
    cli::TrainCommandOptions o;
    o.config.group = "7";
    o.config.width = 24;
    o.config.steps = 2;
    o.no_progress = true;
    o.init = source.string();
    train::TrainConfig direct = cli::resolve_config(o);  // the default scale is accepted
    CHECK(direct.init_scale == 1.0);
    o.config.init_scale = 0.5;
    CHECK_THROWS_WITH_AS((void)cli::resolve_config(o), doctest::Contains("--init-scale"), InvalidInput);
    // also for callers of the trainer that bypass the command (the Python binding, cogo sweep)
    direct.init_scale = 2.0;
    CHECK_THROWS_AS(train::validate(direct), InvalidInput);
    direct.init_scale = 1.0;
    CHECK_NOTHROW(train::validate(direct));

    const test::TempDir tmp("init-scale");
    const std::string out = tmp / "run";
    const test::CogoRun run = test::run_cogo({"train", "--d", "7", "--width", "24", "--steps", "2", "--no-progress",
                                              "--init", source.string(), "--init-scale", "0.5", "--out", out});
    CHECK(run.code == 2);
    CHECK(run.err.find("--init-scale") != std::string::npos);
    CHECK(run.err.find("--init") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    // the same command without --init-scale trains
    const test::CogoRun plain = test::run_cogo({"train", "--d", "7", "--width", "24", "--steps", "2", "--no-progress",
                                                "--init", source.string(), "--out", out});
    CHECK(plain.code == 0);
    CHECK(fs::exists(fs::path(out) / run_files::marker));
    fs::remove_all(source);
}

TEST_CASE("balance_nodes: same outputs, squared norm = the exact orbit-minimal norm (z_F6 and z_M on Z_7)") {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    for (const Element<Cyclotomic>& z : {f6<Cyclotomic>(g), memorisation<Cyclotomic>(g)}) {
        const NetworkWeights<double> t = analyze::inverse_transform(analyze::dense_fourier(z));
        NetworkWeights<double> w{t.wa, t.wb, t.v};
        // shift every node's rows off balance first (the function is unchanged by the shift gauge)
        for (std::size_t j = 0; j < w.wa.rows(); ++j)
            for (std::size_t x = 0; x < 7; ++x) w.wa(j, x) += 0.3, w.wb(j, x) -= 0.3;
        NetworkWeights<double> b = w;
        train::balance_nodes(b);
        double norm2 = 0;
        for (const Matrix<double>* m : {&b.wa, &b.wb, &b.v})
            for (std::size_t i = 0; i < m->rows(); ++i)
                for (std::size_t j = 0; j < m->cols(); ++j) norm2 += (*m)(i, j) * (*m)(i, j);
        CHECK(norm2 == doctest::Approx(orbit_minimal_norm(z)).epsilon(1e-9));
        // outputs o(x, y)[m] unchanged
        double worst = 0;
        for (std::size_t x = 0; x < 7; ++x)
            for (std::size_t y = 0; y < 7; ++y)
                for (std::size_t m = 0; m < 7; ++m) {
                    double o1 = 0, o2 = 0;
                    for (std::size_t j = 0; j < w.wa.rows(); ++j) {
                        const double h1 = w.wa(j, x) + w.wb(j, y), h2 = b.wa(j, x) + b.wb(j, y);
                        o1 += w.v(m, j) * h1 * h1;
                        o2 += b.v(m, j) * h2 * h2;
                    }
                    worst = std::max(worst, std::abs(o1 - o2));
                }
        CHECK(worst < 1e-12);
    }
    // a zero node stays zero
    NetworkWeights<double> zero{Matrix<double>(1, 5), Matrix<double>(1, 5), Matrix<double>(5, 1)};
    train::balance_nodes(zero);
    CHECK(zero.wa(0, 0) == 0.0);
}
