// NumberField / NumberFieldScalar (scalar/number_field.hpp): the checks a field is built with, the
// field-axiom harness, a differential test against Cyclotomic, the semi-ring laws and verification of a
// z_F6 solution whose nu = (1 + 2 sqrt(-2)) / 3 lies in no cyclotomic field.
#include "scalar/number_field.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <type_traits>

#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "construct/global_solutions.hpp"
#include "harness/field_axioms.hpp"
#include "harness/random.hpp"
#include "harness/random_element.hpp"
#include "harness/scalar_generators.hpp"
#include "harness/semiring_axioms.hpp"
#include "support/error.hpp"
#include "verify/verify.hpp"

using cogo::Cyclotomic;
using cogo::NumberField;
using cogo::NumberFieldPtr;
using cogo::NumberFieldScalar;
using cogo::NumberFieldSpec;
namespace ct = cogo::testing;
using NF = NumberFieldScalar;

namespace {

/// K = Q(sqrt(-2), sqrt(-3)) = Q(theta), theta = i (sqrt 2 + sqrt 3), theta^4 + 10 theta^2 + 1 = 0.
/// By hand: with a = i sqrt 2, b = i sqrt 3 (so ab = -sqrt 6), theta^3 = -11 a - 9 b, hence
/// b = (theta^3 + 11 theta) / 2, a = -(theta^3 + 9 theta) / 2, zeta_6 = (1 + b) / 2; conj(theta) = -theta.
NumberFieldSpec biquadratic_spec() {
    NumberFieldSpec s;
    s.polynomial = {"1", "0", "10", "0", "1"};
    s.embedding = {0.0, std::sqrt(2.0) + std::sqrt(3.0)};
    s.conj_image = {"0", "-1"};
    s.zeta_order = 6;
    s.zeta_image = {"1/2", "11/4", "0", "1/4"};
    return s;
}

const NumberFieldPtr& biquadratic() {
    static const NumberFieldPtr K = NumberField::create(biquadratic_spec());
    return K;
}

/// sqrt(-2) = i sqrt 2 in K.
NF sqrt_m2(const NumberFieldPtr& K) { return NF::from_coefficients(K, {"0", "-9/2", "0", "-1/2"}); }

/// nu = (1 + 2 sqrt(-2)) / 3: modulus 1, not a root of unity.
NF nu(const NumberFieldPtr& K) { return (NF(1) + NF(2) * sqrt_m2(K)) * NF::rational(1, 3); }

/// A random element of K (or a field-less rational), biased to edge cases.
NF edge_nf(std::mt19937_64& g) {
    const NumberFieldPtr& K = biquadratic();
    switch (ct::uniform(g, 0, 7)) {
        case 0: return NF(0);
        case 1: return NF(ct::uniform(g, 0, 1) ? 1 : -1);
        case 2: return NF::rational("-340282366920938463463374607431768211457/3");
        case 3: return NF::root_of_unity(K, 6, ct::uniform(g, -7, 7));
        case 4: return nu(K) * NF::from_coefficients(K, {"12345678901234567890123/7", "1", "0", "-1"});
        default: {
            std::vector<std::string> c;
            for (int i = 0; i < 4; ++i)
                c.push_back(std::to_string(ct::uniform(g, -9, 9)) + "/" + std::to_string(ct::uniform(g, 1, 9)));
            return NF::from_coefficients(K, c);
        }
    }
}

}  // namespace

TEST_CASE("number field: construction checks are exact and name the failure") {
    const NumberFieldPtr& K = biquadratic();
    CHECK(K->degree() == 4);
    CHECK(K->zeta_order() == 6);
    CHECK(std::abs(K->embedding_approx() - std::complex<double>(0, std::sqrt(2.0) + std::sqrt(3.0))) < 1e-12);
    // independent numerical check of the hand-derived basis expressions
    CHECK(std::abs(sqrt_m2(K).to_complex() - std::complex<double>(0, std::sqrt(2.0))) < 1e-12);
    CHECK(std::abs(NF::root_of_unity(K, 6, 1).to_complex() - std::polar(1.0, M_PI / 3)) < 1e-12);

    auto fails_with = [](NumberFieldSpec s, const char* words) {
        try {
            (void)NumberField::create(s);
            FAIL("accepted: " << words);
        } catch (const cogo::InvalidInput& e) {
            CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
        }
    };
    NumberFieldSpec s = biquadratic_spec();
    s.polynomial = {"1", "0", "2", "0", "1"};  // (x^2 + 1)^2
    fails_with(s, "reducible");
    s = biquadratic_spec();
    s.polynomial = {"-6", "0", "1", "0", "1"};  // x^4 + x^2 - 6 = (x^2 + 3)(x^2 - 2)
    fails_with(s, "reducible");
    s = biquadratic_spec();
    s.polynomial = {"1", "0", "10", "0", "2"};
    fails_with(s, "monic");
    s = biquadratic_spec();
    s.polynomial = {"1", "0", "1x"};
    fails_with(s, "malformed");
    s = biquadratic_spec();
    s.embedding = {0.0, 0.0};  // halfway between roots +-0.318 i: ambiguous
    fails_with(s, "does not single out");
    s = biquadratic_spec();
    s.conj_image = {"0", "1"};  // identity, but theta is not real
    fails_with(s, "not complex conjugation");
    s = biquadratic_spec();
    s.conj_image = {"0", "10", "0", "1"};  // theta -> -a + b = theta^3 + 10 theta: an automorphism, not conj
    fails_with(s, "not complex conjugation");
    s = biquadratic_spec();
    s.conj_image = {"0", "2"};  // 2 theta is not a root of p
    fails_with(s, "not a root");
    s = biquadratic_spec();
    s.zeta_image = {"1/2", "-11/4", "0", "-1/4"};  // zeta_6^-1 = conj zeta_6: a primitive 6th root, wrong one
    fails_with(s, "not exp(2 pi i / 6)");
    s = biquadratic_spec();
    s.zeta_order = 12;
    fails_with(s, "not a primitive 12-th root");
}

TEST_CASE("number field: a field beyond the bounds is a resource limit (FieldTooLarge), not bad input") {
    CHECK_THROWS_AS((void)NumberField::cyclotomic(4097), cogo::FieldTooLarge);
    CHECK_THROWS_AS((void)NumberField::cyclotomic(0), cogo::InvalidInput);
    CHECK_FALSE(std::is_base_of_v<cogo::InvalidInput, cogo::FieldTooLarge>);  // exit 3, never also exit 2
    NumberFieldSpec big;
    big.polynomial.assign(NumberField::max_degree + 2, "0");  // degree max_degree + 1, monic
    big.polynomial.back() = "1";
    big.polynomial.front() = "-2";
    CHECK_THROWS_AS((void)NumberField::create(big), cogo::FieldTooLarge);
    NumberFieldSpec zeta;  // Q(i) with a root of unity beyond the largest cyclotomic field built
    zeta.polynomial = {"1", "0", "1"};
    zeta.embedding = {0, 1};
    zeta.conj_image = {"0", "-1"};
    zeta.zeta_order = Cyclotomic::max_field_order + 1;
    zeta.zeta_image = {"0", "1"};
    CHECK_THROWS_AS((void)NumberField::create(zeta), cogo::FieldTooLarge);
}

TEST_CASE("number field: field-less rationals, mismatched fields, roots of unity, division by zero") {
    const NumberFieldPtr& K = biquadratic();
    const NumberFieldPtr L = NumberField::create({{"2", "0", "1"}, {0.0, 1.4}, {"0", "-1"}, 0, {}});
    const NF a = NF::generator(K), b = NF::generator(L);
    CHECK_THROWS_AS((void)(a + b), cogo::FieldMismatch);
    CHECK((NF::rational(1, 2) + a).field() == K);
    CHECK((b * b + NF(2)).is_zero());                   // theta_L^2 = -2
    CHECK((b.conj() + b).is_zero());
    CHECK_THROWS_AS((void)NF(0).inverse(), cogo::DivisionByZero);
    CHECK_THROWS_AS((void)(a - a).inverse(), cogo::DivisionByZero);
    CHECK_THROWS_AS((void)NF::root_of_unity(L, 3, 1), cogo::InvalidInput);
    CHECK_THROWS_AS((void)NF::root_of_unity(K, 4, 1), cogo::InvalidInput);   // K has zeta_6 only
    CHECK_THROWS_AS((void)cogo::root_of_unity<NF>(3, 1), cogo::InvalidInput);  // no scope
    CHECK(cogo::root_of_unity<NF>(2, 1) == NF(-1));
    {
        NumberField::Scope scope(K);
        CHECK(cogo::root_of_unity<NF>(3, 1) == NF::root_of_unity(K, 6, 2));
    }
    CHECK(NF::rational(-3, 6).to_string() == "-1/2");
    CHECK(a.to_string() == "t (t^4 + 10*t^2 + 1 = 0)");
    CHECK(NF::generator(L).to_string() == "t (t^2 + 2 = 0)");
}

TEST_CASE("field axioms: NumberFieldScalar over Q(sqrt(-2), sqrt(-3)) (edge cases, large coefficients)") {
    NumberField::Scope scope(biquadratic());
    ct::FieldModel<NF> m{"NumberField Q(sqrt-2, sqrt-3)", edge_nf, ct::exact_equal<NF>,
                         [](const NF& a) { return a.is_zero(); }, {1, 2, 3, 6}};
    ct::check_field_axioms(m, ct::cases(40), 0x4E4601);
    // |nu| = 1 and nu is not a root of unity of small order (nu^k != 1 for k <= 24)
    const NF n = nu(biquadratic());
    CHECK(cogo::norm2(n) == NF(1));
    NF p = n;
    for (int k = 1; k <= 24; ++k, p = p * n) CHECK_FALSE(p == NF(1));
}

TEST_CASE("number field: degree-1 fields Q[x]/(x - 1) and Q[x]/(x + 1)") {
    const NumberFieldPtr K1 = NumberField::cyclotomic(1), K2 = NumberField::cyclotomic(2);
    CHECK(K1->degree() == 1);
    CHECK(NF::generator(K1) == NF(1));
    CHECK(NF::generator(K2) == NF(-1));
    CHECK(NF::generator(K2).conj() == NF(-1));
    CHECK(NF::generator(K2).inverse() == NF(-1));
    CHECK(NF::from_cyclotomic(K2, Cyclotomic::zeta(2, 1)) == NF(-1));
}

TEST_CASE("number field: Q[x]/(Phi_N) agrees with Cyclotomic (differential, random elements)") {
    const unsigned long N = 24;
    const NumberFieldPtr K = NumberField::cyclotomic(N);
    auto g = ct::rng(0x4E4602);
    auto draw = [&]() {  // elements of Q(zeta_d), d | 24
        Cyclotomic s;
        for (long t = 0; t < ct::uniform(g, 1, 4); ++t) {
            static const unsigned long orders[] = {1, 2, 3, 4, 6, 8, 12, 24};
            s += Cyclotomic::rational(ct::uniform(g, -7, 7), ct::uniform(g, 1, 5)) *
                 Cyclotomic::zeta(orders[ct::uniform(g, 0, 7)], ct::uniform(g, -30, 30));
        }
        return s;
    };
    for (int i = 0; i < ct::cases(60); ++i) {
        const Cyclotomic x = draw(), y = draw();
        const NF X = NF::from_cyclotomic(K, x), Y = NF::from_cyclotomic(K, y);
        std::vector<std::pair<Cyclotomic, NF>> results = {{x + y, X + Y}, {x * y, X * Y}, {x - y, X - Y},
                                                         {x.conj(), X.conj()}, {x * y.conj() + x, X * Y.conj() + X}};
        if (!y.is_zero()) results.emplace_back(x / y, X / Y);
        for (const auto& [c, n] : results) {
            INFO("x = " << x.to_string() << ", y = " << y.to_string());
            // same basis zeta_24^i: the canonical coefficients agree
            std::vector<std::string> cc = c.is_zero() ? std::vector<std::string>{} : c.lift(N).coefficients();
            CHECK(cc == n.coefficients());
            CHECK(std::abs(c.to_complex() - n.to_complex()) < 1e-9 * (1 + std::abs(c.to_complex())));
            CHECK(c.is_zero() == n.is_zero());
        }
    }
}

namespace {
cogo::Element<NF> to_nf(const cogo::Element<Cyclotomic>& z, const NumberFieldPtr& K, const NF& factor) {
    std::vector<cogo::Node<NF>> nodes;
    for (const auto& n : z.nodes()) {
        cogo::Node<NF> m;
        for (cogo::Part p : cogo::all_parts)
            for (const auto& [k, v] : n.row(p)) m.row(p).emplace_back(k, NF::from_cyclotomic(K, v) * factor);
        nodes.push_back(std::move(m));
    }
    return cogo::Element<NF>(z.group(), std::move(nodes));
}
}  // namespace

TEST_CASE("semi-ring laws over a number field (same generic code)") {
    const NumberFieldPtr& K = biquadratic();
    NumberField::Scope scope(K);
    auto g = ct::rng(0x4E4603);
    for (unsigned long d : {3UL, 6UL}) {
        const cogo::AbelianGroup group = cogo::AbelianGroup::cyclic(d);
        ct::ElementShape shape;
        shape.nodes = 2;
        shape.field_order = 6;
        for (int r = 0; r < ct::cases(2); ++r) {
            const auto z1 = to_nf(ct::random_element(g, group, shape), K, nu(K));
            const auto z2 = to_nf(ct::random_element(g, group, shape), K, NF(1));
            const auto z3 = to_nf(ct::random_element(g, group, shape), K, sqrt_m2(K));
            ct::check_semiring_laws(z1, z2, z3, [](const auto& x, const auto& y) {
                return cogo::equal_up_to_node_permutation(x, y);
            });
        }
    }
}

TEST_CASE("verify over a number field: z_F6 with nu = (1 + 2 sqrt(-2)) / 3 is PROVED, perturbed REFUTED") {
    const NumberFieldPtr& K = biquadratic();
    NumberField::Scope scope(K);
    for (unsigned long d : {5UL, 7UL}) {
        const cogo::AbelianGroup group = cogo::AbelianGroup::cyclic(d);
        const cogo::Element<NF> z = cogo::f6<NF>(group, {nu(K), nu(K) * nu(K)});
        const auto proved = cogo::verify_global_optimum(z);
        CHECK(proved.verdict == cogo::Verdict::proved);
        REQUIRE(proved.loss);
        CHECK(proved.loss->is_zero());
        // perturb nu by 1/1000 in one block: |nu| != 1, the block no longer kills R_*
        const cogo::Element<NF> bad = cogo::f6<NF>(group, {nu(K) + NF::rational(1, 1000), nu(K)});
        const auto refuted = cogo::verify_global_optimum(bad);
        CHECK(refuted.verdict == cogo::Verdict::refuted);
        REQUIRE(refuted.loss);
        CHECK_FALSE(refuted.loss->is_zero());
        // a non-unit nu that is still exact in K, sqrt(-2): refuted too
        const auto off = cogo::verify_global_optimum(cogo::f6<NF>(group, {sqrt_m2(K)}));
        CHECK(off.verdict == cogo::Verdict::refuted);
    }
}
