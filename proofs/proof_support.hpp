#pragma once
/// \file proof_support.hpp
/// The report object every proof program uses (proofs/README.md).
///
/// A proof program states what it proves, runs exact checks (cogo's decided zero tests, never floats),
/// and ends with the line "PROVED" (exit 0) or "FAILED" (exit 1). Checks are grouped in sections; each
/// section reports how many checks it ran and how long it took. A failing check prints its description
/// and, when given, a counterexample (e.g. the exact non-zero difference). An exception escaping the
/// body is not a refutation: it is reported as "not decided", the program still ends with FAILED, and the
/// exit code is 99, which meson counts as an ERROR even for `should_fail` tests (so a deliberately wrong
/// statement cannot "fail as expected" by crashing). A proof that ran no check also ends with FAILED (1).
///
/// Output is one line per section plus the failures (the first `max_failures_shown`); set
/// COGO_PROOF_VERBOSE=1 in the environment to print every check.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "scalar/scalar.hpp"

namespace cogo::proofs {

/// Collects the checks of one proof program and prints the verdict.
class Proof {
public:
    /// How many failing checks are printed in full.
    static constexpr std::size_t max_failures_shown = 10;

    /// Starts a proof: prints its name and the statement it proves (possibly several lines).
    Proof(std::string name, const std::string& statement) : name_(std::move(name)), start_(Clock::now()) {
        const char* env = std::getenv("COGO_PROOF_VERBOSE");
        verbose_ = env != nullptr && std::string(env) != "0";
        std::printf("=== proof: %s ===\n%s\n\n", name_.c_str(), statement.c_str());
        std::fflush(stdout);
    }

    /// Starts a new section (closing the previous one with its count and time).
    void section(const std::string& title) {
        close_section();
        section_ = title;
        section_checks_ = section_failed_ = 0;
        section_start_ = Clock::now();
        in_section_ = true;
        std::printf("-- %s\n", title.c_str());
        std::fflush(stdout);
    }

    /// An informational line (not a check).
    void note(const std::string& text) {
        std::printf("   %s\n", text.c_str());
        std::fflush(stdout);
    }

    /// Records one check; `detail` (e.g. a counterexample) is printed if it fails. Returns ok.
    bool check(const std::string& description, bool ok, const std::string& detail = {}) {
        ++checks_;
        ++section_checks_;
        if (verbose_) std::printf("   [%s] %s\n", ok ? "ok" : "FAIL", description.c_str());
        if (!ok) {
            ++failed_;
            ++section_failed_;
            if (failed_ <= max_failures_shown) {
                std::printf("   FAILED CHECK: %s\n", description.c_str());
                if (!detail.empty()) std::printf("     counterexample: %s\n", detail.c_str());
            } else if (failed_ == max_failures_shown + 1) {
                std::printf("   (further failing checks are counted, not printed)\n");
            }
            std::fflush(stdout);
        }
        return ok;
    }

    /// Records the exact equality lhs == rhs; on failure the exact difference lhs - rhs is the counterexample.
    template <ExactScalar S>
    bool check_equal(const std::string& description, const S& lhs, const S& rhs) {
        const S diff = lhs - rhs;
        if (is_zero(diff)) return check(description, true);
        return check(description, false, "lhs - rhs = " + shorten(to_string(diff)));
    }

    /// Records the exact zero test of v; on failure v itself is the counterexample.
    template <ExactScalar S>
    bool check_zero(const std::string& description, const S& v) {
        if (is_zero(v)) return check(description, true);
        return check(description, false, "value = " + shorten(to_string(v)));
    }

    /// text cut to at most `limit` characters (long counterexamples are elided in the middle).
    static std::string shorten(const std::string& text, std::size_t limit = 400) {
        if (text.size() <= limit) return text;
        return text.substr(0, limit / 2) + " ... [" + std::to_string(text.size() - limit) + " characters] ... " +
               text.substr(text.size() - limit / 2);
    }

    /// Number of checks so far / failed so far.
    std::size_t checks() const { return checks_; }
    std::size_t failed() const { return failed_; }

    /// Exit codes: every check passed / some check failed / not decided (exception; meson: hard error).
    static constexpr int exit_proved = 0, exit_failed = 1, exit_not_decided = 99;

    /// Runs the proof body; an exception is reported as "not decided". Then prints the summary and the
    /// verdict line, and returns the exit code (exit_proved, exit_failed or exit_not_decided).
    int run(const std::function<void(Proof&)>& body) {
        std::string error;
        try {
            body(*this);
        } catch (const std::exception& e) {
            error = e.what();
        } catch (...) {
            error = "unknown exception";
        }
        close_section();
        const double seconds = elapsed(start_);
        std::printf("\n%s: %zu checks, %zu failed, %.2f s\n", name_.c_str(), checks_, failed_, seconds);
        const bool proved = error.empty() && failed_ == 0 && checks_ > 0;
        if (!error.empty()) std::printf("not decided: exception: %s\n", error.c_str());
        if (checks_ == 0) std::printf("not decided: no checks ran\n");
        std::printf("%s\n", proved ? "PROVED" : "FAILED");
        std::fflush(stdout);
        if (!error.empty()) return exit_not_decided;
        return proved ? exit_proved : exit_failed;
    }

private:
    using Clock = std::chrono::steady_clock;

    static double elapsed(Clock::time_point since) {
        return std::chrono::duration<double>(Clock::now() - since).count();
    }

    void close_section() {
        if (!in_section_) return;
        std::printf("   %zu checks, %zu failed, %.2f s\n", section_checks_, section_failed_, elapsed(section_start_));
        std::fflush(stdout);
        in_section_ = false;
    }

    std::string name_;
    Clock::time_point start_, section_start_;
    std::string section_;
    bool in_section_ = false;
    bool verbose_ = false;
    std::size_t checks_ = 0, failed_ = 0, section_checks_ = 0, section_failed_ = 0;
};

}  // namespace cogo::proofs
