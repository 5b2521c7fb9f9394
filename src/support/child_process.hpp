#pragma once
/// \file child_process.hpp
/// The one fork/exec runner of cogo (`cogo sweep` runs `cogo train`, `cogo prove` runs the proof programs,
/// the command-level tests run `cogo` with stdout and stderr captured apart).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace cogo {

/// What to start.
struct ChildSpec {
    std::string program;            ///< path of the executable (no PATH search)
    std::vector<std::string> args;  ///< arguments after argv[0] (= program)
    int output_fd = -1;             ///< if >= 0: the child's stdout (and stderr unless error_fd is given)
    int inherit_fd = -1;            ///< if >= 0: handed to the child as its descriptor 3 (e.g. a held lock)
    int error_fd = -1;              ///< if >= 0: the child's stderr, apart from its stdout
    int input_fd = -1;              ///< if >= 0: the child's stdin (e.g. /dev/null); else the parent's
};

/// How a child ended.
struct ChildExit {
    bool exited = false;  ///< exited normally with `code`
    int code = 0;
    int signal = 0;       ///< killed by this signal (if !exited)
    /// 0..255 for an exit, 128 + signal for a kill.
    [[nodiscard]] int status() const { return exited ? code : 128 + signal; }
    /// "exit 3", "killed by signal 9".
    [[nodiscard]] std::string describe() const;
};

/// Checks that `program` is an executable regular file; throws InvalidInput naming it and the reason.
void require_executable(const std::string& program, const std::string& what);

/// Starts the child; returns its pid. Throws ResourceLimit if fork fails. If exec fails the child reports it
/// on its stderr (error_fd, else output_fd, else the parent's) and exits 127.
[[nodiscard]] pid_t spawn_child(const ChildSpec& spec);

/// Waits for `pid` (retrying on EINTR).
[[nodiscard]] ChildExit wait_child(pid_t pid);

/// Waits for any child once: true and the pid and exit if one ended; false if interrupted by a signal
/// (EINTR) or there is no child; with block = false also false (pid 0) if no child has ended yet.
[[nodiscard]] bool wait_any_child(pid_t& pid, ChildExit& exit, bool block = true);

/// Runs the child (its stdout and stderr through a pipe), handing each piece of output to `on_output` as it
/// comes; returns how it ended.
[[nodiscard]] ChildExit run_child(const ChildSpec& spec, const std::function<void(std::string_view)>& on_output);

}  // namespace cogo
