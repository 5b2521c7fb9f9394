// Tests for src/io/file_lock.hpp: exclusive, released on destruction, and held by a child that was
// handed the descriptor even after the parent let go.
#include <doctest/doctest.h>

#include <filesystem>

#include <sys/wait.h>
#include <unistd.h>

#include "io/file_lock.hpp"
#include "support/child_process.hpp"

using namespace cogo;

TEST_CASE("a lock is exclusive and released on destruction") {
    const auto path = std::filesystem::temp_directory_path() / ("cogo-test-lock-" + std::to_string(::getpid()));
    {
        auto first = FileLock::try_lock(path);
        REQUIRE(first.has_value());
        CHECK_FALSE(FileLock::try_lock(path).has_value());
    }
    CHECK(FileLock::try_lock(path).has_value());
    std::filesystem::remove(path);
}

TEST_CASE("a child given the lock keeps it after the parent closed its copy") {
    const auto path = std::filesystem::temp_directory_path() / ("cogo-test-lock-child-" + std::to_string(::getpid()));
    pid_t child = -1;
    {
        auto lock = FileLock::try_lock(path);
        REQUIRE(lock.has_value());
        child = spawn_child(ChildSpec{"/bin/sleep", {"1"}, -1, lock->fd()});
    }
    CHECK_FALSE(FileLock::try_lock(path).has_value());  // the sleeping child holds it
    const ChildExit e = wait_child(child);
    CHECK(e.exited);
    CHECK(FileLock::try_lock(path).has_value());
    std::filesystem::remove(path);
}
