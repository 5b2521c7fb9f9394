// Refinement (Gauss-Newton in Arb), recognition (LLL) and common fields (analyze/algebraic_recognition.hpp),
// and the end-to-end path: a float z_F6 solution with a non-cyclotomic nu, refined, recognised, built
// over its number field and verified exactly.
#include "analyze/algebraic_recognition.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <random>
#include <string>

#include "construct/global_solutions.hpp"
#include "harness/random.hpp"
#include "verify/verify.hpp"

using cogo::ComplexBall;
using cogo::NumberFieldScalar;
using cogo::PolynomialTerm;
using cogo::RealPolynomial;
namespace ct = cogo::testing;
using NF = NumberFieldScalar;

namespace {

/// The real root near `start` of the univariate polynomial sum c_i x^i, refined to `bits`.
ComplexBall real_root(const std::vector<std::string>& coeffs, double start, long bits) {
    RealPolynomial p;
    for (std::size_t i = 0; i < coeffs.size(); ++i) p.push_back({coeffs[i], {static_cast<unsigned>(i)}});
    cogo::RefineOptions opt;
    opt.target_bits = bits;
    const auto r = cogo::refine_system({p}, {start}, opt);
    REQUIRE_MESSAGE(r.converged, r.reason);
    return r.point[0];
}

std::vector<std::string> recognised(const ComplexBall& x, long degree = 6, long height = 16) {
    const auto r = cogo::recognise_algebraic(x, {degree, height});
    if (!r.number) return {};
    return r.number->minimal_polynomial;
}

}  // namespace

TEST_CASE("refine_system: quadratic convergence to the requested bits, clear failures") {
    const ComplexBall s2 = real_root({"-2", "0", "1"}, 1.4, 400);
    CHECK(s2.accuracy_bits() >= 390);
    CHECK(std::abs(s2.approx().real() - std::sqrt(2.0)) < 1e-15);
    // rank-deficient: one equation x^2 + y^2 = 1 in two unknowns (a circle, not isolated)
    RealPolynomial circle = {{"1", {2, 0}}, {"1", {0, 2}}, {"-1", {}}};
    auto r = cogo::refine_system({circle, circle}, {0.6, 0.8});
    CHECK_FALSE(r.converged);
    CHECK(r.reason.find("rank-deficient") != std::string::npos);
    // inconsistent overdetermined system: x = 1 and x = 2
    r = cogo::refine_system({{{"1", {1}}, {"-1", {}}}, {{"1", {1}}, {"-2", {}}}}, {1.5});
    CHECK_FALSE(r.converged);
    CHECK(r.reason.find("residual") != std::string::npos);
    // no real solution: x^2 + 1 = 0
    r = cogo::refine_system({{{"1", {2}}, {"1", {}}}}, {0.3});
    CHECK_FALSE(r.converged);
    CHECK(r.reason.find("convergence") != std::string::npos);
    // the displacement bound
    cogo::RefineOptions opt;
    opt.max_displacement = 1e-3;
    r = cogo::refine_system({{{"1", {2}}, {"-2", {}}}}, {1.5}, opt);
    CHECK_FALSE(r.converged);
    CHECK(r.reason.find("not near a solution") != std::string::npos);
    CHECK_THROWS_AS((void)cogo::refine_system({{{"1x", {1}}}}, {1.0}), cogo::InvalidInput);
}

TEST_CASE("recognise_algebraic: known minimal polynomials are recovered") {
    // sqrt 2: x^2 - 2
    CHECK(recognised(real_root({"-2", "0", "1"}, 1.4, 300)) == std::vector<std::string>{"-2", "0", "1"});
    // cos(2 pi / 7): 8x^3 + 4x^2 - 4x - 1 (2 cos(2 pi / 7) is a root of x^3 + x^2 - 2x - 1); 90 digits computed
    // independently (mpmath: cos(2*pi/7) at 90 digits)
    const ComplexBall c7 = ComplexBall::parse(
        "0.623489801858733530525004884004239810632274730896402105365549439096853652456487284575942507", "0", 290);
    CHECK(recognised(c7) == std::vector<std::string>{"-1", "-4", "4", "8"});
    // the real root of x^3 - x - 1 (plastic number)
    CHECK(recognised(real_root({"-1", "-1", "0", "1"}, 1.32, 300)) == std::vector<std::string>{"-1", "-1", "0", "1"});
    // (1 + 2 sqrt(-2)) / 3: 3x^2 - 2x + 3
    const ComplexBall nu = ComplexBall::from_parts(real_root({"-1", "3"}, 0.3, 300), real_root({"-8", "0", "9"}, 0.9, 300));
    CHECK(recognised(nu) == std::vector<std::string>{"3", "-2", "3"});
}

TEST_CASE("recognise_algebraic: random reals are not recognised within the bounds") {
    auto g = ct::rng(0x4E4611);
    for (int i = 0; i < ct::cases(6); ++i) {
        std::string digits = "0.";
        for (int k = 0; k < 90; ++k) digits += static_cast<char>('0' + ct::uniform(g, 0, 9));
        const ComplexBall x = ComplexBall::parse(digits, i % 2 ? "0" : "0." + digits.substr(2, 80), 290);
        const auto r = cogo::recognise_algebraic(x, {6, 24});
        INFO(digits);
        CHECK_FALSE(r.number);
        CHECK(r.reason.find("no irreducible polynomial") != std::string::npos);
    }
    // too little precision for the bounds is refused, not guessed
    const auto low = cogo::recognise_algebraic(ComplexBall::parse("1.41421356237", "0", 40), {4, 16});
    CHECK_FALSE(low.number);
    CHECK(low.reason.find("too low") != std::string::npos);
}

TEST_CASE("common_field: a primitive element with every number and conj expressed exactly") {
    // nu = (1 + 2 sqrt(-2)) / 3 and zeta_3: K = Q(sqrt(-2), sqrt(-3)), degree 4
    const auto nu = cogo::algebraic_number({"3", "-2", "3"}, {1.0 / 3, 2 * std::sqrt(2.0) / 3});
    const cogo::CommonField K = cogo::common_field({nu}, 3);
    CHECK(K.field->degree() == 4);
    REQUIRE(K.values.size() == 1);
    const NF n = K.values[0];
    CHECK(std::abs(n.to_complex() - std::complex<double>(1.0 / 3, 2 * std::sqrt(2.0) / 3)) < 1e-14);
    CHECK(n * n.conj() == NF(1));                             // |nu| = 1 exactly
    CHECK(NF(3) * n * n - NF(2) * n + NF(3) == NF(0));        // its minimal polynomial
    const NF w = NF::root_of_unity(K.field, 3, 1);
    CHECK(w * w + w + NF(1) == NF(0));
    // sqrt 2 and cos(2 pi / 7): degree 6, both real
    const auto s2 = cogo::algebraic_number({"-2", "0", "1"}, {1.41, 0});
    const auto c7 = cogo::algebraic_number({"-1", "-4", "4", "8"}, {0.62, 0});
    const cogo::CommonField L = cogo::common_field({s2, c7}, 0);
    CHECK(L.field->degree() == 6);
    CHECK(L.values[0] * L.values[0] == NF(2));
    CHECK(L.values[0].conj() == L.values[0]);
    CHECK(std::abs(L.values[1].to_complex().real() - std::cos(2 * M_PI / 7)) < 1e-14);
}

namespace {

/// The exact conditions of the z_nu factor at one frequency with its second node (nu, -nu, -conj(nu)^2),
/// nu = u + i v: R_*^+ = {sum a^2 c, sum b^2 c} = 1 - |nu|^4 (real and imaginary parts as real
/// polynomials; the imaginary part vanishes identically), sliced by fixing Re nu = u0 (the family is
/// one-dimensional: any unit nu).
std::vector<RealPolynomial> znu_block_system(const std::string& u0) {
    // 1 - (u^2 + v^2)^2 = 1 - u^4 - 2u^2v^2 - v^4
    RealPolynomial rstar = {{"1", {}}, {"-1", {4, 0}}, {"-2", {2, 2}}, {"-1", {0, 4}}};
    RealPolynomial slice = {{"1", {1, 0}}, {"-" + u0, {}}};
    return {rstar, slice};
}

/// The pipeline: refine from the float start, recognise nu, build K with zeta_3, verify z_F6 over K.
/// Returns the verdict, or "unknown: reason" text.
std::string pipeline(std::complex<double> start, unsigned long d) {
    cogo::RefineOptions opt;
    opt.target_bits = 320;
    opt.max_displacement = 1e-4;  // the exact point must be the one the float start approximates
    const auto r = cogo::refine_system(znu_block_system("1/3"), {start.real(), start.imag()}, opt);
    if (!r.converged) return "unknown: " + r.reason;
    const ComplexBall nu_ball = ComplexBall::from_parts(r.point[0], r.point[1]);
    const auto rec = cogo::recognise_algebraic(nu_ball, {4, 20});
    if (!rec.number) return "unknown: " + rec.reason;
    const cogo::CommonField K = cogo::common_field({*rec.number}, 3);
    cogo::NumberField::Scope scope(K.field);
    const auto group = cogo::AbelianGroup::cyclic(d);
    const auto res = cogo::verify_global_optimum(cogo::f6<NF>(group, {K.values[0]}));
    return res.verdict == cogo::Verdict::proved ? "proved" : "refuted";
}

}  // namespace

TEST_CASE("end to end: float z_F6 with nu = (1 + 2 sqrt(-2)) / 3, perturbed 1e-6, is PROVED over its field") {
    const std::complex<double> nu(1.0 / 3, 2 * std::sqrt(2.0) / 3);
    CHECK(pipeline(nu + std::complex<double>(1e-6, -1e-6), 5) == "proved");
    CHECK(pipeline(nu + std::complex<double>(-1e-6, 1e-6), 7) == "proved");
    // 1e-2 away: the refinement would have to move too far: never proved
    const std::string far = pipeline(nu + std::complex<double>(1e-2, 1e-2), 5);
    CHECK(far.find("unknown") == 0);
    // a start off the unit circle (a non-solution): never proved
    CHECK(pipeline(nu * 1.05, 5) != "proved");
}
