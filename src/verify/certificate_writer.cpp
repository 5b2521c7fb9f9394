#include "verify/certificate_writer.hpp"

#include <numeric>

#include <nlohmann/json.hpp>

#include "io/element_json.hpp"

namespace cogo {

std::string certificate_text(const Element<Cyclotomic>& z, const VerificationResult<Cyclotomic>& result,
                             const std::string& statement) {
    if (result.verdict == Verdict::unknown || !result.loss)
        throw Error("certificate: nothing to certify for an UNKNOWN verdict (" + result.reason + ")");
    unsigned long N = common_field(z);
    for (const auto& c : result.conditions) N = std::lcm(N, c.value.conductor());
    N = std::lcm(N, result.loss->conductor());

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

}  // namespace cogo
