// Tests for src/support/child_process.hpp: exit codes, signals, output capture, descriptor 3, exec failure.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "support/child_process.hpp"
#include "support/error.hpp"

using namespace cogo;

TEST_CASE("exit status, output and descriptor 3 of a child") {
    std::string output;
    auto collect = [&](std::string_view s) { output.append(s); };
    ChildExit e = run_child(ChildSpec{"/bin/sh", {"-c", "echo out; echo err >&2; exit 3"}}, collect);
    CHECK(e.exited);
    CHECK(e.code == 3);
    CHECK(e.status() == 3);
    CHECK(output.find("out") != std::string::npos);
    CHECK(output.find("err") != std::string::npos);

    output.clear();
    e = run_child(ChildSpec{"/bin/sh", {"-c", "kill -TERM $$"}}, collect);
    CHECK_FALSE(e.exited);
    CHECK(e.signal == SIGTERM);
    CHECK(e.status() == 128 + SIGTERM);
    CHECK(e.describe() == "killed by signal 15");

    output.clear();
    e = run_child(ChildSpec{"/nonexistent/program", {}}, collect);
    CHECK(e.status() == 127);
    CHECK(output.find("cannot execute /nonexistent/program") != std::string::npos);
}

TEST_CASE("require_executable names the program and the reason") {
    CHECK_NOTHROW(require_executable("/bin/sh", "test"));
    CHECK_THROWS_AS(require_executable("/nonexistent/program", "test"), InvalidInput);
    CHECK_THROWS_AS(require_executable("/tmp", "test"), InvalidInput);
    const auto plain = std::filesystem::temp_directory_path() / ("cogo-test-noexec-" + std::to_string(::getpid()));
    std::ofstream(plain) << "#!/bin/sh\n";
    std::filesystem::permissions(plain, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    CHECK_THROWS_AS(require_executable(plain.string(), "test"), InvalidInput);  // no x bit (even for root)
    std::filesystem::remove(plain);
    CHECK_THROWS_AS(require_executable("", "test"), InvalidInput);
}
