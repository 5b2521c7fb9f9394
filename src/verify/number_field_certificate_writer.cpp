#include "verify/number_field_certificate_writer.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "support/error.hpp"

namespace cogo {

namespace {

nlohmann::json value_json(const NumberFieldPtr& field, const NumberFieldScalar& v) {
    if (v.field() && v.field() != field)
        throw FieldMismatch("number-field certificate: a value belongs to another number field");
    return v.coefficients();
}

nlohmann::json row_json(const NumberFieldPtr& field, const FourierRow<NumberFieldScalar>& row) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [k, v] : row) out.push_back({k, value_json(field, v)});
    return out;
}

}  // namespace

std::string number_field_certificate_text(const NumberFieldPtr& field, const Element<NumberFieldScalar>& z,
                                          const VerificationResult<NumberFieldScalar>& result,
                                          const std::string& statement) {
    if (!field) throw InvalidInput("number-field certificate: no field");
    if (result.verdict == Verdict::unknown || !result.loss)
        throw Error("certificate: nothing to certify for an UNKNOWN verdict (" + result.reason + ")");
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& n : z.nodes())
        nodes.push_back({{"a", row_json(field, n.a)}, {"b", row_json(field, n.b)}, {"c", row_json(field, n.c)}});
    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : result.conditions)
        conditions.push_back(
            {{"k", c.k}, {"k1", c.k1}, {"k2", c.k2}, {"value", value_json(field, c.value)}, {"target", c.target}});
    nlohmann::json counterexample = nullptr;
    if (result.counterexample) {
        const auto& c = result.conditions[*result.counterexample];
        counterexample = {{"k", c.k}, {"k1", c.k1}, {"k2", c.k2}, {"value", value_json(field, c.value)}, {"target", c.target}};
    }
    const nlohmann::json doc = {
        {"format", "cogo-certificate-nf"},
        {"version", 1},
        {"statement", statement},
        {"group", z.group().moduli()},
        {"number_field",
         {{"polynomial", field->polynomial()}, {"embedding", field->embedding_box(128)}, {"conj", field->conj_image()}}},
        {"element", {{"order", z.order()}, {"nodes", std::move(nodes)}}},
        {"conditions", std::move(conditions)},
        {"verdict", verdict_name(result.verdict)},
        {"loss", value_json(field, *result.loss)},
        {"counterexample", std::move(counterexample)}};
    return doc.dump() + "\n";
}

std::string partial_number_field_certificate_text(const NumberFieldPtr& field, const Element<NumberFieldScalar>& z,
                                                  const VerificationResult<NumberFieldScalar>& result,
                                                  const std::vector<std::size_t>& proven, const std::string& statement) {
    if (result.verdict != Verdict::refuted) throw Error("partial certificate: the verification is not REFUTED");
    if (proven.empty()) throw Error("partial certificate: no proven frequency");
    if (!std::is_sorted(proven.begin(), proven.end())) throw Error("partial certificate: proven frequencies not sorted");
    for (const auto& c : result.conditions)
        if (std::binary_search(proven.begin(), proven.end(), c.k) && !c.defect().is_zero())
            throw Error("partial certificate: a condition at proven frequency " + std::to_string(c.k) + " fails");
    nlohmann::json doc = nlohmann::json::parse(number_field_certificate_text(field, z, result, statement));
    doc["verdict"] = "PARTIAL";
    doc["proven"] = proven;
    return doc.dump() + "\n";
}

}  // namespace cogo
