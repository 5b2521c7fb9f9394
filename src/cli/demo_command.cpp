#include "io/bounded_read.hpp"
#include "cli/demo_command.hpp"

#include <filesystem>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyze/angle_histograms.hpp"
#include "analyze/sweep_table.hpp"
#include "cli/crosscheck_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/theorem1_command.hpp"
#include "cli/train_command.hpp"
#include "cli/verify_command.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"

namespace cogo::cli {

namespace {

namespace fs = std::filesystem;

/// Prints a step header, runs it, and tells whether its exit code was the expected one.
template <class Run>
bool step(std::ostream& out, const std::string& title, int expected, Run run) {
    out << "== " << title << "\n";
    const int code = run();
    const bool ok = code == expected;
    out << (ok ? "   (as expected)\n\n" : "   UNEXPECTED exit code " + std::to_string(code) + "\n\n");
    return ok;
}

VerifyOptions verify_options(const char* solution) {
    VerifyOptions o;
    o.selection.group = "23";
    o.selection.solution = solution;
    return o;
}

/// Empties `dir` for the demo (creating it if missing), refusing a folder that holds anything but a
/// previous demo's output.
void prepare_folder(const fs::path& dir) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(dir, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status))
            throw InvalidInput("demo: --out " + dir.string() + " exists and is not a directory; choose another --out");
        const bool empty = fs::is_empty(dir, ec);
        if (ec) throw InvalidInput("demo: cannot read " + dir.string() + ": " + ec.message());
        if (!empty && !fs::is_regular_file(dir / kDemoMarker, ec))
            throw InvalidInput("demo: " + dir.string() + " is not empty and was not written by cogo demo (no " +
                               std::string(kDemoMarker) + " file); it is left alone: choose another --out or remove it");
        fs::remove_all(dir, ec);
        if (ec) throw InvalidInput("demo: cannot replace " + dir.string() + ": " + ec.message());
    }
    fs::create_directories(dir, ec);
    if (ec) throw InvalidInput("demo: cannot create " + dir.string() + ": " + ec.message());
    write_file_atomically(dir / kDemoMarker, "written by cogo demo; the folder is replaced whole by the next cogo demo\n");
}

}  // namespace

void setup_demo_command(CLI::App& command, DemoOptions& o) {
    auto* cmd = &command;
    cmd->add_option("--out,-o", o.out, "Folder for the certificate, the trained run and the pictures (replaced whole)")
        ->capture_default_str();
    cmd->add_flag_function("--no-train", [&o](std::int64_t) { o.train = false; }, "Only the exact algebra part (no training)");
    cmd->footer("Exit codes: 0 every step gave the expected verdict, 1 one did not, 2 bad --out.\n");
}

int run_demo(std::ostream& out) { return run_demo(DemoOptions{}, out); }

int run_demo(const DemoOptions& options, std::ostream& out, std::FILE* progress) {
    const fs::path dir = options.out.empty() ? fs::path("cogo-demo") : fs::path(options.out);
    prepare_folder(dir);
    out << "cogo demo: exact global optimality of the paper's constructions on Z_23 (arXiv:2410.01779)\n";
    out << "writing into " << dir.string() << "/\n\n";
    const std::string cert = (dir / "f6_z23_certificate.json").string();

    bool ok = true;
    ok &= step(out, "z_F6 = sum_k z_nu * z_syn / 6 (order 3(d-1) = 66): cogo verify --d 23 --solution F6 --certificate",
               exit_ok, [&] {
                   VerifyOptions o = verify_options("F6");
                   o.certificate = cert;
                   return run_verify(o, out);
               });
    ok &= step(out, "independent re-check of that certificate: cogo check-cert", exit_ok,
               [&] { return run_check_cert(cert, false, out); });
    ok &= step(out, "z_F4/6 (order 2d = 46, bias cancelled across frequencies): cogo verify --d 23 --solution F46",
               exit_ok, [&] { return run_verify(verify_options("F46"), out); });
    ok &= step(out, "all-order-4 sum_k z_{nu=i} * z_xi / 4 (bias NOT cancelled): cogo verify --d 23 --solution order4",
               exit_refuted, [&] { return run_verify(verify_options("order4"), out); });
    ok &= step(out, "beyond the paper, any finite Abelian group (real frequencies k = -k): cogo verify --group 2x3x4 --solution min",
               exit_ok, [&] {
                   VerifyOptions o = verify_options("min");
                   o.selection.group = "2x3x4";
                   return run_verify(o, out);
               });
    ok &= step(out, "Theorem 1 (L2 loss decoupling) on a random rational network: cogo theorem1 --d 7 --zero-mean",
               exit_ok, [&] {
                   Theorem1Options t;
                   t.group = "7";
                   t.zero_mean = true;
                   return run_theorem1(t, out);
               });

    if (options.train) {
        const fs::path run = dir / "run";
        TrainCommandOptions t;
        t.config.group = "23";
        t.config.steps = options.steps;
        t.config.weight_decay = 2e-4;
        t.config.eval_every = 1;
        t.config.threads = 1;
        t.out = run.string();
        ok &= step(out,
                   "gradient descent on the paper's network (Z_23, q = 512, Adam lr 0.01, wd 2e-4, " +
                       std::to_string(options.steps) + " steps, seed 1): cogo train --d 23 --wd 2e-4 --steps " +
                       std::to_string(options.steps) + " --out " + run.string(),
                   exit_ok, [&] { return run_train(t, out, progress); });
        CrosscheckCommandOptions x;
        x.dir = run.string();
        x.svg = (dir / "spectrum.svg").string();
        ok &= step(out,
                   "is the trained network exactly a global optimum? factorise, classify, round, prove: cogo crosscheck " +
                       run.string() + " --svg " + x.svg,
                   exit_ok, [&] { return run_crosscheck(x, out); });
        // the parameter histograms of this one run (cogo table draws them over a whole sweep)
        AbelianGroup group = AbelianGroup::cyclic(2);
        const NetworkWeights<double> w = load_trained_weights(x, group);
        const nlohmann::json report = crosscheck_json(analyze::crosscheck(group, w, x.analysis));
        const nlohmann::json summary = nlohmann::json::parse(read_text_file_bounded(run / kSummaryFile, kMaxJsonInputBytes, "run summary"));
        write_file_atomically(dir / "angles.svg", analyze::angle_histograms_svg({analyze::run_shares(summary, report)}));
        out << "pictures (open them in a browser, or display them in Jupyter with IPython.display.SVG):\n"
            << "  " << (run / kCurvesFile).string() << "   training curves: loss, accuracy, weight norm, live nodes\n"
            << "  " << x.svg << "   Fourier spectrum of every live node, grouped by frequency block\n"
            << "  " << (dir / "angles.svg").string() << "   the blocks' parameters (turns, modulo their symmetries)\n\n";
    }
    out << (ok ? "demo: every step gave the expected exact verdict\n" : "demo: some step gave an unexpected verdict\n");
    return ok ? exit_ok : exit_refuted;
}

}  // namespace cogo::cli
