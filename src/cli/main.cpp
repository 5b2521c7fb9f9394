// The `cogo` executable: one command-line tool with subcommands (ARCHITECTURE.md section 4).
// Errors from the library are caught only here and mapped to exit codes (cli/exit_codes.hpp).
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/construct_command.hpp"
#include "cli/crosscheck_command.hpp"
#include "cli/demo_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/prove_command.hpp"
#include "cli/sweep_command.hpp"
#include "cli/table_command.hpp"
#include "cli/theorem1_command.hpp"
#include "cli/train_command.hpp"
#include "cli/verify_command.hpp"
#include "support/error.hpp"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 proved/ok, 1 refuted, 2 usage or bad input, 3 unknown or resource limit, 4 internal error.\n";

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"cogo: exact verification of composed global optima of 2-layer quadratic networks on Abelian "
                 "group tasks (arXiv:2410.01779)"};
    app.footer(kExitCodes);
    app.set_version_flag("--version", "cogo 0.1.0");
    app.require_subcommand(1);

    auto* demo = app.add_subcommand("demo", "Run the main job on a default: prove z_F6 and z_F4/6 optimal on Z_23, refute all-order-4, prove the smallest known solution on Z_2 x Z_3 x Z_4, check Theorem 1");

    cogo::cli::Theorem1Options t1;
    auto* theorem1 = app.add_subcommand(
        "theorem1", "Check Theorem 1 (Fourier loss formula = direct all-pairs loss) exactly on a random network");
    theorem1->add_option("--group,-g", t1.group, "Group: N for Z_N, or d1xd2x... (e.g. 2x4)")->capture_default_str();
    theorem1->add_option("--d", t1.group, "Modulus d (same as --group d)");
    theorem1->add_option("--width,-q", t1.width, "Hidden nodes q (1..64)")->capture_default_str();
    theorem1->add_option("--seed,-s", t1.seed, "Seed of the random rational weights")->capture_default_str();
    theorem1->add_flag("--zero-mean", t1.zero_mean, "Inputs without DC component (also checks the zero-mean form)");
    theorem1->add_flag("--json", t1.json, "Machine-readable output");
    theorem1->footer(kExitCodes);

    cogo::cli::VerifyOptions vo;
    auto* verify = app.add_subcommand(
        "verify", "Decide exactly whether an element is a global optimum (l = 0): PROVED / REFUTED / UNKNOWN");
    cogo::cli::add_solution_options(verify, vo.selection);
    verify->add_option("--certificate", vo.certificate, "Write a JSON certificate (re-check with check-cert)");
    verify->add_option("--max-terms", vo.max_terms, "Work limit in scalar products; beyond it: UNKNOWN (exit 3)")
        ->capture_default_str();
    verify->add_flag("--json", vo.json, "Machine-readable output");
    verify->footer(kExitCodes);

    cogo::cli::ConstructOptions co;
    auto* construct = app.add_subcommand(
        "construct", "Write a construction's real weights (.npy, PyTorch layout) and exact Fourier form (JSON)");
    cogo::cli::add_solution_options(construct, co.selection);
    construct->add_option("--out,-o", co.out, "Output directory (created if missing)")->required();
    construct->add_flag("--json", co.json, "Machine-readable summary");
    construct->footer(kExitCodes);

    cogo::cli::TrainCommandOptions to;
    auto* train = cogo::cli::add_train_command(app, to);

    cogo::cli::SweepOptions so;
    auto* sweep = cogo::cli::add_sweep_command(app, so);

    cogo::cli::TableOptions tabo;
    auto* table = cogo::cli::add_table_command(app, tabo);

    cogo::cli::CrosscheckCommandOptions xo;
    auto* crosscheck = app.add_subcommand(
        "crosscheck", "Cross-check trained weights: factorise each frequency block, classify, round to the exact "
                      "family member and verify the rounded network exactly");
    crosscheck->add_option("DIR", xo.dir, "Directory with Wa.npy, Wb.npy, V.npy (PyTorch layout), or an .npz archive with arrays Wa, Wb, V");
    crosscheck->add_option("--wa", xo.wa, "W_a file (.npy, q x n)");
    crosscheck->add_option("--wb", xo.wb, "W_b file (.npy, q x n)");
    crosscheck->add_option("--v", xo.v, "V file (.npy, n x q)");
    crosscheck->add_option("--group,-g", xo.group, "Group d1xd2x... (default: the group named in DIR/summary.json if present, else Z_n, n = columns of W_a)");
    crosscheck->add_option("--rounded", xo.rounded, "Write the exact rounded network (cogo-element JSON)");
    crosscheck->add_option("--svg", xo.svg, "Write the per-node Fourier spectrum with the blocks (SVG)");
    crosscheck->add_flag("--json", xo.json, "Machine-readable output");
    crosscheck->add_flag("--no-verify", [&xo](std::int64_t) { xo.analysis.verify = false; },
                         "Skip the exact verification");
    crosscheck->add_option("--dead-threshold", xo.analysis.assignment.dead_threshold,
                           "Dead node: strength below this fraction of the largest")->capture_default_str();
    crosscheck->add_option("--factor-tolerance", xo.analysis.classify.factor_tolerance,
                           "Max factorisation residual (dimensionless)")->capture_default_str();
    crosscheck->add_option("--class-tolerance", xo.analysis.classify.class_tolerance,
                           "Max family-constraint violation")->capture_default_str();
    crosscheck->add_option("--magnitude-tolerance", xo.analysis.classify.magnitude_tolerance,
                           "Max spread of log|abc| over a block's nodes")->capture_default_str();
    crosscheck->add_option("--r-kkk-tolerance", xo.analysis.r_kkk_tolerance,
                           "Max |r_kkk - 1| of a block's trained nodes (the optimum has r_kkk = 1)")->capture_default_str();
    crosscheck->add_option("--round-tolerance", xo.analysis.round_tolerance,
                           "Max distance trained block vs exact rounded block")->capture_default_str();
    crosscheck->add_option("--snap-tolerance", xo.analysis.snap_tolerance,
                           "Snap a parameter to a multiple of 1/24 turn when this close (turns)")->capture_default_str();
    crosscheck->add_option("--max-terms", xo.analysis.max_terms, "Work limit of the exact verification")
        ->capture_default_str();
    crosscheck->footer("Exit codes: 0 the network is PROVED (every block and bias condition exact; or --no-verify), "
                       "1 REFUTED (every live node rounded, an exact condition fails), 2 usage or bad input, "
                       "3 PARTIAL (some blocks unresolved), UNKNOWN or resource limit, 4 internal error.\n");

    std::string cert_path;
    bool cert_json = false;
    auto* check_cert = app.add_subcommand(
        "check-cert", "Re-check a certificate through an independent code path (multi-modular exact arithmetic)");
    check_cert->add_option("FILE", cert_path, "Certificate written by cogo verify --certificate")->required();
    check_cert->add_flag("--json", cert_json, "Machine-readable output");
    check_cert->footer("Exit codes: 0 accepted, 1 rejected, 2 unreadable or not JSON, 3 resource limit, 4 internal error.\n");

    cogo::cli::ProveOptions po;
    auto* prove = app.add_subcommand("prove", "List (--list) or run the machine-checked proofs of proofs/");
    prove->add_flag("--list", po.list, "List the proofs with their statements");
    prove->add_flag("--all", po.all, "Run every proof (not the should-fail ones)");
    prove->add_option("NAME", po.names, "Proof(s) to run, e.g. odd_d_optima");
    prove->add_option("--dir", po.dir, "Folder of the proof programs (default: $COGO_PROOFS_DIR, else ../proofs "
                                       "next to the cogo executable)");
    prove->footer("Exit codes: 0 every proof ended as registered (PROVED; FAILED for should-fail ones), 1 one did "
                  "not, 2 usage, unknown name or proof not built, 3 not decided, 4 abnormal exit.\n");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? cogo::cli::exit_ok : cogo::cli::exit_usage;
    }
    try {
        if (demo->parsed()) return cogo::cli::run_demo(std::cout);
        if (theorem1->parsed()) return cogo::cli::run_theorem1(t1, std::cout);
        if (verify->parsed()) return cogo::cli::run_verify(vo, std::cout);
        if (construct->parsed()) return cogo::cli::run_construct(co, std::cout);
        if (check_cert->parsed()) return cogo::cli::run_check_cert(cert_path, cert_json, std::cout);
        if (prove->parsed()) return cogo::cli::run_prove(po, std::cout);
        if (crosscheck->parsed()) return cogo::cli::run_crosscheck(xo, std::cout);
        if (train->parsed()) return cogo::cli::run_train(to, std::cout);
        if (sweep->parsed()) return cogo::cli::run_sweep(so, std::cout);
        if (table->parsed()) return cogo::cli::run_table(tabo, std::cout);
    } catch (const cogo::InvalidInput& e) {
        std::cerr << "cogo: error: " << e.what() << "\n";
        return cogo::cli::exit_usage;
    } catch (const cogo::ResourceLimit& e) {
        std::cerr << "cogo: resource limit: " << e.what() << "\n";
        return cogo::cli::exit_unknown;
    } catch (const std::exception& e) {
        std::cerr << "cogo: internal error: " << e.what() << "\n";
        return cogo::cli::exit_internal;
    }
    return cogo::cli::exit_usage;
}
