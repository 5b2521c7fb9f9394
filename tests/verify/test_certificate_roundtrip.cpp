// Certificates written by verify are accepted by the independent checker; tampered ones are rejected.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "construct/global_solutions.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/certificate_writer.hpp"

using namespace cogo;

namespace {

std::vector<std::pair<std::string, Element<Cyclotomic>>> constructions(unsigned long d) {
    const AbelianGroup g = AbelianGroup::cyclic(d);
    const auto t = [](const char* s) { return turn_values<Cyclotomic>(parse_turns(s)); };
    return {{"F6", f6(g, t("1/3,1/4,1/8"))},
            {"nui-synab", nui_synab(g, t("1/12,0"), t("1/8"))},
            {"F46", f46(g, t("1/4").front(), t("1/8,3/8"), {1, -1})},
            {"order4", order4(g, t("1/8"), {-1})},
            {"M", memorisation<Cyclotomic>(g)}};
}

}  // namespace

TEST_CASE("check-cert accepts every certificate verify writes (PROVED and REFUTED)") {
    for (unsigned long d : {3UL, 5UL, 9UL}) {
        for (const auto& [name, z] : constructions(d)) {
            CAPTURE(name);
            CAPTURE(d);
            const auto result = verify_global_optimum(z);
            const std::string text = certificate_text(z, result, name);
            const CertificateCheck check = check_certificate(text);
            CHECK(check.accepted());
            CHECK(check.reason == "");
            CHECK(check.verdict == std::string(verdict_name(result.verdict)));
            CHECK(check.conditions == result.conditions.size());
        }
    }
}

TEST_CASE("check-cert rejects tampered certificates") {
    for (const auto& [name, z] : constructions(7)) {
        CAPTURE(name);
        const auto result = verify_global_optimum(z);
        const nlohmann::json cert = nlohmann::json::parse(certificate_text(z, result, name));
        auto rejected = [](const nlohmann::json& doc) { return !check_certificate(doc.dump()).accepted(); };

        nlohmann::json t = cert;
        t["element"]["nodes"][1]["a"][0][1] = nlohmann::json::array({"2/7"});
        CHECK(rejected(t));
        t = cert;
        t["conditions"][3]["value"] = nlohmann::json::array({"1/3"});
        CHECK(rejected(t));
        t = cert;
        t["conditions"].erase(t["conditions"].begin() + 2);
        CHECK(rejected(t));
        t = cert;
        t["verdict"] = cert["verdict"] == "PROVED" ? "REFUTED" : "PROVED";
        CHECK(rejected(t));
        t = cert;
        t["loss"] = nlohmann::json::array({"1/1000"});
        CHECK(rejected(t));
        t = cert;
        t["group"] = nlohmann::json::array({9});
        CHECK(rejected(t));
    }
}

TEST_CASE("an UNKNOWN result has no certificate") {
    const auto z = memorisation<Cyclotomic>(AbelianGroup::cyclic(5));
    VerifyLimits limits;
    limits.max_terms = 10;
    CHECK_THROWS_AS(certificate_text(z, verify_global_optimum(z, limits), "M"), Error);
}
