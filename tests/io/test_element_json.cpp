// Tests for src/io/element_json.hpp and src/io/atomic_file.hpp: exact element files round-trip.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "algebra/transforms.hpp"
#include "hostile_files.hpp"
#include "harness/files.hpp"
#include "io/atomic_file.hpp"
#include "io/run_directory.hpp"
#include "io/bounded_read.hpp"
#include "io/element_json.hpp"
#include "harness/random_element.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;

TEST_CASE("elements round-trip exactly through JSON, in a common field") {
    auto rng = cogo::testing::rng(61);
    for (const char* spec : {"5", "2x4", "3x3"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        cogo::testing::ElementShape shape;
        shape.field_order = 12;
        const auto z = cogo::testing::random_element(rng, g, shape);
        const unsigned long N = common_field(z);
        CHECK(N % 12 == 0);
        const auto back = element_from_json(g, element_to_json(z, N), N);
        REQUIRE(back.order() == z.order());
        for (std::size_t j = 0; j < z.order(); ++j) CHECK(nodes_equal(back.nodes()[j], z.nodes()[j]));
    }
}

TEST_CASE("element files: write atomically, read back; malformed files are clear errors") {
    auto rng = cogo::testing::rng(62);
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const auto z = cogo::testing::random_element(rng, g, cogo::testing::ElementShape{});
    const fs::path dir = fs::temp_directory_path() / ("cogo-test-" + std::to_string(cogo::testing::test_seed()));
    fs::create_directories(dir);
    const fs::path path = dir / "z.json";
    write_file_atomically(path, element_file_text(z, "random", nlohmann::json::object()));
    const auto back = read_element_file(path.string());
    CHECK(equal_up_to_node_permutation(back, z));
    for (const char* bad : {"{", "[]", "{\"format\": \"other\"}", "{\"format\": \"cogo-element\", \"group\": [7]}",
                            "{\"format\": \"cogo-element\", \"group\": [1], \"field\": 1, \"element\": {\"nodes\": []}}",
                            "{\"format\": \"cogo-element\", \"group\": [7], \"field\": 1, \"element\": {\"nodes\": [{\"a\": [[9, [\"1\"]]]}]}}",
                            "{\"format\": \"cogo-element\", \"group\": [7], \"field\": 1, \"element\": {\"nodes\": [{\"a\": [[1, [\"x\"]]]}]}}"}) {
        write_file_atomically(path, bad);
        CHECK_THROWS_AS(read_element_file(path.string()), InvalidInput);
    }
    CHECK_THROWS_AS(read_element_file((dir / "missing.json").string()), InvalidInput);
    // A staged output that is never committed leaves no file behind.
    {
        StagedDirectory out(dir / "staged", false);
        out.add("a.txt", "hello");
    }
    CHECK_FALSE(fs::exists(dir / "staged"));
    {
        StagedDirectory out(dir / "staged", false);
        out.add("a.txt", "hello");
        out.commit(nullptr);
    }
    CHECK(read_file(dir / "staged" / "a.txt") == "hello");
    fs::remove_all(dir);
}

TEST_CASE("element files: /dev/zero, directories and symlink loops are refused with the reason") {
    const cogo::testing::ScratchDir dir("element");
    auto message = [](const std::string& path) {
        try {
            (void)read_element_file(path);
        } catch (const InvalidInput& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    {
        const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);  // the old reader read /dev/zero to the end
        CHECK(message("/dev/zero").find("NUL byte at offset 0") != std::string::npos);
    }
    const std::string as_dir = message(dir.directory("z.json"));
    CHECK(as_dir.find("is a directory") != std::string::npos);
    CHECK(as_dir.find("z.json") != std::string::npos);
    CHECK(message(dir.symlink_loop("loop.json")).find("Too many levels of symbolic links") != std::string::npos);
    CHECK(message((dir.path() / "none.json").string()).find("No such file or directory") != std::string::npos);
    // the in-memory entry point reads the same documents
    const AbelianGroup g = AbelianGroup::cyclic(5);
    auto rng = cogo::testing::rng(63);
    const auto z = cogo::testing::random_element(rng, g, cogo::testing::ElementShape{});
    CHECK(equal_up_to_node_permutation(parse_element_document(element_file_text(z, "r", nlohmann::json::object()), "z"), z));
    CHECK_THROWS_AS((void)parse_element_document("{\"format\": ", "z"), InvalidInput);
}
