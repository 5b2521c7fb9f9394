#include "support/child_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/error.hpp"

namespace cogo {

namespace {

ChildExit decode(int status) {
    ChildExit e;
    if (WIFEXITED(status)) {
        e.exited = true;
        e.code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        e.signal = WTERMSIG(status);
    }
    return e;
}

}  // namespace

std::string ChildExit::describe() const {
    return exited ? "exit " + std::to_string(code) : "killed by signal " + std::to_string(signal);
}

void require_executable(const std::string& program, const std::string& what) {
    struct stat st {};
    if (program.empty()) throw InvalidInput(what + ": no program given");
    if (::stat(program.c_str(), &st) != 0)
        throw InvalidInput(what + " " + program + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw InvalidInput(what + " " + program + ": not a regular file");
    if ((st.st_mode & 0111) == 0) throw InvalidInput(what + " " + program + ": not executable (no x permission)");
    if (::access(program.c_str(), X_OK) != 0)
        throw InvalidInput(what + " " + program + ": not executable (" + std::strerror(errno) + ")");
}

pid_t spawn_child(const ChildSpec& spec) {
    std::vector<std::string> storage{spec.program};
    storage.insert(storage.end(), spec.args.begin(), spec.args.end());
    std::vector<char*> argv;
    for (std::string& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw ResourceLimit(std::string("cannot start ") + spec.program + ": fork: " + std::strerror(errno));
    if (pid == 0) {
        // only async-signal-safe calls from here on
        if (spec.output_fd >= 0) {
            ::dup2(spec.output_fd, STDOUT_FILENO);
            if (spec.error_fd < 0) ::dup2(spec.output_fd, STDERR_FILENO);
        }
        if (spec.error_fd >= 0) ::dup2(spec.error_fd, STDERR_FILENO);
        if (spec.input_fd >= 0) ::dup2(spec.input_fd, STDIN_FILENO);
        if (spec.inherit_fd >= 0) {
            if (spec.inherit_fd == 3) ::fcntl(3, F_SETFD, 0);  // clear close-on-exec
            else ::dup2(spec.inherit_fd, 3);                     // the copy has no close-on-exec
        }
        // a parent that ignores or handles SIGINT/SIGTERM must not pass that on: children start with defaults
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::execv(spec.program.c_str(), argv.data());
        const char* msg = "cogo: cannot execute ";
        [[maybe_unused]] ssize_t w = ::write(STDERR_FILENO, msg, std::strlen(msg));
        w = ::write(STDERR_FILENO, spec.program.c_str(), spec.program.size());
        w = ::write(STDERR_FILENO, "\n", 1);
        ::_exit(127);
    }
    return pid;
}

ChildExit wait_child(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return ChildExit{false, 0, 0};
    }
    return decode(status);
}

bool wait_any_child(pid_t& pid, ChildExit& exit, bool block) {
    int status = 0;
    pid = ::waitpid(-1, &status, block ? 0 : WNOHANG);
    if (pid <= 0) return false;
    exit = decode(status);
    return true;
}

ChildExit run_child(const ChildSpec& spec_in, const std::function<void(std::string_view)>& on_output) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw ResourceLimit(std::string("cannot create a pipe: ") + std::strerror(errno));
    ChildSpec spec = spec_in;
    spec.output_fd = fds[1];
    pid_t pid = -1;
    try {
        pid = spawn_child(spec);
    } catch (...) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw;
    }
    ::close(fds[1]);
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n > 0) on_output(std::string_view(buf, static_cast<std::size_t>(n)));
        else if (n == 0 || errno != EINTR) break;
    }
    ::close(fds[0]);
    return wait_child(pid);
}

}  // namespace cogo
