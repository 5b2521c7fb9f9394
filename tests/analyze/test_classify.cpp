// Factorisation and classification in the invariant coordinates: exact family members are factorised and
// classified with their parameters; every claimed parameter equivalence (classify.hpp) maps a family member
// to one with the same invariant point set up to a common offset (i.e. related by the gauges); random
// blocks do not factorise.
#include <doctest/doctest.h>

#include <random>

#include "analyze/classify.hpp"
#include "analyze/rounding.hpp"
#include "construct/global_solutions.hpp"
#include "harness/analysis_cases.hpp"
#include "harness/random.hpp"

using namespace cogo;
using namespace cogo::analyze;
using cogo::testing::random_turn;

namespace {

const AbelianGroup kGroup = AbelianGroup::cyclic(7);
constexpr std::size_t kK = 2;

std::vector<Invariant> invariants(const Element<Cyclotomic>& z) {
    std::vector<Invariant> L;
    for (std::size_t f = 0; f < z.order(); ++f)
        L.push_back(*node_invariant(z.entry(Part::a, kK, f).to_complex(), z.entry(Part::b, kK, f).to_complex(),
                                    z.entry(Part::c, kK, f).to_complex(), 0.0));
    return L;
}

/// True iff the two point sets agree up to one common offset (some bijection).
bool same_up_to_offset(const std::vector<Invariant>& x, const std::vector<Invariant>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t j0 = 0; j0 < y.size(); ++j0) {
        const Invariant offset = sub(y[j0], x[0]);
        std::vector<bool> used(y.size(), false);
        bool ok = true;
        for (std::size_t i = 0; i < x.size() && ok; ++i) {
            ok = false;
            for (std::size_t j = 0; j < y.size(); ++j)
                if (!used[j] && norm(sub(y[j], add(x[i], offset))) < 1e-9) {
                    used[j] = ok = true;
                    break;
                }
        }
        if (ok) return true;
    }
    return false;
}

/// The invariants of the conjugate block (k <-> -k): every coordinate conjugated.
std::vector<Invariant> conjugated(std::vector<Invariant> L) {
    for (Invariant& x : L) x = wrap({std::conj(x[0]), std::conj(x[1]), std::conj(x[2])});
    return L;
}

/// Related by the gauges: the same point set up to an offset, possibly after conjugation.
bool equivalent(const std::vector<Invariant>& x, const std::vector<Invariant>& y) {
    return same_up_to_offset(x, y) || same_up_to_offset(x, conjugated(y));
}

Turn neg(const Turn& t) { return make_turn(-t.num, t.den); }
Turn plus(const Turn& a, const Turn& b) { return make_turn(a.num * static_cast<long>(b.den) + b.num * static_cast<long>(a.den), a.den * b.den); }

}  // namespace

TEST_CASE("exact family members factorise with residual ~0 and classify with their parameters") {
    auto rng = cogo::testing::rng(0xC1A5);
    for (int t = 0; t < cogo::testing::cases(20); ++t) {
        const Turn nu = random_turn(rng, 24), xi = random_turn(rng, 24), al = random_turn(rng, 24), be = random_turn(rng, 24);
        const int s = t % 2 ? 1 : -1;
        {
            const Classification c = classify_block(invariants(family_block(kGroup, kK, BlockFamily::nu_syn, nu, nu, 1)));
            CHECK(c.family == BlockFamily::nu_syn);
            CHECK(c.residual < 1e-9);
            bool grid = false;
            CHECK(canonical_nu(snap_turn(c.nu, 0.003, grid)) == canonical_nu(nu));
        }
        {
            const Classification c = classify_block(invariants(family_block(kGroup, kK, BlockFamily::nui_xi, xi, xi, s)));
            CHECK(c.family == BlockFamily::nui_xi);
            bool grid = false;
            CHECK(canonical_xi(snap_turn(c.xi, 0.003, grid), c.sign) == canonical_xi(xi, s));
        }
        {
            const Classification c = classify_block(invariants(family_block(kGroup, kK, BlockFamily::nui_synab, al, be, 1)));
            CAPTURE(to_string(al));
            CAPTURE(to_string(be));
            bool grid = false;
            if (c.family == BlockFamily::nui_synab) {
                CHECK(canonical_alpha_beta(snap_turn(c.alpha, 0.003, grid), snap_turn(c.beta, 0.003, grid)) ==
                      canonical_alpha_beta(al, be));
            } else {
                // z_nu_i * z_syn_ab(al, be) with al^4 = be^4 = 1 is also z_nu(i) * z_syn
                CHECK(c.family == BlockFamily::nu_syn);
                CHECK(turn_mod(make_turn(al.num * 4, al.den), make_turn(1, 1)) == make_turn(0, 1));
            }
        }
    }
}

TEST_CASE("every claimed parameter equivalence is a gauge equivalence (same invariant set up to offset and conjugation)") {
    auto rng = cogo::testing::rng(0xC1A6);
    for (int t = 0; t < cogo::testing::cases(20); ++t) {
        const Turn nu = random_turn(rng, 120), xi = random_turn(rng, 120), al = random_turn(rng, 120), be = random_turn(rng, 120);
        const auto L_nu = invariants(family_block(kGroup, kK, BlockFamily::nu_syn, nu, nu, 1));
        for (const Turn& other : {neg(nu), plus(nu, make_turn(1, 2)), plus(nu, make_turn(1, 6)), canonical_nu(nu)})
            CHECK(equivalent(L_nu, invariants(family_block(kGroup, kK, BlockFamily::nu_syn, other, other, 1))));
        for (int s : {1, -1}) {
            const auto L_xi = invariants(family_block(kGroup, kK, BlockFamily::nui_xi, xi, xi, s));
            const auto [cx, cs] = canonical_xi(xi, s);
            for (const auto& [x2, s2] : std::vector<std::pair<Turn, int>>{
                     {plus(xi, make_turn(1, 2)), s}, {plus(xi, make_turn(1, 4)), s}, {neg(xi), -s}, {cx, cs}})
                CHECK(equivalent(L_xi, invariants(family_block(kGroup, kK, BlockFamily::nui_xi, x2, x2, s2))));
        }
        const auto L_ab = invariants(family_block(kGroup, kK, BlockFamily::nui_synab, al, be, 1));
        // in terms of alpha, beta: (A, B) -> (B A', A') is (alpha, beta) -> (beta - alpha, -alpha) in turns
        const auto [ca, cb] = canonical_alpha_beta(al, be);
        for (const auto& [a2, b2] : std::vector<std::pair<Turn, Turn>>{{plus(al, make_turn(1, 4)), be},
                                                                        {al, plus(be, make_turn(1, 4))},
                                                                        {plus(be, neg(al)), neg(al)},
                                                                        {neg(be), plus(al, neg(be))},
                                                                        {neg(be), neg(al)},
                                                                        {ca, cb}}) {
            CAPTURE(to_string(al));
            CAPTURE(to_string(be));
            CAPTURE(to_string(a2));
            CAPTURE(to_string(b2));
            CHECK(equivalent(L_ab, invariants(family_block(kGroup, kK, BlockFamily::nui_synab, a2, b2, 1))));
        }
        // and the canonical forms are distinct from a generic non-equivalent parameter
        if (!(canonical_nu(nu) == canonical_nu(plus(nu, make_turn(1, 120)))))
            CHECK_FALSE(equivalent(
                L_nu, invariants(family_block(kGroup, kK, BlockFamily::nu_syn, plus(nu, make_turn(1, 120)), nu, 1))));
    }
}

TEST_CASE("random 4-, 6- and 8-node blocks do not factorise; 5-node blocks cannot") {
    auto rng = cogo::testing::rng(0xC1A7);
    std::normal_distribution<double> gauss(0.0, 1.0);
    for (int t = 0; t < cogo::testing::cases(50); ++t) {
        for (std::size_t q : {4, 5, 6, 8}) {
            std::vector<Invariant> L;
            for (std::size_t j = 0; j < q; ++j)
                L.push_back(*node_invariant({gauss(rng), gauss(rng)}, {gauss(rng), gauss(rng)}, {gauss(rng), gauss(rng)}, 0.0));
            const Classification c = classify_block(L);
            CHECK(c.family == BlockFamily::unknown);
            CHECK_FALSE(c.factorable);
        }
    }
}

TEST_CASE("canonical parameters: fixed points and ranges") {
    CHECK(canonical_nu(make_turn(1, 6)) == make_turn(0, 1));   // nu = e^{i pi/3} ~ nu = 1
    CHECK(canonical_nu(make_turn(1, 4)) == make_turn(1, 12));  // nu = i ~ e^{i pi/6}
    CHECK(canonical_xi(make_turn(-1, 8), 1) == std::pair{make_turn(1, 8), 1});
    CHECK(canonical_xi(make_turn(3, 8), -1) == std::pair{make_turn(1, 8), 1});
    CHECK(turn_mod(make_turn(-1, 8), make_turn(1, 4)) == make_turn(1, 8));
}
