// Tests for src/construct/families.hpp: each per-frequency family kills exactly what docs/theory.md section 5
// tabulates (for generic parameters; the special parameter values that kill MORE are listed explicitly,
// derived from the closed forms checked here), and the products are per-frequency global solutions.
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "algebra/transforms.hpp"
#include "construct/block_potentials.hpp"
#include "construct/families.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;
using BP = cogo::BlockPotential;
using C = cogo::Cyclotomic;

namespace {

struct Site {
    const char* group;
    std::size_t k;
};
// Odd and even groups, several k (including "negative" representatives), all with k != -k.
const Site kSites[] = {{"5", 1}, {"5", 2}, {"5", 4}, {"7", 3}, {"8", 3}, {"12", 5}, {"3x3", 4}, {"15", 7}};

C turn(const char* text) { return turn_value<C>(parse_turn(text)); }

const C kOne(1);
const C kW = C::zeta(3);
const C kI = C::zeta(4);

// A kill set in declaration order, printed as names.
std::string set_of(std::initializer_list<BP> ps) {
    std::vector<BP> v(ps);
    std::sort(v.begin(), v.end());
    return block_potential_names(v);
}

std::string kills(const Element<C>& z, std::size_t k) { return block_potential_names(killed_potentials(z, k)); }

// The table's kill sets.
const std::initializer_list<BP> kSynKills = {BP::a_bar_bc, BP::ab_bar_c, BP::a_bar_b_bar_c, BP::abs_a2_c,
                                             BP::abs_b2_c, BP::a_bar2_c, BP::b_bar2_c};
const std::initializer_list<BP> kEverythingButAbc = {BP::a_bar_bc, BP::ab_bar_c, BP::a_bar_b_bar_c,
                                                     BP::abs_a2_c, BP::abs_b2_c, BP::a2_c,
                                                     BP::b2_c,     BP::a_bar2_c, BP::b_bar2_c};

}  // namespace

TEST_CASE("z_syn: nodes (1,1,1),(w,w,w),(w',w',w'); kills R_c, R_n, R_*^-; leaves abc = a^2c = b^2c = 3") {
    for (const Site& s : kSites) {
        const AbelianGroup g = AbelianGroup::parse(s.group);
        CAPTURE(std::string(s.group));
        CAPTURE(s.k);
        const auto z = z_syn<C>(g, s.k);
        REQUIRE(z.order() == 3);
        CHECK(is_conjugate_symmetric(z));
        CHECK(z.entry(Part::a, s.k, 1) == kW);
        CHECK(z.entry(Part::c, s.k, 2) == kW.conj());
        CHECK(kills(z, s.k) == set_of(kSynKills));
        const auto v = block_potentials(z, s.k);
        CHECK(v[BP::abc] == C(3));
        CHECK(v[BP::a2_c] == C(3));
        CHECK(v[BP::b2_c] == C(3));
    }
}

TEST_CASE("z_nu(nu): kills R_*^+ = {a^2c, b^2c} for generic nu; closed forms; special nu kill more") {
    // Closed forms (|nu| = 1, x' = conj x): abc = 2, a'bc = ab'c = 1 + nu'^2, a'b'c = 1 + nu'^4,
    // |a|^2c = |b|^2c = 1 - nu'^2, a^2c = b^2c = 0, a'^2c = b'^2c = 1 - nu'^4. Hence extra kills exactly when
    // nu^2 = -1 (a'bc, ab'c), nu^4 = -1 (a'b'c), nu^2 = 1 (R_n), nu^4 = 1 (R_*^-).
    struct Case {
        const char* nu;
        std::initializer_list<BP> kills;
    };
    const std::initializer_list<BP> table = {BP::a2_c, BP::b2_c};
    const std::initializer_list<BP> at_i = {BP::a_bar_bc, BP::ab_bar_c, BP::a2_c, BP::b2_c, BP::a_bar2_c, BP::b_bar2_c};
    const std::initializer_list<BP> at_8 = {BP::a_bar_b_bar_c, BP::a2_c, BP::b2_c};
    const std::initializer_list<BP> at_1 = {BP::abs_a2_c, BP::abs_b2_c, BP::a2_c, BP::b2_c, BP::a_bar2_c, BP::b_bar2_c};
    const Case cases[] = {{"1/3", table}, {"2/3", table}, {"1/12", table}, {"5/12", table}, {"-1/12", table},
                          {"1/4", at_i},  {"3/4", at_i},  {"1/8", at_8},   {"3/8", at_8},   {"-1/8", at_8},
                          {"0", at_1},    {"1/2", at_1}};
    for (const Site& s : kSites) {
        const AbelianGroup g = AbelianGroup::parse(s.group);
        for (const Case& c : cases) {
            CAPTURE(std::string(s.group));
            CAPTURE(s.k);
            CAPTURE(std::string(c.nu));
            const C nu = turn(c.nu), nb = nu.conj();
            const auto z = z_nu<C>(g, s.k, nu);
            REQUIRE(z.order() == 2);
            CHECK(is_conjugate_symmetric(z));
            CHECK(z.entry(Part::c, s.k, 1) == -(nb * nb));
            const auto v = block_potentials(z, s.k);
            CHECK(v[BP::abc] == C(2));
            CHECK(v[BP::a_bar_bc] == kOne + nb * nb);
            CHECK(v[BP::ab_bar_c] == kOne + nb * nb);
            CHECK(v[BP::a_bar_b_bar_c] == kOne + nb * nb * nb * nb);
            CHECK(v[BP::abs_a2_c] == kOne - nb * nb);
            CHECK(v[BP::abs_b2_c] == kOne - nb * nb);
            CHECK(v[BP::a_bar2_c] == kOne - nb * nb * nb * nb);
            CHECK(v[BP::b_bar2_c] == kOne - nb * nb * nb * nb);
            CHECK(kills(z, s.k) == set_of(c.kills));
        }
    }
}

TEST_CASE("z_nu_i = z_nu(i): nodes (1,1,1),(i,-i,1); kills a'bc, ab'c, all R_*; leaves abc = a'b'c = 2, R_n = 2, 2") {
    for (const Site& s : kSites) {
        const AbelianGroup g = AbelianGroup::parse(s.group);
        CAPTURE(std::string(s.group));
        const auto z = z_nu_i<C>(g, s.k);
        CHECK(equal_up_to_node_permutation(z, z_nu<C>(g, s.k, kI)));
        CHECK(z.entry(Part::b, s.k, 1) == -kI);
        CHECK(z.entry(Part::c, s.k, 1) == kOne);
        CHECK(kills(z, s.k) == set_of({BP::a_bar_bc, BP::ab_bar_c, BP::a2_c, BP::b2_c, BP::a_bar2_c, BP::b_bar2_c}));
        const auto v = block_potentials(z, s.k);
        CHECK(v[BP::abc] == C(2));
        CHECK(v[BP::a_bar_b_bar_c] == C(2));
        CHECK(v[BP::abs_a2_c] == C(2));
        CHECK(v[BP::abs_b2_c] == C(2));
    }
}

TEST_CASE("z_xi(xi, s): kills a'b'c for generic xi; R_*^+ too iff xi^2 = s i; closed forms; other special xi") {
    // Closed forms: abc = 2, a'bc = 1 + xi'^2, ab'c = 1 - xi^2, a'b'c = 0, |a|^2c = |b|^2c = 1 + s i,
    // a^2c = 1 + s i xi^2, b^2c = 1 - s i xi'^2, a'^2c = 1 + s i xi'^2, b'^2c = 1 - s i xi^2.
    // Extra kills exactly when xi^2 = -1 (a'bc), xi^2 = 1 (ab'c), xi^2 = s i (R_*^+), xi^2 = -s i (R_*^-).
    struct Case {
        const char* xi;
        int s;
        std::initializer_list<BP> kills;
    };
    const std::initializer_list<BP> table = {BP::a_bar_b_bar_c};
    const std::initializer_list<BP> plus = {BP::a_bar_b_bar_c, BP::a2_c, BP::b2_c};
    const std::initializer_list<BP> minus = {BP::a_bar_b_bar_c, BP::a_bar2_c, BP::b_bar2_c};
    const Case cases[] = {
        {"1/3", 1, table},  {"1/3", -1, table}, {"1/12", 1, table},  {"5/12", -1, table},
        {"1/8", 1, plus},   {"1/8", -1, minus}, {"5/8", 1, plus},    {"3/8", 1, minus},
        {"3/8", -1, plus},  {"-1/8", 1, minus}, {"1/4", 1, {BP::a_bar_bc, BP::a_bar_b_bar_c}},
        {"3/4", -1, {BP::a_bar_bc, BP::a_bar_b_bar_c}},  {"0", 1, {BP::ab_bar_c, BP::a_bar_b_bar_c}},
        {"1/2", -1, {BP::ab_bar_c, BP::a_bar_b_bar_c}}};
    for (const Site& st : kSites) {
        const AbelianGroup g = AbelianGroup::parse(st.group);
        for (const Case& c : cases) {
            CAPTURE(std::string(st.group));
            CAPTURE(st.k);
            CAPTURE(std::string(c.xi));
            CAPTURE(c.s);
            const C xi = turn(c.xi), xb = xi.conj(), si = C(c.s) * kI;
            const auto z = z_xi<C>(g, st.k, xi, c.s);
            REQUIRE(z.order() == 2);
            CHECK(is_conjugate_symmetric(z));
            CHECK(z.entry(Part::b, st.k, 1) == -(si * xb));
            CHECK(z.entry(Part::c, st.k, 1) == si);
            const auto v = block_potentials(z, st.k);
            CHECK(v[BP::abc] == C(2));
            CHECK(v[BP::a_bar_bc] == kOne + xb * xb);
            CHECK(v[BP::ab_bar_c] == kOne - xi * xi);
            CHECK(v[BP::a_bar_b_bar_c].is_zero());
            CHECK(v[BP::abs_a2_c] == kOne + si);
            CHECK(v[BP::abs_b2_c] == kOne + si);
            CHECK(v[BP::a2_c] == kOne + si * xi * xi);
            CHECK(v[BP::b2_c] == kOne - si * xb * xb);
            CHECK(v[BP::a_bar2_c] == kOne + si * xb * xb);
            CHECK(v[BP::b_bar2_c] == kOne - si * xi * xi);
            CHECK(kills(z, st.k) == set_of(c.kills));
        }
    }
    const AbelianGroup g = AbelianGroup::cyclic(5);
    CHECK_THROWS_AS(z_xi<C>(g, 1, kOne, 0), InvalidInput);
    CHECK_THROWS_AS(z_xi<C>(g, 1, kOne, 2), InvalidInput);
}

TEST_CASE("z_syn_ab(alpha, beta): b = 1/(ac); kills a'b'c and R_n for generic alpha, beta; closed forms") {
    // With A = alpha^2, B = beta^2: abc = 3, a'bc = 1 + A'w + B'w', ab'c = 1 + Aw + Bw', a'b'c = 0,
    // |a|^2c = |b|^2c = 0, a^2c = 1 + A + B, b^2c = 1 + A' + B', a'^2c = 1 + A'w' + B'w, b'^2c = 1 + Aw' + Bw.
    // A sum 1 + x + y of units vanishes iff {x, y} = {w, w'}: extra kills at A = B = 1 (z_syn itself),
    // (A, B) = (w', w) and (A, B) = (w, w').
    struct Case {
        const char* alpha;
        const char* beta;
        std::initializer_list<BP> kills;
    };
    const std::initializer_list<BP> table = {BP::a_bar_b_bar_c, BP::abs_a2_c, BP::abs_b2_c};
    const Case cases[] = {
        {"1/8", "1/12", table},
        {"1/4", "3/8", table},
        {"1/12", "5/12", table},
        {"1/3", "1/4", table},
        {"-1/8", "1/3", table},
        {"0", "0", kSynKills},
        {"1/2", "0", kSynKills},
        {"1/3", "2/3", {BP::a_bar_bc, BP::a_bar_b_bar_c, BP::abs_a2_c, BP::abs_b2_c, BP::a2_c, BP::b2_c, BP::b_bar2_c}},
        {"1/6", "1/3", {BP::ab_bar_c, BP::a_bar_b_bar_c, BP::abs_a2_c, BP::abs_b2_c, BP::a2_c, BP::b2_c, BP::a_bar2_c}}};
    const C w = kW, wb = kW.conj();
    for (const Site& st : kSites) {
        const AbelianGroup g = AbelianGroup::parse(st.group);
        for (const Case& c : cases) {
            CAPTURE(std::string(st.group));
            CAPTURE(st.k);
            CAPTURE(std::string(c.alpha));
            CAPTURE(std::string(c.beta));
            const C alpha = turn(c.alpha), beta = turn(c.beta);
            const C A = alpha * alpha, B = beta * beta, Ab = A.conj(), Bb = B.conj();
            const auto z = z_syn_ab<C>(g, st.k, alpha, beta);
            REQUIRE(z.order() == 3);
            CHECK(is_conjugate_symmetric(z));
            for (std::size_t j = 0; j < 3; ++j)
                CHECK(z.entry(Part::a, st.k, j) * z.entry(Part::b, st.k, j) * z.entry(Part::c, st.k, j) == kOne);
            CHECK(z.entry(Part::a, st.k, 1) == alpha * w);
            CHECK(z.entry(Part::a, st.k, 2) == beta * wb);
            CHECK(z.entry(Part::c, st.k, 2) == wb);
            const auto v = block_potentials(z, st.k);
            CHECK(v[BP::abc] == C(3));
            CHECK(v[BP::a_bar_bc] == kOne + Ab * w + Bb * wb);
            CHECK(v[BP::ab_bar_c] == kOne + A * w + B * wb);
            CHECK(v[BP::a2_c] == kOne + A + B);
            CHECK(v[BP::b2_c] == kOne + Ab + Bb);
            CHECK(v[BP::a_bar2_c] == kOne + Ab * wb + Bb * w);
            CHECK(v[BP::b_bar2_c] == kOne + A * wb + B * w);
            CHECK(kills(z, st.k) == set_of(c.kills));
        }
    }
    const AbelianGroup g = AbelianGroup::cyclic(7);
    CHECK(equal_up_to_node_permutation(z_syn_ab<C>(g, 2, kOne, kOne), z_syn<C>(g, 2)));
    CHECK_FALSE(equal_up_to_node_permutation(z_syn_ab<C>(g, 2, kI, kOne), z_syn<C>(g, 2)));
}

TEST_CASE("z_nu * z_syn kills every per-frequency potential, abc = 6, any unit nu") {
    for (const Site& s : kSites) {
        const AbelianGroup g = AbelianGroup::parse(s.group);
        for (const char* nu : {"1/3", "2/3", "1/4", "3/4", "1/8", "-3/8", "1/12", "7/12", "0", "1/2"}) {
            CAPTURE(std::string(s.group));
            CAPTURE(s.k);
            CAPTURE(std::string(nu));
            const auto z = z_nu<C>(g, s.k, turn(nu)) * z_syn<C>(g, s.k);
            REQUIRE(z.order() == 6);
            CHECK(is_conjugate_symmetric(z));
            CHECK(kills(z, s.k) == set_of(kEverythingButAbc));
            CHECK(block_potentials(z, s.k)[BP::abc] == C(6));
        }
    }
}

TEST_CASE("z_nu_i * z_syn_ab kills every per-frequency potential, abc = 6, any unit alpha, beta") {
    for (const Site& s : kSites) {
        const AbelianGroup g = AbelianGroup::parse(s.group);
        for (const char* alpha : {"0", "1/3", "1/4", "1/8", "5/12"})
            for (const char* beta : {"0", "2/3", "-1/4", "3/8", "1/12"}) {
                CAPTURE(std::string(s.group));
                CAPTURE(s.k);
                CAPTURE(std::string(alpha));
                CAPTURE(std::string(beta));
                const auto z = z_nu_i<C>(g, s.k) * z_syn_ab<C>(g, s.k, turn(alpha), turn(beta));
                REQUIRE(z.order() == 6);
                CHECK(is_conjugate_symmetric(z));
                CHECK(kills(z, s.k) == set_of(kEverythingButAbc));
                CHECK(block_potentials(z, s.k)[BP::abc] == C(6));
            }
    }
}

TEST_CASE("z_nu_i * z_xi kills R_c and R_* but leaves the bias (|a|^2+|b|^2)c = 4(1 + s i), abc = 4") {
    for (const Site& st : kSites) {
        const AbelianGroup g = AbelianGroup::parse(st.group);
        for (const char* xi : {"1/8", "3/8", "-1/8", "1/3", "1/4", "1/12", "0"})
            for (int s : {1, -1}) {
                CAPTURE(std::string(st.group));
                CAPTURE(st.k);
                CAPTURE(std::string(xi));
                CAPTURE(s);
                const auto z = z_nu_i<C>(g, st.k) * z_xi<C>(g, st.k, turn(xi), s);
                REQUIRE(z.order() == 4);
                CHECK(is_conjugate_symmetric(z));
                CHECK(kills(z, st.k) == set_of({BP::a_bar_bc, BP::ab_bar_c, BP::a_bar_b_bar_c, BP::a2_c, BP::b2_c,
                                                BP::a_bar2_c, BP::b_bar2_c}));
                const auto v = block_potentials(z, st.k);
                const C one_plus_si = kOne + C(s) * kI;
                CHECK(v[BP::abc] == C(4));
                CHECK(v[BP::abs_a2_c] == C(2) * one_plus_si);
                CHECK(v[BP::abs_b2_c] == C(2) * one_plus_si);
                CHECK(v.bias() == C(4) * one_plus_si);  // s = +1: 4 + 4i; s = -1: 4 - 4i
                CHECK_FALSE(v.bias() == C(4) * (kOne - C(s) * kI));
            }
    }
}

TEST_CASE("families need a non-zero, non-self-conjugate frequency") {
    const AbelianGroup g = AbelianGroup::cyclic(8);
    CHECK_THROWS_AS(z_syn<C>(g, 4), InvalidInput);
    CHECK_THROWS_AS(z_nu_i<C>(g, 4), InvalidInput);
    CHECK_THROWS_AS(z_nu<C>(g, 0, kW), InvalidInput);
    CHECK_THROWS_AS(z_xi<C>(g, 4, kOne, 1), InvalidInput);
    CHECK_THROWS_AS(z_syn_ab<C>(g, 8, kOne, kOne), InvalidInput);
    // z_nu with a real nu is real at k = -k (not a table family there, but a valid element).
    CHECK(z_nu<C>(g, 4, kOne).order() == 2);
}
