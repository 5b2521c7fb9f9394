/// \file prove_command.cpp
/// `cogo prove` (see prove_command.hpp): the registry of proofs/ (proofs/registry.txt), run through
/// support/child_process.hpp.
#include "cli/prove_command.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ostream>

#include "cli/exit_codes.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"

namespace cogo::cli {

const std::vector<ProofEntry>& proof_registry() {
    // generated from proofs/registry.txt, the list proofs/meson.build builds and registers too
    static const std::vector<ProofEntry> registry = {
#include "proof_registry.inc"
    };
    return registry;
}

namespace {

bool is_executable(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

/// The proofs folder: --dir, else $COGO_PROOFS_DIR, else <folder of this executable>/../proofs.
std::string proofs_dir(const ProveOptions& options) {
    if (!options.dir.empty()) return options.dir;
    if (const char* env = std::getenv("COGO_PROOFS_DIR"); env && *env) return env;
    std::array<char, 4096> buf{};
    const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
    if (n <= 0) return "proofs";
    std::string exe(buf.data(), static_cast<std::size_t>(n));
    const auto slash = exe.rfind('/');
    const std::string exe_dir = slash == std::string::npos ? "." : exe.substr(0, slash);
    // cogo is BUILD/src/cogo, the proofs are BUILD/proofs/
    const auto parent = exe_dir.rfind('/');
    if (parent != std::string::npos && exe_dir.substr(parent) == "/src") return exe_dir.substr(0, parent) + "/proofs";
    return exe_dir + "/../proofs";
}

/// Runs path with args, copying its stdout and stderr to out; returns its exit status (-1: not started,
/// 128 + signal if killed).
int run_program(const std::string& path, const std::vector<std::string>& args, std::ostream& out) {
    out.flush();
    try {
        const ChildExit e = run_child(ChildSpec{path, args}, [&](std::string_view text) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            out.flush();
        });
        return e.status();
    } catch (const ResourceLimit&) {
        return -1;
    }
}

void print_list(std::ostream& out, const std::string& dir) {
    out << "Proofs (proofs/README.md; programs in " << dir << "):\n";
    for (const ProofEntry& e : proof_registry()) {
        const std::string path = dir + "/" + e.program;
        out << "\n  " << e.name << (e.should_fail ? "  [should fail]" : "")
            << (is_executable(path) ? "" : "  [not built]") << "\n    " << e.statement << "\n    program: " << e.program;
        for (const std::string& a : e.args) out << " " << a;
        out << "\n";
    }
}

}  // namespace

int run_prove(const ProveOptions& options, std::ostream& out) {
    const std::string dir = proofs_dir(options);
    if (options.list) {
        print_list(out, dir);
        if (options.names.empty() && !options.all) return exit_ok;
    }
    std::vector<const ProofEntry*> selected;
    if (options.all)
        for (const ProofEntry& e : proof_registry())
            if (!e.should_fail) selected.push_back(&e);
    for (const std::string& name : options.names) {
        const auto& reg = proof_registry();
        auto it = std::find_if(reg.begin(), reg.end(), [&](const ProofEntry& e) { return e.name == name; });
        if (it == reg.end()) throw InvalidInput("prove: unknown proof '" + name + "' (see cogo prove --list)");
        selected.push_back(&*it);
    }
    if (selected.empty()) throw InvalidInput("prove: name a proof, or use --list or --all");
    for (const ProofEntry* e : selected) {
        const std::string path = dir + "/" + e->program;
        if (!is_executable(path))
            throw InvalidInput("prove: the proof program " + path +
                               " is not built (build the proofs, e.g. ninja -C BUILD, or pass --dir / COGO_PROOFS_DIR)");
    }
    int worst = exit_ok;
    std::vector<std::pair<std::string, std::string>> summary;
    for (const ProofEntry* e : selected) {
        const int status = run_program(dir + "/" + e->program, e->args, out);
        int code;
        std::string what;
        // a should-fail proof meets its registration when it fails: its verdict is inverted
        if (status == 0) {
            code = exit_code(e->should_fail ? Verdict::refuted : Verdict::proved);
            what = e->should_fail ? "PROVED, but it is registered as should-fail" : "PROVED";
        } else if (status == 1) {
            code = exit_code(e->should_fail ? Verdict::proved : Verdict::refuted);
            what = e->should_fail ? "FAILED (as it must: a deliberately wrong statement)" : "FAILED";
        } else if (status == 99) {
            code = exit_code(Verdict::unknown);
            what = std::string(unknown_reason_name(UnknownReason::not_decided)) + " (exit 99)";
        } else if (status < 0) {
            code = exit_unknown;  // pipe or fork failed: the environment, not the proof
            what = "could not be started (pipe or fork failed)";
        } else {
            code = exit_internal;
            what = "abnormal exit " + std::to_string(status);
        }
        worst = std::max(worst, code);
        summary.emplace_back(e->name, what);
        out << "\n";
        if (!out) break;  // the report cannot be written (e.g. a full disk): running more proofs is pointless
    }
    if (selected.size() > 1) {
        out << "cogo prove summary:\n";
        for (const auto& [name, what] : summary) out << "  " << name << ": " << what << "\n";
    }
    return worst;
}

}  // namespace cogo::cli
