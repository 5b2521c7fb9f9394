// The `cogo` executable: one command-line tool with subcommands (docs/architecture.md).
// Errors from the library are caught only here and mapped to exit codes (cli/exit_codes.hpp).
#include <cstddef>
#include <exception>
#include <functional>
#include <iostream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/checked_output.hpp"
#include "cli/construct_command.hpp"
#include "cli/crosscheck_command.hpp"
#include "cli/demo_command.hpp"
#include "cli/dynamics_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/kills_command.hpp"
#include "cli/norm_command.hpp"
#include "cli/path_command.hpp"
#include "cli/number_options.hpp"
#include "cli/limit_options.hpp"
#include "cli/prove_command.hpp"
#include "cli/search_command.hpp"
#include "cli/sweep_command.hpp"
#include "cli/symbol_options.hpp"
#include "cli/table_command.hpp"
#include "cli/theorem1_command.hpp"
#include "cli/train_command.hpp"
#include "cli/verify_command.hpp"
#include "support/error.hpp"
#include "support/interrupt.hpp"

namespace {

using cogo::cli::exclusive;
using cogo::cli::real_number;
using cogo::cli::whole_number;

constexpr const char* kExitCodes = cogo::cli::kExitCodeHelp;
constexpr std::uint64_t kMaxTerms = 1'000'000'000'000'000'000;  ///< --max-terms at most 10^18

/// Whether the command line asks for --json (then errors are reported as a JSON object on stdout too).
bool json_requested(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg == "--json") return true;
    }
    return false;
}

/// Reports an error on stderr ("cogo: <prefix>: <message>") and, with --json, as
/// {"error": message, "kind": kind, "exit_code": code} on stdout; returns code.
int report_error(int code, const char* kind, const char* prefix, const std::string& message, bool json) {
    std::cerr << "cogo: " << prefix << ": " << message << "\n";
    if (json)
        std::cout << nlohmann::json{{"error", message}, {"kind", kind}, {"exit_code", code}}.dump(2) << "\n";
    return code;
}

int run(int argc, char** argv);

}  // namespace

/// Runs the command, then checks that everything written to standard output arrived: a failed write
/// (disk full, /dev/full, a closed descriptor) is reported with its reason and exit_output_failed.
int main(int argc, char** argv) {
    cogo::cli::CheckedStdout checked_stdout;
    int code = run(argc, argv);
    std::cout.flush();
    if (!checked_stdout.finish()) {
        std::cerr << "cogo: error: " << checked_stdout.error_message() << "\n";
        if (code == cogo::cli::exit_ok || code == cogo::cli::exit_refuted) code = cogo::cli::exit_output_failed;
    }
    return code;
}

namespace {

/// One subcommand of cogo: its name and one-line help (as `cogo --help` lists them), how its options are
/// declared on it, and how it runs once parsed (the exit code; errors propagate to run()).
struct Subcommand {
    const char* name;
    const char* help;
    std::function<void(CLI::App&)> setup;
    std::function<int(std::ostream&)> run;
};

void setup_theorem1(CLI::App& theorem1, cogo::cli::Theorem1Options& t1) {
    exclusive(theorem1.add_option("--group,-g", t1.group, "Group: N for Z_N, or d1xd2x... (e.g. 2x4)")
                  ->check(cogo::cli::group_spec())->capture_default_str(),
              theorem1.add_option("--d", t1.group, "Modulus d (same as --group d)")->check(cogo::cli::group_spec()));
    theorem1.add_option("--width,-q", t1.width, "Hidden nodes q (1..64)")->transform(whole_number(1, 64))
        ->capture_default_str();
    theorem1.add_option("--seed,-s", t1.seed, "Seed of the random rational weights (0..2^64-1)")
        ->transform(whole_number(0, cogo::cli::max_of<std::uint64_t>))->capture_default_str();
    theorem1.add_flag("--zero-mean", t1.zero_mean, "Inputs without DC component (also checks the zero-mean form)");
    theorem1.add_flag("--json", t1.json, "Machine-readable output");
    theorem1.footer(kExitCodes);
}

void setup_verify(CLI::App& verify, cogo::cli::VerifyOptions& vo) {
    cogo::cli::add_solution_options(&verify, vo.selection);
    verify.add_option("--certificate", vo.certificate, "Write a JSON certificate (re-check with check-cert)");
    cogo::cli::add_limit_options(&verify, vo.limits);
    cogo::cli::add_symbol_options(&verify, vo.symbols);
    verify.add_flag("--json", vo.json, "Machine-readable output");
    verify.footer(kExitCodes);
}

void setup_construct(CLI::App& construct, cogo::cli::ConstructOptions& co) {
    cogo::cli::add_solution_options(&construct, co.selection);
    construct.add_option("--out,-o", co.out, "Output directory (created if missing)")->required();
    construct.add_flag("--overwrite", co.overwrite, "Replace a non-empty --out folder whole (refused without this)");
    construct.add_flag("--json", co.json, "Machine-readable summary");
    cogo::cli::add_limit_options(&construct, co.limits);
    construct.footer(kExitCodes);
}

void setup_crosscheck(CLI::App& crosscheck_app, cogo::cli::CrosscheckCommandOptions& xo) {
    auto* crosscheck = &crosscheck_app;
    crosscheck->add_option("DIR", xo.dir, "Directory with Wa.npy, Wb.npy, V.npy (PyTorch layout), an .npz archive with arrays Wa, Wb, V, or a PyTorch checkpoint (.pt/.pth/.ckpt, a state_dict saved with torch.save)");
    crosscheck->add_option("--keys", xo.keys, "Tensor names WA,WB,V in a PyTorch checkpoint (default: layera/layerb/layerc.weight or the nn.Linear layout)");
    crosscheck->add_option("--wa", xo.wa, "W_a file (.npy, q x n)");
    crosscheck->add_option("--wb", xo.wb, "W_b file (.npy, q x n)");
    crosscheck->add_option("--v", xo.v, "V file (.npy, n x q)");
    crosscheck->add_option("--group,-g", xo.group, "Group d1xd2x... (default: the group named in DIR/summary.json if present, else Z_n, n = columns of W_a)")
        ->check(cogo::cli::group_spec());
    crosscheck->add_option("--rounded", xo.rounded, "Write the exact rounded network (cogo-element JSON)");
    crosscheck->add_option("--certificate", xo.certificate,
                           "Write the rounded network's certificate (check-cert); PARTIAL, with the proven "
                           "frequencies, when the network is PARTIAL");
    crosscheck->add_option("--svg", xo.svg, "Write the per-node Fourier spectrum with the blocks (SVG)");
    crosscheck->add_flag("--json", xo.json, "Machine-readable output");
    crosscheck->add_flag("--no-verify", [&xo](std::int64_t) { xo.analysis.verify = false; },
                         "Skip the exact verification");
    const cogo::cli::RealRange unit_interval{0, 1};
    crosscheck->add_flag("--number-field", [&xo](std::int64_t) { xo.analysis.number_field = true; },
                         "Try the blocks left unresolved in a number field (the default; analyze/number_field_blocks.hpp)");
    crosscheck->add_flag("--no-number-field", [&xo](std::int64_t) { xo.analysis.number_field = false; },
                         "Do not try the number-field path");
    crosscheck->add_option("--number-field-tolerance", xo.analysis.number_field_tolerance,
                           "Least allowed relative distance trained vs exact of a block rounded through a number "
                           "field (scaled up to 5 x the network's median sqrt(D_k), at most 0.05), in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--dead-threshold", xo.analysis.assignment.dead_threshold,
                           "Dead node: strength below this fraction of the largest, in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--factor-tolerance", xo.analysis.classify.factor_tolerance,
                           "Max factorisation residual (dimensionless), in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--class-tolerance", xo.analysis.classify.class_tolerance,
                           "Max family-constraint violation, in [0, 1]")->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--magnitude-tolerance", xo.analysis.classify.magnitude_tolerance,
                           "Max spread of log|abc| over a block's nodes, in [0, 10]")
        ->transform(real_number({0, 10}))->capture_default_str();
    crosscheck->add_option("--r-kkk-tolerance", xo.analysis.r_kkk_tolerance,
                           "Max |r_kkk - 1| of a block's trained nodes (the optimum has r_kkk = 1), in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--round-tolerance", xo.analysis.round_tolerance,
                           "Max distance trained block vs exact rounded block, in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--function-tolerance", xo.analysis.function_tolerance,
                           "Max function distance sqrt(D_k) trained vs exact at a PROVED block's output (raised to 5x the "
                           "network's median, at most --function-cap), in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--function-cap", xo.analysis.function_cap,
                           "Largest function distance any PROVED block may have, in [0, 1]")
        ->transform(real_number(unit_interval))->capture_default_str();
    crosscheck->add_option("--snap-tolerance", xo.analysis.snap_tolerance,
                           "Snap a parameter to a multiple of 1/24 turn when this close (turns), in [0, 1/48)")
        ->transform(real_number({0, 1.0 / 48, false, true}))->capture_default_str();
    crosscheck->add_option("--max-terms", xo.analysis.max_terms, "Work limit of the exact verification")
        ->transform(whole_number(1, kMaxTerms))->capture_default_str();
    crosscheck->footer("Exit codes: 0 the network is PROVED (every block and bias condition exact; or --no-verify), "
                       "1 REFUTED (every live node rounded, an exact condition fails), 2 usage or bad input, "
                       "3 PARTIAL (some blocks unresolved), UNKNOWN, resource limit or standard output not writable, 4 internal error.\n");
}

/// The options of check-cert.
struct CheckCertOptions {
    std::string path;
    bool json = false;
};

void setup_check_cert(CLI::App& check_cert, CheckCertOptions& cc) {
    check_cert.add_option("FILE", cc.path, "Certificate written by cogo verify --certificate")->required();
    check_cert.add_flag("--json", cc.json, "Machine-readable output");
    check_cert.footer("Exit codes: 0 ACCEPTED and the certificate says PROVED, 1 ACCEPTED and it says REFUTED, "
                      "2 REJECTED (the certificate does not establish its verdict), unreadable or not JSON, "
                      "3 ACCEPTED and it says PARTIAL (its proven frequencies are exact, the rest is not), resource "
                      "limit or standard output not writable, 4 internal error.\n");
}

void setup_prove(CLI::App& prove, cogo::cli::ProveOptions& po) {
    prove.add_flag("--list", po.list, "List the proofs with their statements");
    prove.add_flag("--all", po.all, "Run every proof (not the should-fail ones)");
    prove.add_option("NAME", po.names, "Proof(s) to run, e.g. odd_d_optima");
    prove.add_option("--dir", po.dir, "Folder of the proof programs (default: $COGO_PROOFS_DIR, else ../proofs "
                                      "next to the cogo executable)");
    prove.footer("Exit codes: 0 every proof ended as registered (PROVED; FAILED for should-fail ones), 1 one did "
                 "not, 2 usage, unknown name or proof not built, 3 not decided or standard output not writable, "
                 "4 abnormal exit of a proof program.\n");
}

int run(int argc, char** argv) {
    namespace cli = cogo::cli;
    const bool json = json_requested(argc, argv);
    CLI::App app{"cogo: exact verification of composed global optima of 2-layer quadratic networks on Abelian "
                 "group tasks (arXiv:2410.01779)"};
    app.footer(kExitCodes);
    app.set_version_flag("--version", "cogo 0.1.0");
    app.require_subcommand(1);

    cli::DemoOptions dm;
    cli::SearchCommandOptions sco;
    cli::DynamicsOptions dyo;
    cli::Theorem1Options t1;
    cli::VerifyOptions vo;
    cli::KillsOptions ko;
    cli::PathOptions pao;
    cli::NormOptions no;
    cli::ConstructOptions co;
    cli::TrainCommandOptions to;
    cli::SweepOptions so;
    cli::TableOptions tabo;
    cli::CrosscheckCommandOptions xo;
    CheckCertOptions cc;
    cli::ProveOptions po;
    // The one list of subcommands, in the order --help shows them.
    const std::vector<Subcommand> subcommands{
        {"demo", "Run the main job on a default: prove z_F6 and z_F4/6 optimal on Z_23, refute all-order-4, prove the "
                 "smallest known solution on Z_2 x Z_3 x Z_4, check Theorem 1; then train a small network, cross-check "
                 "it and write the pictures",
         [&](CLI::App& c) {
             cli::setup_demo_command(c, dm);
             c.footer("Exit codes: 0 every step gave its expected verdict, 1 one did not, 3 standard output not "
                      "writable, 4 internal error.\n");
         },
         [&](std::ostream& out) { return cli::run_demo(dm, out); }},
        {"theorem1", "Check Theorem 1 (Fourier loss formula = direct all-pairs loss) exactly on a random network",
         [&](CLI::App& c) { setup_theorem1(c, t1); }, [&](std::ostream& out) { return cli::run_theorem1(t1, out); }},
        {"search", "Seeded numerical search for a zero-loss network of a given width, then exact rounding and "
                   "verification (a solution is reported only with a PROVED certificate)",
         [&](CLI::App& c) { cli::setup_search_command(c, sco); },
         [&](std::ostream& out) { return cli::run_search(sco, out); }},
        {"verify", "Decide exactly whether an element is a global optimum (l = 0): PROVED / REFUTED / UNKNOWN",
         [&](CLI::App& c) { setup_verify(c, vo); }, [&](std::ostream& out) { return cli::run_verify(vo, out); }},
        {"kills", "Kill table: which named potentials (1-set, R_c, R_n, R_*) an element kills at each frequency, and "
                  "what it leaves; the composition lemma with --times; the paper's table with --paper",
         [&](CLI::App& c) {
             cli::setup_kills_command(c, ko);
             c.footer(kExitCodes);
         },
         [&](std::ostream& out) { return cli::run_kills(ko, out); }},
        {"path", "Theorem 5: verify the zero-loss path from z = y * z' to z' exactly, for every t in the path parameter",
         [&](CLI::App& c) {
             cli::setup_path_command(c, pao);
             c.footer(kExitCodes);
         },
         [&](std::ostream& out) { return cli::run_path(pao, out); }},
        {"norm", "Orbit-minimal L2 weight norm of an element (minimised over the per-node shift and scale gauges)",
         [&](CLI::App& c) {
             cli::setup_norm_command(c, no);
             c.footer(kExitCodes);
         },
         [&](std::ostream& out) { return cli::run_norm(no, out); }},
        {"construct", "Write a construction's real weights (.npy, PyTorch layout) and exact Fourier form (JSON)",
         [&](CLI::App& c) { setup_construct(c, co); }, [&](std::ostream& out) { return cli::run_construct(co, out); }},
        {"train", "Train the 2-layer quadratic network by full-batch gradient descent in floating point "
                  "(the paper's experiment; defaults = its run)",
         [&](CLI::App& c) { cli::setup_train_command(c, to); },
         [&](std::ostream& out) { return cli::run_train(to, out); }},
        {"sweep", "Train over a grid of (group, width, weight decay, lr, seed), one process per run, resumable",
         [&](CLI::App& c) { cli::setup_sweep_command(c, so); },
         [&](std::ostream& out) { return cli::run_sweep(so, out); }},
        {"table", "Aggregate a sweep's cross-checks into the paper's table (text, LaTeX, JSON) "
                  "and parameter-angle histograms (SVG)",
         [&](CLI::App& c) { cli::setup_table_command(c, tabo); },
         [&](std::ostream& out) { return cli::run_table(tabo, out); }},
        {"dynamics", "The training dynamics of a cogo train run from its checkpoints: per frequency r_kkk, R_c, R_n, "
                     "R_*, the bias condition, the block order and family; orbit-minimal norm and live nodes over the steps",
         [&](CLI::App& c) { cli::setup_dynamics_command(c, dyo); },
         [&](std::ostream& out) { return cli::run_dynamics(dyo, out); }},
        {"crosscheck", "Cross-check trained weights: factorise each frequency block, classify, round to the exact "
                       "family member and verify the rounded network exactly",
         [&](CLI::App& c) { setup_crosscheck(c, xo); },
         [&](std::ostream& out) { return cli::run_crosscheck(xo, out); }},
        {"check-cert", "Re-check a certificate through an independent code path (multi-modular exact arithmetic)",
         [&](CLI::App& c) { setup_check_cert(c, cc); },
         [&](std::ostream& out) { return cli::run_check_cert(cc.path, cc.json, out); }},
        {"prove", "List (--list) or run the machine-checked proofs of proofs/",
         [&](CLI::App& c) { setup_prove(c, po); }, [&](std::ostream& out) { return cli::run_prove(po, out); }},
    };
    std::vector<CLI::App*> registered;
    for (const Subcommand& s : subcommands) {
        CLI::App* sub = app.add_subcommand(s.name, s.help);
        s.setup(*sub);
        registered.push_back(sub);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {  // --help, --version
            (void)app.exit(e);
            return cogo::cli::exit_ok;
        }
        (void)app.exit(e, std::cout, std::cerr);
        if (json)
            std::cout << nlohmann::json{{"error", e.what()}, {"kind", "usage"}, {"exit_code", cogo::cli::exit_usage}}.dump(2)
                      << "\n";
        return cogo::cli::exit_usage;
    }
    try {
        for (std::size_t i = 0; i < subcommands.size(); ++i)
            if (registered[i]->parsed()) return subcommands[i].run(std::cout);
    } catch (const cogo::Interrupted& e) {
        std::cerr << "cogo: " << e.what() << "\n";
        return 128 + e.signal();
    } catch (const cogo::InvalidInput& e) {
        return report_error(cogo::cli::exit_usage, "bad input", "error", e.what(), json);
    } catch (const cogo::ResourceLimit& e) {
        return report_error(cogo::cli::exit_unknown, "resource limit", "resource limit", e.what(), json);
    } catch (const std::bad_alloc&) {
        return report_error(cogo::cli::exit_unknown, "resource limit", "resource limit", "out of memory", json);
    } catch (const std::exception& e) {
        return report_error(cogo::cli::exit_internal, "internal", "internal error", e.what(), json);
    } catch (...) {
        return report_error(cogo::cli::exit_internal, "internal", "internal error", "an unknown exception", json);
    }
    return cogo::cli::exit_usage;
}

}  // namespace
