#include "verify/symbolic_certificate.hpp"

#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "io/bounded_read.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {

namespace gi = GiNaC;

std::string ex_text(const gi::ex& e) {
    std::ostringstream os;
    os << e;
    return os.str();
}

/// The value in Q(zeta_N)[parameters] as text ("zeta" is zeta_N).
std::string value_text(const Symbolic& v, unsigned long N) { return ex_text(v.lift(N).canonical().expr()); }

std::string polynomial_ex_text(const CyclotomicPolynomial& p, const gi::ex& x, unsigned long N) {
    gi::ex sum = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        sum += Symbolic::from_cyclotomic(p[i]).lift(N).canonical().expr() * gi::pow(x, static_cast<long>(i));
    return ex_text(sum);
}

}  // namespace

std::string symbolic_certificate_text(const Element<Symbolic>& z, const ExpressionSymbols& symbols,
                                      const SymbolicVerification& v, const std::string& statement) {
    const VerificationResult<Symbolic>& r = v.result;
    if (r.verdict == Verdict::unknown) throw Error("certificate: nothing to certify for an UNKNOWN verdict (" + r.reason + ")");
    unsigned long N = 1;
    for (const auto& node : z.nodes())
        for (Part p : all_parts)
            for (const auto& e : node.row(p)) N = std::lcm(N, e.second.field_order());
    for (const auto& c : r.conditions) N = std::lcm(N, c.value.field_order());
    if (v.solution) {
        auto fold = [&](const CyclotomicPolynomial& p) {
            for (const Cyclotomic& c : p) N = std::lcm(N, c.field_order());
        };
        fold(v.solution->gcd);
        for (const auto& p : v.solution->cofactors) fold(p);
        for (const auto& p : v.solution->quotients) fold(p);
    }
    nlohmann::json syms = nlohmann::json::array();
    for (const auto& s : symbols.unit_modulus) syms.push_back({{"name", s}, {"kind", "unit"}});
    for (const auto& s : symbols.real) syms.push_back({{"name", s}, {"kind", "real"}});
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& node : z.nodes()) {
        nlohmann::json jn = nlohmann::json::object();
        for (Part p : all_parts) {
            nlohmann::json row = nlohmann::json::array();
            for (const auto& [k, value] : node.row(p)) row.push_back({k, value_text(value, N)});
            jn[part_name(p)] = std::move(row);
        }
        nodes.push_back(std::move(jn));
    }
    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : r.conditions)
        conditions.push_back({{"k", c.k}, {"k1", c.k1}, {"k2", c.k2}, {"value", value_text(c.value, N)}, {"target", c.target}});
    std::string verdict = v.residuals.empty() ? "PROVED" : "CONDITIONAL";
    nlohmann::json solution = nullptr;
    if (v.solution) {
        const ResidualSolution& s = *v.solution;
        const gi::ex x = s.unit_modulus ? Symbolic::unit_modulus(s.symbol).expr() : Symbolic::real_variable(s.symbol).expr();
        nlohmann::json cof = nlohmann::json::array(), quo = nlohmann::json::array(), roots = nlohmann::json::array();
        for (const auto& p : s.cofactors) cof.push_back(polynomial_ex_text(p, x, N));
        for (const auto& p : s.quotients) quo.push_back(polynomial_ex_text(p, x, N));
        for (const auto& [m, j] : s.roots) roots.push_back({m, j});
        // complete in the certificate's sense: deg g distinct roots listed (or g constant)
        const bool complete = s.unit_modulus && s.roots.size() + 1 == s.gcd.size();
        solution = {{"symbol", s.symbol}, {"gcd", polynomial_ex_text(s.gcd, x, N)}, {"shifts", s.shifts},
                    {"cofactors", cof}, {"quotients", quo}, {"roots", roots}, {"complete", complete}};
        if (s.no_solution()) verdict = "REFUTED";
    }
    // a residual that is a non-zero constant refutes every parameter value, and the checker can see it; a
    // refutation by a Groebner basis {1} (residual_ideal.hpp) carries no checkable witness here, so the
    // certificate says CONDITIONAL: l = 0 exactly where the listed residuals vanish (which is nowhere)
    if (v.common_zeros && v.common_zeros->constant) verdict = "REFUTED";
    const nlohmann::json doc = {{"format", "cogo-symbolic-certificate"},
                                {"version", 1},
                                {"statement", statement},
                                {"group", z.group().moduli()},
                                {"field", N},
                                {"symbols", syms},
                                {"element", {{"order", z.order()}, {"nodes", nodes}}},
                                {"conditions", conditions},
                                {"residuals", v.residuals},
                                {"verdict", verdict},
                                {"solution", solution}};
    return doc.dump() + "\n";
}

bool is_symbolic_certificate(const std::string& json_text) {
    try {
        check_json_depth(json_text, "certificate");
    } catch (const InvalidInput&) {
        return false;  // the caller's reader reports it
    }
    const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
    return j.is_object() && j.contains("format") && j["format"] == "cogo-symbolic-certificate";
}

}  // namespace cogo
