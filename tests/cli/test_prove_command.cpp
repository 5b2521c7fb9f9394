// `cogo prove`: the registry is consistent, --list lists every proof, unknown names and unbuilt programs are
// usage errors (exit 2), and registered proofs run with the registered verdict (a should-fail entry that
// ends FAILED counts as success). The proof programs are looked up in BUILD/proofs next to BUILD/tests.
#include <doctest/doctest.h>

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_codes.hpp"
#include "cli/prove_command.hpp"
#include "support/error.hpp"

using namespace cogo::cli;
namespace fs = std::filesystem;

namespace {

/// BUILD/proofs, from this test's own path BUILD/tests/<exe>.
std::string build_proofs_dir() {
    std::array<char, 4096> buf{};
    const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
    if (n <= 0) return {};
    return (fs::path(std::string(buf.data(), static_cast<std::size_t>(n))).parent_path().parent_path() / "proofs").string();
}

/// The source checkout (COGO_SOURCE_ROOT, set by tests/meson.build).
fs::path source_root() {
    const char* root = std::getenv("COGO_SOURCE_ROOT");
    return root ? fs::path(root) : fs::path();
}

/// proofs/registry.txt read with a parser of its own: one map of key -> value per [NAME] block, the name
/// under "name", in the file's order.
std::vector<std::map<std::string, std::string>> registry_file_blocks(const fs::path& file) {
    std::vector<std::map<std::string, std::string>> blocks;
    std::ifstream in(file);
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            blocks.push_back({{"name", line.substr(1, line.size() - 2)}});
            continue;
        }
        const auto eq = line.find(" = ");
        REQUIRE_MESSAGE(eq != std::string::npos, line);
        REQUIRE(!blocks.empty());
        blocks.back()[line.substr(0, eq)] = line.substr(eq + 3);
    }
    return blocks;
}

std::vector<std::string> split_args(const std::string& text) {
    std::vector<std::string> args;
    std::istringstream in(text);
    for (std::string a; in >> a;) args.push_back(a);
    return args;
}

}  // namespace

TEST_CASE("prove registry: exactly proofs/registry.txt, every proof source registered, every program built") {
    const fs::path root = source_root();
    REQUIRE_MESSAGE(!root.empty(), "COGO_SOURCE_ROOT is not set (run through meson test)");
    const auto blocks = registry_file_blocks(root / "proofs" / "registry.txt");
    const auto& reg = proof_registry();
    REQUIRE(blocks.size() == reg.size());
    std::set<std::string> programs;  // proofs/SOURCE.cpp stems the registry names
    for (std::size_t i = 0; i < reg.size(); ++i) {
        const auto& b = blocks[i];
        CAPTURE(b.at("name"));
        CHECK(reg[i].name == b.at("name"));
        const std::string source = b.count("program") ? b.at("program") : b.at("name");
        programs.insert(source);
        std::string exe = "proof_" + source;
        for (char& c : exe)
            if (c == '/') c = '_';
        CHECK(reg[i].program == exe);
        CHECK(reg[i].args == (b.count("args") ? split_args(b.at("args")) : std::vector<std::string>{}));
        CHECK(reg[i].statement == b.at("statement"));
        CHECK(reg[i].should_fail == (b.count("should_fail") && b.at("should_fail") == "true"));
        CHECK(fs::exists(root / "proofs" / (source + ".cpp")));
    }
    // a proof source that is not registered would be neither built nor run: every one is registered
    std::set<std::string> sources;
    for (const char* sub : {"", "should_fail"})
        for (const auto& f : fs::directory_iterator(root / "proofs" / sub))
            if (f.path().extension() == ".cpp")
                sources.insert((std::string(sub).empty() ? "" : std::string(sub) + "/") + f.path().stem().string());
    CHECK(sources == programs);
    // and every registered program was built next to the tests (BUILD/proofs)
    const std::string dir = build_proofs_dir();
    for (const ProofEntry& e : reg) {
        CAPTURE(e.program);
        CHECK(::access((fs::path(dir) / e.program).c_str(), X_OK) == 0);
    }
}

TEST_CASE("prove registry: unique names, programs and statements") {
    std::set<std::string> names;
    std::size_t should_fail = 0;
    for (const ProofEntry& e : proof_registry()) {
        CHECK(names.insert(e.name).second);
        CHECK(e.program.rfind("proof_", 0) == 0);
        CHECK(!e.statement.empty());
        if (e.should_fail) ++should_fail;
    }
    CHECK(names.count("odd_d_optima") == 1);
    CHECK(names.count("minimum_order") == 1);
    CHECK(should_fail >= 4);
}

TEST_CASE("prove --list lists every proof; bad selections are usage errors") {
    ProveOptions list;
    list.list = true;
    list.dir = "/nonexistent-cogo-proofs";
    std::ostringstream out;
    CHECK(run_prove(list, out) == exit_ok);
    for (const ProofEntry& e : proof_registry()) CHECK(out.str().find("  " + e.name) != std::string::npos);
    CHECK(out.str().find("[not built]") != std::string::npos);

    // errors are InvalidInput (exit 2, reported on stderr by main), never text on the report stream
    ProveOptions unknown;
    unknown.names = {"no_such_proof"};
    std::ostringstream out2;
    CHECK_THROWS_WITH_AS((void)run_prove(unknown, out2), doctest::Contains("unknown proof 'no_such_proof'"),
                         cogo::InvalidInput);
    CHECK(out2.str().empty());

    ProveOptions missing;
    missing.names = {"minimum_order"};
    missing.dir = "/nonexistent-cogo-proofs";
    std::ostringstream out3;
    CHECK_THROWS_WITH_AS((void)run_prove(missing, out3), doctest::Contains("is not built"), cogo::InvalidInput);
    CHECK(out3.str().empty());

    ProveOptions none;
    std::ostringstream out4;
    CHECK_THROWS_AS((void)run_prove(none, out4), cogo::InvalidInput);
    CHECK(out4.str().empty());
}

TEST_CASE("prove NAME runs the proof program with the registered verdict") {
    const std::string dir = build_proofs_dir();
    if (!fs::exists(fs::path(dir) / "proof_minimum_order") || !fs::exists(fs::path(dir) / "proof_odd_d_optima")) {
        MESSAGE("proof programs not built in " << dir << ": skipped");
        return;
    }
    ProveOptions run;
    run.dir = dir;
    run.names = {"minimum_order"};
    std::ostringstream out;
    CHECK(run_prove(run, out) == exit_ok);
    CHECK(out.str().find("\nPROVED\n") != std::string::npos);

    ProveOptions wrong;
    wrong.dir = dir;
    wrong.names = {"should_fail_order4_every_odd_d"};
    std::ostringstream out2;
    CHECK(run_prove(wrong, out2) == exit_ok);  // it ends FAILED, as registered
    CHECK(out2.str().find("\nFAILED\n") != std::string::npos);
}
