// Tests for src/io/run_directory.hpp: a staged folder appears whole or not at all, a non-empty destination
// is refused unless overwriting, an overwrite replaces the folder whole (no file of the old one survives),
// stale staging folders are cleaned, and the completion check catches changed, truncated or planted files.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <sys/file.h>
#include <unistd.h>

#include "harness/files.hpp"
#include "io/atomic_file.hpp"
#include "io/run_directory.hpp"
#include "io/sha256.hpp"
#include "support/error.hpp"

using namespace cogo;
using cogo::testing::read_file;
namespace fs = std::filesystem;

namespace {

fs::path fresh_root(const std::string& name) {
    const fs::path root = fs::temp_directory_path() / ("cogo-test-rundir-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(root);
    fs::create_directories(root);
    return root;
}

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a staged folder appears only on commit, whole, with a marker listing every file") {
    const fs::path root = fresh_root("commit");
    const fs::path dest = root / "run";
    {
        StagedDirectory d(dest, false);
        d.add("a.txt", "alpha");
        d.add("checkpoints/step_000001/b.txt", "beta");
        CHECK_FALSE(fs::exists(dest));           // nothing at the destination while staging
        CHECK(fs::is_directory(d.staging()));
        CHECK(d.staging().parent_path() == root);  // a sibling: the final rename stays on one file system
    }
    CHECK_FALSE(fs::exists(dest));  // not committed: nothing left, not even the staging folder
    CHECK(entries(root) == 0);
    {
        StagedDirectory d(dest, false);
        d.add("a.txt", "alpha");
        d.add("checkpoints/step_000001/b.txt", "beta");
        d.commit({{"what", "test"}});
    }
    CHECK(read_file(dest / "a.txt") == "alpha");
    CHECK(read_file(dest / "checkpoints" / "step_000001" / "b.txt") == "beta");
    CHECK(entries(root) == 1);  // no staging folder left beside it
    const RunCheck check = check_run(dest);
    REQUIRE(check.complete);
    CHECK(check.identity == nlohmann::json{{"what", "test"}});
    CHECK(check.files.at("a.txt").at("sha256") == sha256_hex("alpha"));
    CHECK(check.files.at("checkpoints/step_000001/b.txt").at("bytes") == 4);
    CHECK(checkpoint_folder(10) == "checkpoints/step_000010");
    fs::remove_all(root);
}

TEST_CASE("a non-empty destination is refused without overwrite; with it the folder is replaced whole") {
    const fs::path root = fresh_root("overwrite");
    const fs::path dest = root / "run";
    fs::create_directories(dest / "checkpoints" / "step_000005");
    std::ofstream(dest / "old.txt") << "old";
    std::ofstream(dest / "checkpoints" / "step_000005" / "Wa.npy") << "old";
    CHECK_THROWS_AS(StagedDirectory(dest, false), InvalidInput);
    CHECK(read_file(dest / "old.txt") == "old");  // untouched
    {
        StagedDirectory d(dest, true);
        d.add("new.txt", "new");
        d.commit(nullptr);
    }
    CHECK(read_file(dest / "new.txt") == "new");
    CHECK_FALSE(fs::exists(dest / "old.txt"));      // nothing of the old folder survives
    CHECK_FALSE(fs::exists(dest / "checkpoints"));
    CHECK(entries(root) == 1);                      // the old content is removed, not parked

    // an empty destination folder is fine without overwrite (and replaced by the rename)
    const fs::path empty = root / "empty";
    fs::create_directories(empty);
    {
        StagedDirectory d(empty, false);
        d.add("x", "1");
        d.commit(nullptr);
    }
    CHECK(read_file(empty / "x") == "1");

    // a destination filled by someone else while staging: refused at commit without overwrite, nothing lost
    const fs::path raced = root / "raced";
    {
        StagedDirectory d(raced, false);
        d.add("mine", "1");
        fs::create_directories(raced);
        std::ofstream(raced / "theirs") << "2";
        CHECK_THROWS_AS(d.commit(nullptr), InvalidInput);
    }
    CHECK(read_file(raced / "theirs") == "2");
    CHECK_FALSE(fs::exists(raced / "mine"));
    fs::remove_all(root);
}

TEST_CASE("destinations that are not folders are refused") {
    const fs::path root = fresh_root("kinds");
    std::ofstream(root / "file") << "x";
    CHECK_THROWS_AS(StagedDirectory(root / "file", true), InvalidInput);
    fs::create_directories(root / "real");
    fs::create_directory_symlink(root / "real", root / "link");
    CHECK_THROWS_AS(StagedDirectory(root / "link", true), InvalidInput);
    CHECK_THROWS_AS(StagedDirectory(root / ".", true), InvalidInput);
    CHECK_THROWS_AS(StagedDirectory("", true), InvalidInput);
    {
        StagedDirectory d(root / "trailing/", false);  // "DIR/" is DIR
        d.add("x", "1");
        d.commit(nullptr);
    }
    CHECK(fs::is_regular_file(root / "trailing" / "x"));
    fs::remove_all(root);
}

TEST_CASE("stale staging folders of a killed writer are removed; a live writer's are not") {
    const fs::path root = fresh_root("stale");
    const fs::path dest = root / "run";
    // a killed writer's leftovers: an unlocked staging folder with a hidden temporary and an empty step folder
    const fs::path stale = root / ".run.cogo-staging-deadbeef";
    fs::create_directories(stale / "checkpoints" / "step_000010");
    std::ofstream(stale / ".Wa.npy.tmp-1") << "partial";
    fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::minutes(5));
    // a live writer: a staging folder someone holds locked
    StagedDirectory live(dest, false);
    fs::last_write_time(live.staging(), fs::file_time_type::clock::now() - std::chrono::minutes(5));
    CHECK(live.stale_removed() == 1);
    CHECK_FALSE(fs::exists(stale));
    CHECK(remove_stale_staging(dest) == 0);  // the live one is kept
    CHECK(fs::is_directory(live.staging()));
    fs::remove_all(root);
}

TEST_CASE("check_run: missing marker, changed, truncated or replaced files, hostile marker entries") {
    const fs::path root = fresh_root("check");
    const fs::path dest = root / "run";
    {
        StagedDirectory d(dest, false);
        d.add("Wa.npy", std::string(1000, 'a'));
        d.add("summary.json", "{}");
        d.commit(nullptr);
    }
    REQUIRE(check_run(dest).complete);
    CHECK_FALSE(check_run(root / "none").complete);
    CHECK_FALSE(check_run(root).complete);  // no marker

    write_file_atomically(dest / "summary.json", "{ }");  // same size, other bytes
    CHECK_FALSE(check_run(dest).complete);
    write_file_atomically(dest / "summary.json", "{}");
    REQUIRE(check_run(dest).complete);

    fs::resize_file(dest / "Wa.npy", 999);  // truncated
    const RunCheck truncated = check_run(dest);
    CHECK_FALSE(truncated.complete);
    CHECK(truncated.reason.find("Wa.npy") != std::string::npos);
    fs::remove(dest / "Wa.npy");
    fs::create_directory(dest / "Wa.npy");  // a folder in its place
    CHECK_FALSE(check_run(dest).complete);
    fs::remove(dest / "Wa.npy");
    write_file_atomically(dest / "Wa.npy", std::string(1000, 'a'));
    REQUIRE(check_run(dest).complete);

    // markers naming files outside the folder, or not the marker format at all
    for (const char* bad : {R"({"format":"cogo-run-complete","version":1,"files":{"../x":{"bytes":0,"sha256":""}}})",
                            R"({"format":"cogo-run-complete","version":1,"files":{"/etc/passwd":{"bytes":0,"sha256":""}}})",
                            R"({"format":"cogo-run-complete","version":1,"files":{"Wa.npy":{"bytes":-1,"sha256":""}}})",
                            R"({"format":"cogo-run-complete","version":2,"files":{}})", R"([])", "{"}) {
        CAPTURE(bad);
        write_file_atomically(dest / run_files::marker, bad);
        CHECK_FALSE(check_run(dest).complete);
    }
    fs::remove_all(root);
}
