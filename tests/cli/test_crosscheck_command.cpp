// `cogo crosscheck`: JSON fields on an exported construction; bad input (missing, truncated, non-.npy files,
// wrong shapes, NaN/Inf, mismatched n, wrong --group) throws InvalidInput (exit 2) and writes nothing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/construct_command.hpp"
#include "cli/crosscheck_command.hpp"
#include "harness/files.hpp"
#include "io/atomic_file.hpp"
#include "io/npy.hpp"
#include "harness/random.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-crosscheck-" + std::to_string(cogo::testing::test_seed()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

fs::path export_construction(const std::string& d, const std::string& solution) {
    cli::ConstructOptions options;
    options.selection.group = d;
    options.selection.solution = solution;
    options.out = fresh_dir("src-" + solution + d).string();
    std::ostringstream log;
    REQUIRE(cli::run_construct(options, log) == 0);
    return options.out;
}

}  // namespace

TEST_CASE("crosscheck --json on exported F46 (d = 11): every block classified and verified, loss 0") {
    const fs::path dir = export_construction("11", "F46");
    cli::CrosscheckCommandOptions o;
    o.dir = dir.string();
    o.json = true;
    const fs::path rounded_dir = fresh_dir("rounded");
    fs::create_directories(rounded_dir);
    o.rounded = (rounded_dir / "rounded.json").string();
    std::ostringstream out;
    CHECK(cli::run_crosscheck(o, out) == 0);
    const nlohmann::json j = nlohmann::json::parse(out.str());
    CHECK(j["d"] == 11);
    REQUIRE(j["blocks"].size() == 5);
    std::size_t order6 = 0;
    for (const auto& b : j["blocks"]) {
        CHECK(b.contains("k"));
        CHECK(b.contains("params"));
        CHECK(b.contains("residual"));
        CHECK(b["verified"] == true);
        if (b["order"] == 6) {
            ++order6;
            CHECK(b["family"] == "z_nu*z_syn");
            CHECK(b["params"]["nu"] == "0");  // default nu = 1/3 turn, canonically 0
        } else {
            CHECK(b["order"] == 4);
            CHECK(b["family"] == "z_nui*z_xi");
            CHECK(b["params"]["xi"] == "1/8");
            CHECK(b["bias_cancelled_by"].size() == 1);
        }
    }
    CHECK(order6 == 1);
    CHECK(j["summary"]["blocks"] == 5);
    CHECK(j["summary"]["classified"] == 5);
    CHECK(j["summary"]["verified"] == 5);
    CHECK(j["summary"]["share_verified"] == 1.0);
    CHECK(j["summary"]["exact_loss"] == "0");
    CHECK(fs::exists(o.rounded));
    // the SVG, written with the rounded network
    o.json = false;
    o.svg = (rounded_dir / "spectrum.svg").string();
    std::ostringstream text;
    CHECK(cli::run_crosscheck(o, text) == 0);
    CHECK(text.str().find("5 proved (100.0%)") != std::string::npos);
    CHECK(text.str().find("network: PROVED") != std::string::npos);
    CHECK(text.str().find("-1.00e+00") == std::string::npos);  // missing values print as "-"
    const std::string svg = read_file(o.svg);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("k = 1, order 6, z_nu*z_syn (verified)") != std::string::npos);
}

TEST_CASE("crosscheck: bad input is InvalidInput and writes nothing") {
    const fs::path good = export_construction("7", "F6");
    const fs::path rounded_dir = fresh_dir("bad-rounded");
    fs::create_directories(rounded_dir);
    const fs::path rounded = rounded_dir / "rounded.json";
    auto run_on = [&](const fs::path& dir, const std::string& group = "") {
        cli::CrosscheckCommandOptions o;
        o.dir = dir.string();
        o.group = group;
        o.rounded = rounded.string();
        o.svg = (rounded_dir / "spectrum.svg").string();
        std::ostringstream out;
        CHECK_THROWS_AS(cli::run_crosscheck(o, out), InvalidInput);
        CHECK(out.str().empty());
        CHECK_FALSE(fs::exists(rounded));
        CHECK_FALSE(fs::exists(rounded_dir / "spectrum.svg"));
    };
    auto variant = [&](const std::string& name, const std::string& file, const std::string& bytes) {
        const fs::path dir = fresh_dir(name);
        fs::create_directories(dir);
        for (const char* f : {cli::kWaFile, cli::kWbFile, cli::kVFile}) fs::copy_file(good / f, dir / f);
        if (bytes.empty()) fs::remove(dir / file);
        else write_file_atomically(dir / file, bytes);
        return dir;
    };
    const std::string wa = read_file(good / cli::kWaFile);
    const Matrix<double> v = as_matrix(read_npy((good / cli::kVFile).string()));
    Matrix<double> v_nan = v;
    v_nan(3, 2) = std::nan("");
    Matrix<double> v_inf = v;
    v_inf(0, 0) = INFINITY;
    Matrix<double> wrong(v.rows() + 1, v.cols(), 0.5);  // V with n + 1 rows: mismatched n
    Matrix<double> wrong_q(v.rows(), v.cols() + 2, 0.5);  // V with q + 2 columns
    run_on(fresh_dir("does-not-exist"));
    run_on(variant("missing", cli::kWbFile, ""));
    run_on(variant("truncated", cli::kWaFile, wa.substr(0, wa.size() - 9)));
    run_on(variant("not-npy", cli::kWaFile, "this is not a numpy file at all\n"));
    run_on(variant("nan", cli::kVFile, npy_bytes(v_nan)));
    run_on(variant("inf", cli::kVFile, npy_bytes(v_inf)));
    run_on(variant("mismatched-n", cli::kVFile, npy_bytes(wrong)));
    run_on(variant("wrong-q", cli::kVFile, npy_bytes(wrong_q)));
    run_on(good, "9");  // --group of another order
}

TEST_CASE("without --group the group named by DIR/summary.json is used (a product group is not Z_n)") {
    const fs::path dir = export_construction("3x3", "F6");
    cli::CrosscheckCommandOptions options;
    options.dir = dir.string();
    options.json = true;
    // construct names its group in its own summary.json: read as Z_3 x Z_3 without --group
    std::ostringstream as_written;
    CHECK(cli::run_crosscheck(options, as_written) == 0);
    CHECK(nlohmann::json::parse(as_written.str()).at("group") == "3x3");
    fs::remove(dir / "summary.json");
    // no record of the group either: read as Z_9, whose characters differ, so the rounded network is not the construction
    fs::rename(dir / cli::kFourierFile, dir / "fourier.json.away");
    std::ostringstream as_cyclic;
    const int cyclic_code = cli::run_crosscheck(options, as_cyclic);
    CHECK(nlohmann::json::parse(as_cyclic.str()).at("d") == 9);
    // ... and says that the group was assumed although order 9 has another group
    CHECK(nlohmann::json::parse(as_cyclic.str()).at("summary").at("warnings").dump().find("also has Z_3 x Z_3") !=
          std::string::npos);
    write_file_atomically(dir / "summary.json", nlohmann::json{{"group", "3x3"}}.dump());
    std::ostringstream as_product;
    CHECK(cli::run_crosscheck(options, as_product) == 0);
    const nlohmann::json doc = nlohmann::json::parse(as_product.str());
    CHECK(doc.at("group") == "3x3");
    CHECK(doc.at("summary").at("verdict") == "PROVED");
    CHECK(doc.at("summary").at("warnings").dump().find("not recorded") == std::string::npos);
    CHECK(cyclic_code != 0);  // the same weights read in the wrong basis are not proved optimal
    CHECK(nlohmann::json::parse(as_cyclic.str()).at("summary").at("network") != "REFUTED");  // blocks unresolved, not refuted
    write_file_atomically(dir / "summary.json", "{not json");
    std::ostringstream bad;
    CHECK_THROWS_AS(cli::run_crosscheck(options, bad), InvalidInput);
    options.group = "3x3";  // an explicit --group skips the summary
    std::ostringstream explicit_group;
    CHECK(cli::run_crosscheck(options, explicit_group) == 0);
    fs::remove_all(dir);
}

TEST_CASE("exported smallest solutions (with their bias node) are PROVED; the group comes from fourier.json") {
    // regression: `construct --solution min` followed by crosscheck was REFUTED (Z_23 and Z_3 x Z_3)
    for (const char* spec : {"23", "3x3"}) {
        CAPTURE(spec);
        const fs::path dir = export_construction(spec, "min");
        cli::CrosscheckCommandOptions o;
        o.dir = dir.string();
        o.json = true;
        std::ostringstream out;
        CHECK(cli::run_crosscheck(o, out) == 0);
        const nlohmann::json j = nlohmann::json::parse(out.str());
        CHECK(j["group"] == spec);
        CHECK(j["summary"]["network"] == "PROVED");
        CHECK(j["summary"]["dc_rounded"] == 1);
        fs::remove_all(dir);
    }
}

TEST_CASE("layout against the recorded group: transposed weights and a contradicting --group are refused") {
    const fs::path dir = export_construction("3x3", "F6");
    const Matrix<double> wa = as_matrix(read_npy((dir / cli::kWaFile).string()));
    Matrix<double> t(wa.cols(), wa.rows());
    for (std::size_t i = 0; i < wa.rows(); ++i)
        for (std::size_t j = 0; j < wa.cols(); ++j) t(j, i) = wa(i, j);
    cli::CrosscheckCommandOptions o;
    o.dir = dir.string();
    o.group = "9";  // order 9 like 3x3, but fourier.json records Z_3 x Z_3
    std::ostringstream out;
    CHECK_THROWS_AS(cli::run_crosscheck(o, out), InvalidInput);
    o.group = "";
    write_file_atomically(dir / cli::kWaFile, npy_bytes(t));
    try {
        (void)cli::run_crosscheck(o, out);
        CHECK(false);
    } catch (const ShapeMismatch& e) {
        CHECK(std::string(e.what()).find("transposed") != std::string::npos);
    }
    CHECK(out.str().empty());
    fs::remove_all(dir);
}

TEST_CASE("random weights: nothing rounded, exit 3 (UNKNOWN), never REFUTED") {
    const fs::path dir = fresh_dir("random");
    fs::create_directories(dir);
    auto rng = cogo::testing::rng(0xC060);
    std::normal_distribution<double> gauss(0.0, 1.0);
    Matrix<double> wa(4, 7), wb(4, 7), v(7, 4);
    for (std::size_t j = 0; j < 4; ++j)
        for (std::size_t x = 0; x < 7; ++x) wa(j, x) = gauss(rng), wb(j, x) = gauss(rng), v(x, j) = gauss(rng);
    write_file_atomically(dir / cli::kWaFile, npy_bytes(wa));
    write_file_atomically(dir / cli::kWbFile, npy_bytes(wb));
    write_file_atomically(dir / cli::kVFile, npy_bytes(v));
    cli::CrosscheckCommandOptions o;
    o.dir = dir.string();
    std::ostringstream out;
    CHECK(cli::run_crosscheck(o, out) == 3);
    CHECK(out.str().find("network: UNKNOWN") != std::string::npos);
    fs::remove_all(dir);
}

namespace {

/// tests/data/trained_z23_s3: the 58 live nodes of a network trained at the paper's settings on Z_23 (q = 512,
/// wd 5e-5, lr 0.01, 10,000 steps, seed 3; the 454 dead nodes dropped, which no verdict depends on). Its
/// k = 9 block (6 nodes, magnitudes spread by 2.9) has an exact c-row 1.06 (relative) from the trained one,
/// yet the block's function at the exact inputs (bias aside) is within --round-tolerance: nearly alike nodes
/// leave a c-row undetermined.
fs::path trained_z23() {
    const char* root = std::getenv("COGO_SOURCE_ROOT");
    REQUIRE_MESSAGE(root != nullptr, "COGO_SOURCE_ROOT is not set (run through meson test)");
    return fs::path(root) / "tests" / "data" / "trained_z23_s3";
}

}  // namespace

TEST_CASE("a trained Z_23 network whose c-row-solved block is judged by its function: PROVED; a changed output not") {
    cli::CrosscheckCommandOptions o;
    o.dir = trained_z23().string();
    o.group = "23";
    o.json = true;
    std::ostringstream out;
    CHECK(cli::run_crosscheck(o, out) == 0);
    const nlohmann::json j = nlohmann::json::parse(out.str());
    CHECK(j["summary"]["network"] == "PROVED");
    CHECK(j["summary"]["verified"] == 11);
    CHECK(j["summary"]["exact_loss"] == "0");
    std::vector<std::size_t> block9;
    for (const auto& b : j["blocks"])
        if (b["k"] == 9) {
            CHECK(b["verified"] == true);
            CHECK(b["family"] == "solved");
            for (const auto& node : b["nodes"]) block9.push_back(node.get<std::size_t>());
        }
    REQUIRE(block9.size() == 6);

    // Mutation: one output weight row of a k = 9 node scaled by 1.5 (the network's function changes): not PROVED.
    const fs::path dir = fresh_dir("z23-mutated");
    fs::create_directories(dir);
    for (const char* name : {"Wa.npy", "Wb.npy"}) fs::copy_file(trained_z23() / name, dir / name);
    Matrix<double> v = as_matrix(read_npy((trained_z23() / "V.npy").string()), "V");
    for (std::size_t m = 0; m < v.rows(); ++m) v(m, block9[1]) *= 1.5;
    write_file_atomically((dir / "V.npy").string(), npy_bytes(v));
    o.dir = dir.string();
    std::ostringstream mutated;
    const int rc = cli::run_crosscheck(o, mutated);
    const nlohmann::json m = nlohmann::json::parse(mutated.str());
    CHECK(rc != 0);
    CHECK(m["summary"]["network"] != "PROVED");
    fs::remove_all(dir);
}
