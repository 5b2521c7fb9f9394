#include "cli/symbolic_verify.hpp"

#include <chrono>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/symbol_options.hpp"
#include "cli/verify_command.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"

namespace cogo::cli {

namespace {

/// The verdict word: PROVED, CONDITIONAL (some values may work), REFUTED (no value works).
std::string symbolic_verdict(const SymbolicVerification& v) {
    if (v.result.verdict == Verdict::unknown) return "UNKNOWN";
    if (v.residuals.empty()) return "PROVED";
    if (v.refuted()) return "REFUTED";
    return "CONDITIONAL";
}

const char* common_zeros_name(const CommonZeros& c) {
    switch (c.status) {
        case CommonZeros::Status::none: return "none";
        case CommonZeros::Status::complex_zeros: return "complex_zeros";
        case CommonZeros::Status::undecided: return "undecided";
    }
    return "undecided";
}

std::string triple(const OutputCondition<Symbolic>& c) {
    return "T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) + ", " + std::to_string(c.k2) + ")";
}

}  // namespace

int run_symbolic_verify(const SolutionOptions& selection, const ExpressionSymbols& symbols, const ResourceLimits& limits,
                        const std::string& certificate, bool json, std::ostream& out) {
    const auto start = std::chrono::steady_clock::now();
    const SymbolicElement selected = select_symbolic_element(selection, symbols, limits);
    const Element<Symbolic>& z = selected.z;
    const std::uint64_t work = saturating_mul(work_estimate(z), kSymbolicProductTerms);
    SymbolicVerification v;
    v.result.work = work_estimate(z);
    if (work > limits.max_terms) {
        v.result.reason = "work estimate " + std::to_string(v.result.work) + " symbolic products (x " +
                          std::to_string(kSymbolicProductTerms) + " terms) exceeds --max-terms " +
                          std::to_string(limits.max_terms);
    } else {
        VerifyLimits vl;
        vl.max_terms = ResourceLimits::unlimited;
        v = verify_symbolic(z, symbols, vl);
    }
    const std::string verdict = symbolic_verdict(v);

    const CertificateWrite written =
        !certificate.empty() && verdict != "UNKNOWN"
            ? write_certificate(
                  certificate,
                  [&] { return symbolic_certificate_text(z, symbols, v, "l(z) = 0 for " + selected.description); })
            : CertificateWrite{};
    const std::string& certificate_error = written.error;
    const int certificate_code = written.code;
    const bool certificate_written = !certificate.empty() && verdict != "UNKNOWN" && certificate_error.empty();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::map<std::string, std::size_t> by_kind;
    for (const auto& c : v.result.conditions) ++by_kind[condition_kind_name(c.kind())];

    if (json) {
        nlohmann::json residuals = nlohmann::json::array();
        for (std::size_t i : v.residuals) {
            const auto& c = v.result.conditions[i];
            residuals.push_back({{"k", c.k}, {"k1", c.k1}, {"k2", c.k2}, {"kind", condition_kind_name(c.kind())},
                                 {"value", c.value.to_string()}, {"target", c.target},
                                 {"residual", c.defect().to_string()}});
        }
        nlohmann::json solution = nullptr;
        if (v.solution) {
            const ResidualSolution& s = *v.solution;
            nlohmann::json roots = nlohmann::json::array();
            for (const auto& [m, j] : s.roots) roots.push_back({{"order", m}, {"power", j}});
            solution = {{"symbol", s.symbol}, {"kind", s.unit_modulus ? "unit" : "real"},
                        {"gcd", polynomial_text(s.gcd, s.symbol)}, {"holds", s.describe()},
                        {"no_solution", s.holds_nowhere()}, {"roots", roots},
                        {"real_root", s.real_root ? nlohmann::json(s.real_root->to_string()) : nlohmann::json(nullptr)},
                        {"complete", s.complete},
                        {"not_solved", s.not_solved.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.not_solved)}};
        }
        out << nlohmann::json{{"verdict", verdict},
                              {"element", selected.description},
                              {"expr", selection.expr},
                              {"symbols", symbols_json(symbols)},
                              {"group", z.group().spec()},
                              {"order", z.order()},
                              {"conditions", v.result.conditions.size()},
                              {"conditions_by_kind", by_kind},
                              {"failing", v.residuals.size()},
                              {"residuals", residuals},
                              {"solution", solution},
                              {"not_solved", v.not_solved.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.not_solved)},
                              {"common_zeros", v.common_zeros ? nlohmann::json{{"status", common_zeros_name(*v.common_zeros)},
                                                                               {"constant_residual", v.common_zeros->constant ? nlohmann::json(*v.common_zeros->constant) : nlohmann::json(nullptr)},
                                                                               {"basis_size", v.common_zeros->basis_size},
                                                                               {"reason", v.common_zeros->reason}}
                                                              : nlohmann::json(nullptr)},
                              {"work", v.result.work},
                              {"reason", v.result.reason},
                              {"unknown_reason", v.result.verdict == Verdict::unknown
                                                     ? nlohmann::json(unknown_reason_name(v.result.unknown_reason))
                                                     : nlohmann::json(nullptr)},
                              {"certificate", certificate_written ? nlohmann::json(certificate) : nlohmann::json(nullptr)},
                              {"certificate_error", certificate_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(certificate_error)},
                              {"seconds", seconds}}
                   .dump(2)
            << "\n";
    } else {
        out << "element: " << selected.description << "\n"
            << "  order " << z.order() << ", group order " << z.group().order() << "\n";
        if (verdict == "UNKNOWN") {
            out << "UNKNOWN: " << v.result.reason << "\n";
        } else {
            out << "  conditions decided exactly as identities in the parameters: " << v.result.conditions.size() << " (";
            bool first = true;
            for (const auto& [kind, count] : by_kind) {
                out << (first ? "" : ", ") << kind << " " << count;
                first = false;
            }
            out << "); every other T_k(k1,k2) vanishes structurally\n";
            if (verdict == "PROVED") {
                out << "PROVED: global optimum for ALL values of the parameters (" << describe_symbols(symbols)
                    << "), exact loss 0\n";
            } else {
                out << verdict << ": " << v.residuals.size()
                    << " residual condition(s) do not hold identically (l = 0 iff all of them vanish):\n";
                constexpr std::size_t kShown = 12;
                for (std::size_t n = 0; n < v.residuals.size() && n < kShown; ++n) {
                    const auto& c = v.result.conditions[v.residuals[n]];
                    out << "    " << triple(c) << " - " << c.target << " = " << c.defect().to_string() << "  ("
                        << condition_kind_name(c.kind()) << ")\n";
                }
                if (v.residuals.size() > kShown) out << "    ... (" << v.residuals.size() - kShown << " more; --json lists all)\n";
                if (v.solution) out << "  solution: l = 0 " << v.solution->describe() << "\n";
                else if (v.common_zeros && v.common_zeros->refuted()) out << "  for no value: " << v.common_zeros->reason << "\n";
                else out << "  " << v.not_solved << "\n";
            }
            if (certificate_written) out << "  certificate written to " << certificate << "\n";
            if (!certificate_error.empty()) out << "  certificate NOT written: " << certificate_error << "\n";
        }
        out << "  " << seconds << " s\n";
    }
    if (!certificate_error.empty()) {
        std::cerr << "cogo: error: " << certificate_error << "\n";
        return certificate_code;
    }
    if (verdict == "UNKNOWN") return exit_unknown;
    return verdict == "PROVED" ? exit_ok : exit_refuted;
}

int print_symbolic_check(const std::string& path, const SymbolicCertificateCheck& check, double seconds, bool json,
                         std::ostream& out) {
    std::string group, group_name;
    for (const std::uint64_t d : check.group) {
        group += (group.empty() ? "" : "x") + std::to_string(d);
        group_name += (group_name.empty() ? "Z_" : " x Z_") + std::to_string(d);
    }
    constexpr std::size_t kShown = 300;
    std::string statement = check.statement.size() <= kShown ? check.statement : check.statement.substr(0, kShown) + "...";
    for (char& c : statement)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    if (json) {
        out << nlohmann::json{{"accepted", check.accepted()}, {"status", check_status_name(check.status)},
                              {"reason", check.reason}, {"verdict", check.verdict},
                              {"kind", "symbolic"},
                              {"group", group.empty() ? nlohmann::json(nullptr) : nlohmann::json(group)},
                              {"statement", check.statement}, {"established", check.established},
                              {"conditions", check.conditions}, {"residuals", check.residuals}, {"seconds", seconds}}
                   .dump(2)
            << "\n";
    } else {
        out << "symbolic certificate " << path << ": group " << (group.empty() ? "(unreadable)" : group_name) << ", verdict "
            << (check.verdict.empty() ? "(unreadable)" : check.verdict) << "\n";
        if (!statement.empty()) out << "  statement: " << statement << "\n";
        if (check.accepted())
            out << "ACCEPTED: " << check.established << " (" << check.conditions << " conditions re-expanded, "
                << check.residuals << " residual(s), " << seconds << " s)\n";
        else
            out << check_status_name(check.status) << ": " << check.reason << "\n";
    }
    return exit_code(check);
}

}  // namespace cogo::cli
