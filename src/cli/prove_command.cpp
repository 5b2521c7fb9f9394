/// \file prove_command.cpp
/// `cogo prove` (see prove_command.hpp): a registry of proofs/, run through support/child_process.hpp.
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
    static const std::vector<ProofEntry> registry = {
        {"homomorphism", "proof_homomorphism", {},
         "Every potential is a ring homomorphism: r(z1+z2) = r(z1)+r(z2), r(z1 z2) = r(z1) r(z2), r(1) = 1, for "
         "generic symbolic elements (Z_5, Z_2 x Z_2; all q by the one-node reduction).", false},
        {"composition", "proof_composition", {},
         "Composition lemma: z1 kills R1, z2 kills R2 => z1 z2 kills R1 u R2 (with equality) and z1+z2 kills "
         "R1 n R2, on symbolic families.", false},
        {"theorem1", "proof_theorem1", {"3", "4", "2x2"},
         "Theorem 1 (L2 loss decoupling), general and zero-mean forms, in fully symbolic real weights, "
         "Z_3, Z_4, Z_2 x Z_2, q = 2 (all q by the bilinearity argument).", false},
        {"theorem1_z5", "proof_theorem1", {"--form", "general", "5"}, "Theorem 1 on Z_5 (general form, q = 2).",
         false},
        {"theorem1_all", "proof_theorem1_all", {},
         "Theorem 1 (general and zero-mean forms) for EVERY finite Abelian group and EVERY width: orthogonality "
         "reduces the identity to 10 templates and 1016 closed frequency patterns, each checked exactly; "
         "cross-checked against the brute-force loss on Z_2..Z_9, Z_2 x Z_2, Z_2 x Z_4, Z_3 x Z_3.", false},
        {"min_width_bound", "proof_min_width_bound", {},
         "Every zero-loss network on a finite Abelian group of order n has width q >= n (real weights, DC inputs "
         "or not); the minimum width on Z_3 is exactly 3 with DC inputs and 6 without.", false},
        {"ring_laws", "proof_ring_laws", {}, "The semi-ring laws as identities on symbolic elements.", false},
        {"families", "proof_families", {},
         "docs/theory.md section 5 families for all unit parameters: exact kill sets; z_nu z_syn and z_nu=i z_syn_ab "
         "satisfy every per-frequency condition; z_nu=i z_xi fails exactly at the bias 4(1 + s i); global "
         "elements on Z_5, Z_7.", false},
        {"real_frequency", "proof_real_frequency", {},
         "Real-frequency blocks (k = -k, even |G|) for all real parameters: no one-node block solves, every "
         "two-node real block classified, the bias node touches only T_k(0,0), global optima on 8 even groups "
         "and (bias node on a DC input row, 2n - 1 nodes) on 5 odd groups.",
         false},
        {"odd_d_optima", "proof_odd_d_optima", {},
         "For EVERY odd d (every odd-order group) and all unit parameters: z_F6, sum z_nu=i z_syn_ab / 6 and "
         "z_F4/6 are global optima (loss 0). Aliasing lemma for odd d + per-block identities; cross-checked "
         "with verify on d = 3..45, Z_3 x Z_3, Z_3 x Z_5.", false},
        {"minimum_order", "proof_minimum_order", {},
         "Minimum per-frequency order is 6: no block of q <= 3 nodes meets even the nine non-bias conditions; "
         "4 nodes meet those but never the bias; 5 nodes cannot meet all ten.", false},
        {"should_fail_r_additive_over_products", "proof_should_fail_r_additive_over_products", {},
         "(wrong) r(z1 z2) = r(z1) + r(z2).", true},
        {"should_fail_convolution_sum_multiplicative", "proof_should_fail_convolution_sum_multiplicative", {},
         "(wrong) the convolution sums A_k[m] are multiplicative.", true},
        {"should_fail_order4_global_optimum", "proof_should_fail_order4_global_optimum", {},
         "(wrong) the all-order-4 element on Z_5 is a global optimum.", true},
        {"should_fail_theorem1_zero_mean_with_dc", "proof_should_fail_theorem1_zero_mean_with_dc", {},
         "(wrong) the zero-mean formula of Theorem 1 holds for every group also with DC input entries.", true},
        {"should_fail_order4_every_odd_d", "proof_odd_d_optima", {"--claim", "order4"},
         "(wrong) the all-order-4 element is a global optimum for every odd d (item-5 reduction).", true},
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
            what = "not decided (exit 99)";
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
