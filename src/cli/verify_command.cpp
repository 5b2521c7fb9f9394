#include "cli/verify_command.hpp"

#include <sys/resource.h>

#include <chrono>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/symbolic_verify.hpp"
#include "io/atomic_file.hpp"
#include "io/bounded_read.hpp"
#include "io/element_json.hpp"
#include "support/error.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/certificate_writer.hpp"
#include "verify/verification_cost.hpp"
#include "verify/verify.hpp"

namespace cogo::cli {

CertificateWrite write_certificate(const std::string& path, const std::function<std::string()>& text) {
    try {
        write_file_atomically(path, text());
        return {};
    } catch (const InvalidInput& e) {
        return {e.what(), exit_usage};
    } catch (const ResourceLimit& e) {
        return {e.what(), exit_unknown};
    }
}

double peak_memory_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

namespace {

std::string describe_condition(const OutputCondition<Cyclotomic>& c) {
    return std::string(condition_kind_name(c.kind())) + " condition T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) +
           ", " + std::to_string(c.k2) + ") = " + c.value.to_string() + ", target " + std::to_string(c.target);
}

}  // namespace

int run_verify(const VerifyOptions& options, std::ostream& out) {
    if (!options.symbols.empty())
        return run_symbolic_verify(options.selection, options.symbols, options.limits, options.certificate, options.json, out);
    const auto start = std::chrono::steady_clock::now();
    const SelectedElement selected = select_element(options.selection, options.limits);
    const Element<Cyclotomic>& z = selected.z;
    // The verification's cost (scalar products x field degree, memory) is estimated before it runs; beyond
    // the limits the verdict is UNKNOWN (exit 3) and nothing is decided.
    const VerificationCost cost = verification_cost(z);
    VerificationResult<Cyclotomic> result;
    result.work = cost.products;
    result.reason = exceeded_limit(cost, options.limits);
    if (!result.reason.empty())
        result.unknown_reason = cost.terms() > options.limits.max_terms ? UnknownReason::work_limit : UnknownReason::memory_limit;
    if (result.reason.empty()) {
        VerifyLimits limits;
        limits.max_terms = ResourceLimits::unlimited;  // bounded above, in terms of the field degree too
        result = verify_global_optimum(z, limits);
    }
    const double verify_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::map<std::string, std::size_t> by_kind;
    for (const auto& c : result.conditions) ++by_kind[condition_kind_name(c.kind())];
    const unsigned long field = common_field(z);

    // a certificate that cannot be written does not hide the verdict already decided: it is reported, then
    // the command fails with the write error's code
    const CertificateWrite written =
        !options.certificate.empty() && result.verdict != Verdict::unknown
            ? write_certificate(options.certificate,
                                [&] { return certificate_text(z, result, "l(z) = 0 for " + selected.description); })
            : CertificateWrite{};
    const std::string& certificate_error = written.error;
    const int certificate_code = written.code;
    const bool certificate_written = !options.certificate.empty() && result.verdict != Verdict::unknown &&
                                     certificate_error.empty();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (options.json) {
        nlohmann::json j = {{"verdict", verdict_name(result.verdict)},
                            {"element", selected.description},
                            {"solution", selected.name},
                            {"parameters", selected.parameters},
                            {"group", z.group().spec()},
                            {"order", z.order()},
                            {"field", field},
                            {"conditions", result.conditions.size()},
                            {"conditions_by_kind", by_kind},
                            {"failing", result.failing},
                            {"work", result.work},
                            {"loss", result.loss ? nlohmann::json(result.loss->to_string()) : nlohmann::json(nullptr)},
                            {"counterexample", nullptr},
                            {"reason", result.reason},
                            {"unknown_reason", result.verdict == Verdict::unknown
                                                   ? nlohmann::json(unknown_reason_name(result.unknown_reason))
                                                   : nlohmann::json(nullptr)},
                            {"certificate", certificate_written ? nlohmann::json(options.certificate) : nlohmann::json(nullptr)},
                            {"certificate_error", certificate_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(certificate_error)},
                            {"seconds_verify", verify_seconds},
                            {"seconds", seconds},
                            {"peak_memory_mib", peak_memory_mib()}};
        if (result.counterexample) {
            const auto& c = result.conditions[*result.counterexample];
            j["counterexample"] = {{"kind", condition_kind_name(c.kind())}, {"k", c.k}, {"k1", c.k1}, {"k2", c.k2},
                                   {"value", c.value.to_string()}, {"target", c.target}};
        }
        out << j.dump(2) << "\n";
    } else {
        out << "element: " << selected.description << "\n"
            << "  order " << z.order() << ", entries in Q(zeta_" << field << "), group order " << z.group().order() << "\n";
        if (result.verdict == Verdict::unknown) {
            out << "UNKNOWN: " << result.reason << "\n";
        } else {
            out << "  conditions decided exactly: " << result.conditions.size() << " (";
            bool first = true;
            for (const auto& [kind, count] : by_kind) {
                out << (first ? "" : ", ") << kind << " " << count;
                first = false;
            }
            out << "); every other T_k(k1,k2) vanishes structurally\n";
            if (result.verdict == Verdict::proved) {
                out << "PROVED: global optimum, exact loss " << result.loss->to_string() << "\n";
            } else {
                out << "REFUTED: " << result.failing << " failing condition(s); first: "
                    << describe_condition(result.conditions[*result.counterexample]) << "\n"
                    << "  exact loss " << result.loss->to_string() << "\n";
            }
            if (certificate_written) out << "  certificate written to " << options.certificate << "\n";
            if (!certificate_error.empty()) out << "  certificate NOT written: " << certificate_error << "\n";
        }
        out << "  " << seconds << " s, peak memory " << peak_memory_mib() << " MiB\n";
    }
    if (!certificate_error.empty()) {
        std::cerr << "cogo: error: " << certificate_error << "\n";
        return certificate_code;
    }
    return exit_code(result.verdict);
}

int run_check_cert(const std::string& path, bool json, std::ostream& out) {
    const auto start = std::chrono::steady_clock::now();
    // read once; the format tag picks the checker (symbolic here; number-field inside check_certificate)
    const std::string text = read_text_file_bounded(path, kMaxJsonInputBytes, "certificate");
    if (is_symbolic_certificate(text)) {
        const SymbolicCertificateCheck check = check_symbolic_certificate(text);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return print_symbolic_check(path, check, seconds, json, out);
    }
    const CertificateCheck check = check_certificate(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string group, group_name;  // "2x3", "Z_2 x Z_3"
    for (const std::uint64_t d : check.group) {
        group += (group.empty() ? "" : "x") + std::to_string(d);
        group_name += (group_name.empty() ? "Z_" : " x Z_") + std::to_string(d);
    }
    // the statement is the file's own text: shown bounded and without control characters, never trusted
    constexpr std::size_t kShown = 300;
    std::string statement =
        check.statement.size() <= kShown ? check.statement : check.statement.substr(0, kShown) + "...";
    for (char& c : statement)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    if (json) {
        out << nlohmann::json{{"accepted", check.accepted()},
                              {"status", check_status_name(check.status)},
                              {"reason", check.reason},
                              {"verdict", check.verdict},
                              {"group", group.empty() ? nlohmann::json(nullptr) : nlohmann::json(group)},
                              {"statement", check.statement},
                              {"conditions", check.conditions},
                              {"primes", check.primes},
                              {"proven", check.proven},
                              {"seconds", seconds}}
                   .dump(2)
            << "\n";
    } else {
        out << "certificate " << path << ": group " << (group.empty() ? "(unreadable)" : group_name)
            << ", verdict " << (check.verdict.empty() ? "(unreadable)" : check.verdict) << "\n";
        if (!statement.empty()) out << "  statement: " << statement << "\n";
        if (check.accepted()) {
            out << "ACCEPTED: the certificate's " << check.verdict << " verdict is re-established (" << check.conditions
                << " conditions, " << check.primes << " primes, " << seconds << " s)\n";
            if (check.verdict == "PARTIAL") {
                out << "  it proves: every condition at the output frequencies";
                for (const std::uint64_t k : check.proven) out << " " << k;
                out << " holds exactly (their loss terms are 0); the element is not a global optimum\n";
            }
        } else {
            out << check_status_name(check.status) << ": " << check.reason << "\n";
        }
    }
    return exit_code(check);
}

}  // namespace cogo::cli
