// Tests for src/io/atomic_file.hpp: the file holds exactly the bytes written (also over an existing file),
// no temporary sibling is left behind, and failures are typed (InvalidInput naming the path) and leave the
// old content untouched.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "harness/files.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"

namespace fs = std::filesystem;

namespace {

/// A fresh empty folder under the temporary directory, removed at the end of the scope.
struct Scratch {
    fs::path dir;
    explicit Scratch(const std::string& tag)
        : dir(fs::temp_directory_path() / ("cogo-atomic-" + tag + "-" + std::to_string(::getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    [[nodiscard]] std::size_t entries() const {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
        return n;
    }
};

}  // namespace

TEST_CASE("write_file_atomically: exact bytes, replaces an existing file, leaves no temporary") {
    Scratch s("replace");
    const fs::path p = s.dir / "out.json";
    const std::string first("{\"a\": 1}\n\0binary\xff", 18);
    cogo::write_file_atomically(p, first);
    CHECK(cogo::testing::read_file(p) == first);
    CHECK(s.entries() == 1);
    cogo::write_file_atomically(p, "second");
    CHECK(cogo::testing::read_file(p) == "second");
    cogo::write_file_atomically(p, "");
    CHECK(cogo::testing::read_file(p).empty());
    CHECK(fs::file_size(p) == 0);
    CHECK(s.entries() == 1);  // only the file itself: every temporary was renamed away
}

TEST_CASE("write_file_atomically: a missing folder or a folder in the way is InvalidInput naming the path") {
    Scratch s("fail");
    const fs::path missing = s.dir / "no-such-folder" / "out.txt";
    CHECK_THROWS_WITH_AS(cogo::write_file_atomically(missing, "x"), doctest::Contains("no-such-folder"),
                         cogo::InvalidInput);
    const fs::path folder = s.dir / "taken";
    fs::create_directory(folder);
    fs::create_directory(folder / "inside");  // a non-empty folder cannot be renamed over
    CHECK_THROWS_AS(cogo::write_file_atomically(folder, "x"), cogo::InvalidInput);
    CHECK(fs::is_directory(folder / "inside"));
    CHECK(s.entries() == 1);  // the failed write removed its temporary
}

TEST_CASE("write_file_synced: creates a new file, refuses an existing one and keeps its content") {
    Scratch s("synced");
    const fs::path p = s.dir / "new.txt";
    cogo::write_file_synced(p, "hello");
    CHECK(cogo::testing::read_file(p) == "hello");
    CHECK_THROWS_AS(cogo::write_file_synced(p, "other"), cogo::InvalidInput);
    CHECK(cogo::testing::read_file(p) == "hello");
}
