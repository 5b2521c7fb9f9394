// PARTIAL certificates: the proven frequencies of an element that is not a global optimum, written by the
// writer and re-established (or rejected when tampered with) by the independent checker.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "construct/global_solutions.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/certificate_writer.hpp"

using namespace cogo;

namespace {

/// Z_7 with z_nu * z_syn / 6 at k = 1 and 2 only: outputs +-1, +-2 exact, +-3 missing (T_3(3, 3) = 0).
Element<Cyclotomic> two_of_three() {
    const AbelianGroup g = AbelianGroup::cyclic(7);
    std::vector<Node<Cyclotomic>> nodes = nu_syn_block<Cyclotomic>(g, 1, Cyclotomic(1)).nodes();
    const Element<Cyclotomic> b2 = nu_syn_block<Cyclotomic>(g, 2, Cyclotomic(1));
    for (const auto& n : b2.nodes()) nodes.push_back(n);
    return Element<Cyclotomic>(g, std::move(nodes));
}

}  // namespace

TEST_CASE("a PARTIAL certificate is accepted and states its proven frequencies; tampering is rejected") {
    const Element<Cyclotomic> z = two_of_three();
    const VerificationResult<Cyclotomic> result = verify_global_optimum(z);
    REQUIRE(result.verdict == Verdict::refuted);
    const std::vector<std::size_t> proven{1, 2, 5, 6};
    const std::string text = partial_certificate_text(z, result, proven, "two of three blocks");
    const CertificateCheck ok = check_certificate(text);
    CAPTURE(ok.reason);
    CHECK(ok.accepted());
    CHECK(ok.verdict == "PARTIAL");
    CHECK(ok.proven == std::vector<std::uint64_t>{1, 2, 5, 6});

    const nlohmann::json doc = nlohmann::json::parse(text);
    auto rejected = [](const nlohmann::json& d) { return !check_certificate(d.dump()).accepted(); };
    nlohmann::json t = doc;
    t["proven"] = {1, 2, 4, 5, 6};  // 4 = -3 fails (not the counterexample, which is at 3)
    CHECK(rejected(t));
    t = doc;
    t["proven"] = {1, 2, 3, 5, 6};  // the counterexample's frequency
    CHECK(rejected(t));
    t = doc;
    t["proven"] = nlohmann::json::array();
    CHECK(rejected(t));
    t = doc;
    t["proven"] = {2, 1};  // not increasing
    CHECK(rejected(t));
    t = doc;
    t["proven"] = {1, 2, 5, 7};  // out of range
    CHECK(rejected(t));
    t = doc;
    t.erase("proven");
    CHECK(rejected(t));
    t = doc;
    t["verdict"] = "PROVED";
    CHECK(rejected(t));
}

TEST_CASE("the writer refuses a PARTIAL certificate that claims a failing frequency, or a PROVED result") {
    const Element<Cyclotomic> z = two_of_three();
    const VerificationResult<Cyclotomic> result = verify_global_optimum(z);
    CHECK_THROWS_AS((void)partial_certificate_text(z, result, {1, 3}, "x"), Error);
    CHECK_THROWS_AS((void)partial_certificate_text(z, result, {}, "x"), Error);
    const Element<Cyclotomic> f = f6<Cyclotomic>(AbelianGroup::cyclic(7));
    CHECK_THROWS_AS((void)partial_certificate_text(f, verify_global_optimum(f), {1}, "x"), Error);
}
