// Certificates over a number field: the writer (number_field_certificate_writer.hpp) and the independent
// checker (number_field_certificate_checker.hpp), with tampered certificates rejected for the right reason.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "construct/global_solutions.hpp"
#include "scalar/number_field.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/number_field_certificate_checker.hpp"
#include "verify/number_field_certificate_writer.hpp"
#include "verify/verify.hpp"

using cogo::NumberField;
using cogo::NumberFieldPtr;
using NF = cogo::NumberFieldScalar;
using Json = nlohmann::json;

namespace {

/// K = Q(sqrt(-2), sqrt(-3)), theta = i (sqrt 2 + sqrt 3) (tests/scalar/test_number_field.cpp derives the
/// basis expressions by hand).
NumberFieldPtr field() {
    static const NumberFieldPtr K = NumberField::create(
        {{"1", "0", "10", "0", "1"}, {0.0, std::sqrt(2.0) + std::sqrt(3.0)}, {"0", "-1"}, 6, {"1/2", "11/4", "0", "1/4"}});
    return K;
}

NF nu() {
    const NF s = NF::from_coefficients(field(), {"0", "-9/2", "0", "-1/2"});  // sqrt(-2)
    return (NF(1) + NF(2) * s) * NF::rational(1, 3);
}

std::string certificate(const NF& n) {
    NumberField::Scope scope(field());
    const auto z = cogo::f6<NF>(cogo::AbelianGroup::cyclic(5), {n});
    return cogo::number_field_certificate_text(field(), z, cogo::verify_global_optimum(z), "z_F6 over K");
}

std::string rejected(const Json& doc) {
    const auto r = cogo::check_number_field_certificate(doc.dump());
    CHECK_FALSE(r.accepted());
    return r.reason;
}

}  // namespace

TEST_CASE("number-field certificate: PROVED and REFUTED are re-checked and accepted") {
    const auto proved = cogo::check_number_field_certificate(certificate(nu()));
    CHECK_MESSAGE(proved.accepted(), proved.reason);
    CHECK(proved.verdict == "PROVED");
    CHECK(proved.conditions > 0);
    const auto refuted = cogo::check_number_field_certificate(certificate(nu() + NF::rational(1, 100)));
    CHECK_MESSAGE(refuted.accepted(), refuted.reason);
    CHECK(refuted.verdict == "REFUTED");
    CHECK_THROWS_AS((void)cogo::check_number_field_certificate("{not json"), cogo::InvalidInput);
}

TEST_CASE("number-field certificate: tampering is rejected with a precise reason") {
    const Json good = Json::parse(certificate(nu()));
    Json d = good;
    d["number_field"]["polynomial"] = {"1", "0", "2", "0", "1"};  // (x^2 + 1)^2
    CHECK(rejected(d).find("reducible") != std::string::npos);
    d = good;
    d["number_field"]["conj"] = {"0", "10", "0", "1"};  // an automorphism (-a + b), not conj at theta
    CHECK(rejected(d).find("not complex conjugation") != std::string::npos);
    d = good;
    d["number_field"]["conj"] = {"0", "1"};  // identity: theta is not real
    CHECK(rejected(d).find("not complex conjugation") != std::string::npos);
    d = good;
    d["number_field"]["conj"] = {"0", "2"};
    CHECK(rejected(d).find("not an automorphism") != std::string::npos);
    d = good;
    d["number_field"]["embedding"] = {"10", "11", "0", "1"};  // no root there
    CHECK(rejected(d).find("contains 0 roots") != std::string::npos);
    d = good;
    d["number_field"]["polynomial"][0] = "2";  // a changed coefficient of p: x^4 + 10x^2 + 2 (irreducible)
    const std::string changed_p = rejected(d);
    INFO(changed_p);
    CHECK((changed_p.find("conj") != std::string::npos || changed_p.find("differs") != std::string::npos ||
           changed_p.find("embedding") != std::string::npos));
    d = good;
    d["element"]["nodes"][1]["a"][0][1][0] = "7/3";  // a changed coefficient of the element
    CHECK(rejected(d).find("claimed value differs") != std::string::npos);
    d = good;
    d["conditions"][0]["value"] = {"5"};
    CHECK(rejected(d).find("claimed value differs") != std::string::npos);
    d = good;
    d["verdict"] = "REFUTED";
    CHECK(rejected(d).find("every listed condition equals its target") != std::string::npos);
    d = good;
    d["loss"] = {"1"};
    CHECK(rejected(d).find("loss") != std::string::npos);
    // an unlisted condition is recomputed (it must be 0), but the 1-set must be listed
    d = good;
    for (std::size_t i = 0; i < d["conditions"].size(); ++i)
        if (d["conditions"][i]["k"] == 1 && d["conditions"][i]["k1"] == 1 && d["conditions"][i]["k2"] == 1) {
            d["conditions"].erase(i);
            break;
        }
    CHECK(rejected(d).find("is not listed") != std::string::npos);
    // a REFUTED certificate that hides a failing condition
    Json bad = Json::parse(certificate(nu() + NF::rational(1, 100)));
    for (std::size_t i = 0; i < bad["conditions"].size(); ++i)
        if (bad["conditions"][i]["value"] != Json::array() && bad["conditions"][i]["target"] == 0) {
            bad["conditions"].erase(i);
            break;
        }
    CHECK(rejected(bad).find("non-zero but not listed") != std::string::npos);
}

TEST_CASE("number-field certificate: check_certificate (what cogo check-cert reads) dispatches on the format tag") {
    const auto proved = cogo::check_certificate(certificate(nu()));
    CHECK_MESSAGE(proved.accepted(), proved.reason);
    CHECK(proved.verdict == "PROVED");
    // a tampered one is rejected through the same entry point
    Json doc = Json::parse(certificate(nu()));
    doc["verdict"] = "REFUTED";
    const auto tampered = cogo::check_certificate(doc.dump());
    CHECK_FALSE(tampered.accepted());
    CHECK_FALSE(tampered.reason.empty());
}
