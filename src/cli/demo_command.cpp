#include "cli/demo_command.hpp"

#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

#include "cli/exit_codes.hpp"
#include "cli/theorem1_command.hpp"
#include "cli/verify_command.hpp"

namespace cogo::cli {

namespace {

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

}  // namespace

int run_demo(std::ostream& out) {
    out << "cogo demo: exact global optimality of the paper's constructions on Z_23 (arXiv:2410.01779)\n\n";
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = fs::temp_directory_path(ec) / ("cogo-demo-" + std::to_string(::getpid()));
    fs::create_directories(dir, ec);
    const std::string cert = (dir / "f6_z23.json").string();

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
    fs::remove_all(dir, ec);
    out << (ok ? "demo: every step gave the expected exact verdict\n" : "demo: some step gave an unexpected verdict\n");
    return ok ? exit_ok : exit_refuted;
}

}  // namespace cogo::cli
