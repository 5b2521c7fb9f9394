#pragma once
/// \file interrupt.hpp
/// SIGINT / SIGTERM turned into a flag that long-running commands poll, so they can stop cleanly (remove
/// staged output, forward the signal to child processes) instead of dying mid-write.
#include "support/error.hpp"

namespace cogo {

/// While alive, SIGINT and SIGTERM set a flag instead of killing the process (blocking calls such as
/// waitpid return EINTR). Scopes nest; the outermost restores the previous handlers.
class InterruptScope {
public:
    InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
    ~InterruptScope();

    /// The signal received since the outermost scope began (SIGINT or SIGTERM), or 0.
    [[nodiscard]] static int pending();
};

/// Thrown by a command that stopped on a signal; the CLI exits 128 + signal.
class Interrupted : public Error {
public:
    explicit Interrupted(int signal) : Error(signal == 15 ? "terminated (SIGTERM)" : "interrupted (SIGINT)"), signal_(signal) {}
    [[nodiscard]] int signal() const { return signal_; }

private:
    int signal_;
};

}  // namespace cogo
