#include "cli/path_command.hpp"

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "construct/expression.hpp"
#include "dynamics/zero_loss_path.hpp"
#include "io/atomic_file.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"
#include "support/error.hpp"
#include "verify/certificate_writer.hpp"
#include "verify/verify.hpp"

namespace cogo::cli {

namespace {

const char* verdict_word(Verdict v) {
    return v == Verdict::proved ? "PROVED" : v == Verdict::refuted ? "REFUTED" : "UNKNOWN";
}

std::string loss_text(const std::optional<Cyclotomic>& l) { return l ? l->to_string() : "-"; }
std::string loss_text(const std::optional<Symbolic>& l) { return l ? l->to_string() : "-"; }

/// The failing conditions of a decided verification along the path: "T_k(k1, k2) - target = defect (kind)".
std::vector<std::string> residual_lines(const VerificationResult<Symbolic>& r) {
    std::vector<std::string> out;
    if (r.verdict == Verdict::unknown) return out;
    for (const auto& c : r.conditions) {
        const Symbolic defect = c.defect();
        if (defect.is_zero()) continue;
        out.push_back("T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) + ", " + std::to_string(c.k2) + ") - " +
                      std::to_string(c.target) + " = " + defect.to_string() + " (" + condition_kind_name(c.kind()) + ")");
    }
    return out;
}

}  // namespace

void setup_path_command(CLI::App& command, PathOptions& o) {
    auto* path = &command;
    path->add_option("--d", o.group, "Modulus d: the group Z_d");
    path->add_option("--group,-g", o.group, "Group d1xd2x...");
    path->add_option("--y", o.y, "The multiplier y (ring expression), e.g. 'sum(syn)/3'")->required();
    path->add_option("--z", o.z_prime, "The lower-order global solution z' (ring expression), e.g. 'sum(nu(1/3)*syn)/6'")
        ->required();
    path->add_option("--certificate", o.certificate,
                     "Write PREFIX.t1_3.json and PREFIX.t2_3.json (check both with check-cert)");
    path->add_option("--max-terms", o.max_terms, "Work limit of each exact verification")->capture_default_str();
    path->add_flag("--json", o.json, "Machine-readable output");
}

int run_path(const PathOptions& o, std::ostream& out) {
    if (o.group.empty()) throw InvalidInput("path needs a group: --d D or --group d1xd2x...");
    const AbelianGroup g = AbelianGroup::parse(o.group);
    const Element<Cyclotomic> y = evaluate_expression(g, o.y), zp = evaluate_expression(g, o.z_prime);
    VerifyLimits limits;
    limits.max_terms = o.max_terms;

    const auto zp_result = verify_global_optimum(zp, limits);
    const Element<Cyclotomic> z = y * zp;
    const auto z_result = verify_global_optimum(z, limits);
    const std::optional<std::string> sufficient = sufficient_form_violation(zp);
    const std::optional<std::string> unit_y = unit_r_kkk_violation(y);

    // The path for a symbolic real t: one exact verification decides every t at once.
    auto to_symbolic = [](const Element<Cyclotomic>& e) {
        return map_values<Symbolic>(e, [](const Cyclotomic& c) { return Symbolic::from_cyclotomic(c); });
    };
    const Symbolic t = Symbolic::real_variable("t");
    const Element<Symbolic> path = zero_loss_path(to_symbolic(y), to_symbolic(zp), t);
    const auto path_result = verify_global_optimum(path, limits);

    // Two rational points with certificates (the affine-in-t argument).
    const Cyclotomic t1 = Cyclotomic::rational(1, 3), t2 = Cyclotomic::rational(2, 3);
    const Element<Cyclotomic> p1 = zero_loss_path(y, zp, t1), p2 = zero_loss_path(y, zp, t2);
    const auto r1 = verify_global_optimum(p1, limits), r2 = verify_global_optimum(p2, limits);
    std::string cert1, cert2;
    if (!o.certificate.empty()) {
        cert1 = o.certificate + ".t1_3.json";
        cert2 = o.certificate + ".t2_3.json";
        if (r1.verdict != Verdict::unknown)
            write_file_atomically(cert1, certificate_text(p1, r1, "l(z(t)) = 0 at t = 1/3 on the path z(t) = y_t * z' with y = " + o.y + ", z' = " + o.z_prime + " on " + g.name()));
        if (r2.verdict != Verdict::unknown)
            write_file_atomically(cert2, certificate_text(p2, r2, "l(z(t)) = 0 at t = 2/3 on the path z(t) = y_t * z' with y = " + o.y + ", z' = " + o.z_prime + " on " + g.name()));
    }

    const std::vector<std::string> residuals = residual_lines(path_result);

    const bool any_unknown = zp_result.verdict == Verdict::unknown || z_result.verdict == Verdict::unknown ||
                             path_result.verdict == Verdict::unknown;
    const bool all_proved = zp_result.verdict == Verdict::proved && z_result.verdict == Verdict::proved &&
                            path_result.verdict == Verdict::proved && r1.verdict == Verdict::proved &&
                            r2.verdict == Verdict::proved;
    const char* verdict = all_proved ? "PROVED" : any_unknown ? "UNKNOWN" : "REFUTED";

    if (o.json) {
        out << nlohmann::json{{"verdict", verdict},
                              {"group", g.spec()},
                              {"y", o.y},
                              {"z_prime", o.z_prime},
                              {"order_y", y.order()},
                              {"order_z_prime", zp.order()},
                              {"order_path", path.order()},
                              {"z_prime_global", verdict_word(zp_result.verdict)},
                              {"z_global", verdict_word(z_result.verdict)},
                              {"z_prime_sufficient_form", !sufficient},
                              {"sufficient_form_violation", sufficient ? nlohmann::json(*sufficient) : nlohmann::json(nullptr)},
                              {"y_unit_r_kkk", !unit_y},
                              {"y_violation", unit_y ? nlohmann::json(*unit_y) : nlohmann::json(nullptr)},
                              {"path_all_t", verdict_word(path_result.verdict)},
                              {"path_loss", loss_text(path_result.loss)},
                              {"path_conditions", path_result.conditions.size()},
                              {"path_residuals", residuals},
                              {"t_1_3", verdict_word(r1.verdict)},
                              {"t_2_3", verdict_word(r2.verdict)},
                              {"certificates", o.certificate.empty() ? nlohmann::json(nullptr) : nlohmann::json{cert1, cert2}}}
                   .dump(2)
            << "\n";
    } else {
        out << "zero-loss path on " << g.name() << ": z(t) = y_t * z', y_t = (1 - t) y + t 1, t in [0, 1]\n"
            << "  y  = " << o.y << " (order " << y.order() << ")\n"
            << "  z' = " << o.z_prime << " (order " << zp.order() << ")\n"
            << "  z' global optimum:        " << verdict_word(zp_result.verdict) << " (exact loss " << loss_text(zp_result.loss) << ")\n"
            << "  z = y * z' global optimum: " << verdict_word(z_result.verdict) << " (order " << z.order() << ", exact loss " << loss_text(z_result.loss) << ")\n"
            << "  hypotheses of the path lemma: z' in the sufficient form: " << (sufficient ? "no (" + *sufficient + ")" : std::string("yes"))
            << "; r_kkk(y) = 1 at every k: " << (unit_y ? "no (" + *unit_y + ")" : std::string("yes")) << "\n"
            << "  loss along the path, symbolic t (" << path.order() << " nodes, " << path_result.conditions.size()
            << " conditions): " << verdict_word(path_result.verdict) << ", l(z(t)) = " << loss_text(path_result.loss) << "\n";
        constexpr std::size_t kShown = 12;
        for (std::size_t i = 0; i < residuals.size() && i < kShown; ++i) out << "    residual " << residuals[i] << "\n";
        if (residuals.size() > kShown) out << "    ... (" << residuals.size() - kShown << " more; --json lists all)\n";
        out
            << "  at t = 1/3: " << verdict_word(r1.verdict) << ", at t = 2/3: " << verdict_word(r2.verdict)
            << " (each condition is affine in t: two points decide every t)\n";
        if (!o.certificate.empty()) out << "  certificates: " << cert1 << ", " << cert2 << " (cogo check-cert)\n";
        out << verdict << (all_proved ? ": the loss is identically 0 along the path from z to z'" : "") << "\n";
    }
    return all_proved ? exit_ok : any_unknown ? exit_unknown : exit_refuted;
}

}  // namespace cogo::cli
