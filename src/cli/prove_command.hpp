#pragma once
/// \file prove_command.hpp
/// `cogo prove`: the machine-checked proofs of proofs/ (proofs/README.md). `cogo prove --list` lists them
/// with their statements; `cogo prove NAME...` (or `--all`) runs the proof programs, which were built
/// next to cogo (BUILD/proofs/proof_PROGRAM; override the folder with --dir or COGO_PROOFS_DIR), streams
/// their output and maps their verdicts to exit codes. The registry is generated from proofs/registry.txt,
/// the file proofs/meson.build builds the programs and registers the meson tests from.
#include <iosfwd>
#include <string>
#include <vector>

namespace cogo::cli {

/// One registered proof: a proof program and its arguments.
struct ProofEntry {
    std::string name;               ///< the meson test name, e.g. "odd_d_optima"
    std::string program;            ///< executable in the proofs folder, e.g. "proof_odd_d_optima"
    std::vector<std::string> args;  ///< its arguments
    std::string statement;          ///< one-paragraph statement
    bool should_fail = false;       ///< a deliberately wrong statement (must end FAILED)
};

/// All registered proofs, in the order of proofs/registry.txt.
const std::vector<ProofEntry>& proof_registry();

/// Options of `cogo prove`.
struct ProveOptions {
    bool list = false;               ///< --list
    bool all = false;                ///< --all (every proof that must end PROVED)
    std::vector<std::string> names;  ///< NAME...
    std::string dir;                 ///< --dir (default: $COGO_PROOFS_DIR, else ../proofs next to cogo)
};

/// Runs `cogo prove`. Returns 0 if every selected proof ended as registered (PROVED, or FAILED for a
/// should-fail entry), 1 if one did not, 2 for an unknown name, no selection or a proof program that is
/// not built, 3 if a proof ended "not decided" (exit 99), 4 for any other exit.
int run_prove(const ProveOptions& options, std::ostream& out);

}  // namespace cogo::cli
