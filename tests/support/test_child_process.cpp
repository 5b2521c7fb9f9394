// Tests for src/support/child_process.hpp: exit codes, signals, output capture, descriptor 3, exec failure,
// stdout, stderr and stdin apart.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <fcntl.h>
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

TEST_CASE("stdout, stderr and stdin of a child on descriptors of their own") {
    namespace fs = std::filesystem;
    const fs::path base = fs::temp_directory_path() / ("cogo-test-child-fds-" + std::to_string(::getpid()));
    const std::string out_path = base.string() + ".out", err_path = base.string() + ".err",
                      in_path = base.string() + ".in";
    std::ofstream(in_path) << "from stdin\n";
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = ::open(in_path.c_str(), O_RDONLY);
    REQUIRE(out >= 0);
    REQUIRE(err >= 0);
    REQUIRE(in >= 0);
    ChildSpec spec{"/bin/sh", {"-c", "echo out; echo err >&2; read line; echo \"got $line\"; exit 5"}};
    spec.output_fd = out;
    spec.error_fd = err;
    spec.input_fd = in;
    const ChildExit e = wait_child(spawn_child(spec));
    ::close(out);
    ::close(err);
    ::close(in);
    auto slurp = [](const std::string& path) {
        std::ifstream f(path);
        return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    };
    CHECK(e.status() == 5);
    CHECK(slurp(out_path) == "out\ngot from stdin\n");
    CHECK(slurp(err_path) == "err\n");

    // exec failure is reported on the child's stderr, not its stdout
    const int out2 = ::open(out_path.c_str(), O_WRONLY | O_TRUNC);
    const int err2 = ::open(err_path.c_str(), O_WRONLY | O_TRUNC);
    ChildSpec missing{"/nonexistent/program", {}};
    missing.output_fd = out2;
    missing.error_fd = err2;
    CHECK(wait_child(spawn_child(missing)).status() == 127);
    ::close(out2);
    ::close(err2);
    CHECK(slurp(out_path).empty());
    CHECK(slurp(err_path) == "cogo: cannot execute /nonexistent/program\n");
    for (const std::string& p : {out_path, err_path, in_path}) fs::remove(p);
}
