#include "verify/certificate_writer.hpp"

#include <algorithm>
#include <numeric>

#include <nlohmann/json.hpp>

#include "io/element_json.hpp"

namespace cogo {

std::string certificate_text(const Element<Cyclotomic>& z, const VerificationResult<Cyclotomic>& result,
                             const std::string& statement) {
    if (result.verdict == Verdict::unknown || !result.loss)
        throw Error("certificate: nothing to certify for an UNKNOWN verdict (" + result.reason + ")");
    unsigned long N = common_field(z);
    for (const auto& c : result.conditions) N = std::lcm(N, c.value.field_order());
    N = std::lcm(N, result.loss->field_order());

    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : result.conditions)
        conditions.push_back({{"k", c.k}, {"k1", c.k1}, {"k2", c.k2}, {"value", exact_to_json(c.value, N)}, {"target", c.target}});
    nlohmann::json counterexample = nullptr;
    if (result.counterexample) {
        const auto& c = result.conditions[*result.counterexample];
        counterexample = {{"k", c.k},
                          {"k1", c.k1},
                          {"k2", c.k2},
                          {"kind", condition_kind_name(c.kind())},
                          {"value", exact_to_json(c.value, N)},
                          {"target", c.target}};
    }
    const nlohmann::json doc = {{"format", "cogo-certificate"},
                                {"version", 1},
                                {"statement", statement},
                                {"group", z.group().moduli()},
                                {"field", N},
                                {"element", element_to_json(z, N)},
                                {"conditions", std::move(conditions)},
                                {"verdict", verdict_name(result.verdict)},
                                {"loss", exact_to_json(*result.loss, N)},
                                {"counterexample", std::move(counterexample)}};
    return doc.dump() + "\n";
}

std::string partial_certificate_text(const Element<Cyclotomic>& z, const VerificationResult<Cyclotomic>& result,
                                     const std::vector<std::size_t>& proven, const std::string& statement) {
    if (result.verdict != Verdict::refuted) throw Error("partial certificate: the verification is not REFUTED");
    if (proven.empty()) throw Error("partial certificate: no proven frequency");
    for (const auto& c : result.conditions)
        if (std::binary_search(proven.begin(), proven.end(), c.k) && !c.defect().is_zero())
            throw Error("partial certificate: a condition at proven frequency " + std::to_string(c.k) + " fails");
    nlohmann::json doc = nlohmann::json::parse(certificate_text(z, result, statement));
    doc["verdict"] = "PARTIAL";
    doc["proven"] = proven;
    return doc.dump() + "\n";
}

}  // namespace cogo
