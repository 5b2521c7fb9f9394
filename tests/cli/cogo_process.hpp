#pragma once
/// \file cogo_process.hpp
/// Runs the built `cogo` executable (named by the COGO_EXE environment variable, set by meson) as a child
/// process (support/child_process.hpp) and captures its exit code, stdout and stderr: the command-level
/// tests check what a user sees.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_process.hpp"

namespace cogo::test {

/// What one run of cogo produced.
struct CogoRun {
    int code = -1;    ///< exit status (128 + signal if killed)
    std::string out;  ///< standard output (empty when it went to a given file)
    std::string err;  ///< standard error
};

/// The cogo executable under test.
inline std::string cogo_executable() {
    const char* exe = std::getenv("COGO_EXE");
    REQUIRE_MESSAGE(exe != nullptr, "COGO_EXE must name the cogo executable (set by meson)");
    return exe;
}

/// The whole content of a file ("" if it cannot be read).
inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs `cogo args...` (through support/child_process, stdin from /dev/null); stdout goes to `stdout_path`
/// when given (e.g. "/dev/full"), else it is captured; stderr is captured apart.
inline CogoRun run_cogo(const std::vector<std::string>& args, const std::string& stdout_path = "") {
    namespace fs = std::filesystem;
    static int counter = 0;
    const fs::path base = fs::temp_directory_path() /
                          ("cogo-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    const std::string out_file = stdout_path.empty() ? base.string() + ".out" : stdout_path;
    const std::string err_file = base.string() + ".err";
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    REQUIRE_MESSAGE(out >= 0, out_file);
    REQUIRE_MESSAGE(err >= 0, err_file);
    REQUIRE(in >= 0);
    ChildSpec spec{cogo_executable(), args};
    spec.output_fd = out;
    spec.error_fd = err;
    spec.input_fd = in;
    const ChildExit exit = wait_child(spawn_child(spec));
    ::close(out);
    ::close(err);
    ::close(in);
    CogoRun run;
    run.code = exit.status();
    if (stdout_path.empty()) {
        run.out = read_text(out_file);
        fs::remove(out_file);
    }
    run.err = read_text(err_file);
    fs::remove(err_file);
    return run;
}

/// A fresh empty temporary directory, removed when the object goes.
class TempDir {
public:
    explicit TempDir(const std::string& tag)
        : path_(std::filesystem::temp_directory_path() / ("cogo-test-" + tag + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace cogo::test
