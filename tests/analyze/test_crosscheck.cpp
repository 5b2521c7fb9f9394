// The cross-check end to end: constructions exported as float weights, disguised by random gauges, node
// permutations, noise and dead nodes, are recovered (family and canonical parameters of every block) and
// their rounded networks are PROVED optimal exactly; random blocks are rejected ("unknown").
#include <doctest/doctest.h>

#include <cstdio>

#include "analyze/crosscheck.hpp"
#include "construct/global_solutions.hpp"
#include "harness/analysis_cases.hpp"
#include "harness/random.hpp"

using namespace cogo;
using namespace cogo::analyze;
using cogo::testing::random_turn;

namespace {

struct Expected {
    BlockFamily family;
    std::vector<Turn> params;  // canonical
    int sign = 0;
};

void check_report(const CrosscheckReport& r, const std::map<std::size_t, Expected>& expected, std::size_t dead) {
    CHECK(r.assignment.dead == dead);
    REQUIRE(r.blocks.size() == expected.size());
    for (const BlockReport& b : r.blocks) {
        CAPTURE(b.k);
        CAPTURE(b.note);
        const Expected& e = expected.at(b.k);
        std::string found, wanted;
        for (const auto& p : b.params) found += p.name + "=" + to_string(p.canonical) + " (found " + std::to_string(p.found) + ") ";
        for (const auto& p : e.params) wanted += to_string(p) + " ";
        CAPTURE(found);
        CAPTURE(wanted);
        CHECK(b.family == e.family);
        REQUIRE(b.params.size() == e.params.size());
        for (std::size_t i = 0; i < e.params.size(); ++i) {
            CAPTURE(b.params[i].name);
            CAPTURE(to_string(b.params[i].canonical));
            CAPTURE(to_string(e.params[i]));
            CHECK(b.params[i].canonical == e.params[i]);
        }
        if (e.family == BlockFamily::nui_xi) CHECK(b.sign == e.sign);
        CHECK(b.verified);
    }
    CHECK(r.verdict == Verdict::proved);
    REQUIRE(r.exact_loss);
    CHECK(r.exact_loss->is_zero());
    CHECK(r.distance_wa < 1e-2);
    CHECK(r.distance_wb < 1e-2);
    CHECK(r.distance_v < 1e-2);
}

}  // namespace

TEST_CASE("crosscheck recovers F6, nui-synab and F46 under random gauges, permutations and noise; rounded PROVED") {
    auto rng = cogo::testing::rng(0xC055);
    const int n_cases = cogo::testing::cases(8);
    std::size_t blocks = 0, recovered = 0, runs = 0;
    for (int t = 0; t < n_cases; ++t) {
        for (const char* kind : {"F6", "nui-synab", "F46"}) {
            const unsigned long ds[] = {5, 7, 9, 11};
            const AbelianGroup g = AbelianGroup::cyclic(ds[cogo::testing::uniform(rng, 0, 3)]);
            const std::vector<std::size_t> reps = pair_representatives(g);
            const unsigned long den = cogo::testing::uniform(rng, 0, 1) ? 24 : 120;
            Element<Cyclotomic> z(g);
            std::map<std::size_t, Expected> expected;
            if (std::string(kind) == "F6") {
                std::vector<Turn> nus;
                for (std::size_t i = 0; i < reps.size(); ++i) nus.push_back(random_turn(rng, den));
                z = f6(g, turn_values<Cyclotomic>(nus));
                for (std::size_t i = 0; i < reps.size(); ++i)
                    expected[reps[i]] = {BlockFamily::nu_syn, {canonical_nu(nus[i])}};
            } else if (std::string(kind) == "nui-synab") {
                std::vector<Turn> al, be;
                for (std::size_t i = 0; i < reps.size(); ++i) al.push_back(random_turn(rng, den)), be.push_back(random_turn(rng, den));
                z = nui_synab(g, turn_values<Cyclotomic>(al), turn_values<Cyclotomic>(be));
                for (std::size_t i = 0; i < reps.size(); ++i) {
                    const auto [a, b] = canonical_alpha_beta(al[i], be[i]);
                    // alpha^4 = beta^4 = 1: z_nu_i * z_syn_ab(alpha, beta) is also z_nu(i) * z_syn, reported so
                    if (a == make_turn(0, 1) && b == make_turn(0, 1))
                        expected[reps[i]] = {BlockFamily::nu_syn, {canonical_nu(make_turn(1, 4))}};
                    else
                        expected[reps[i]] = {BlockFamily::nui_synab, {a, b}};
                }
            } else {
                const Turn nu = random_turn(rng, den);
                const std::size_t k0 = reps[cogo::testing::uniform(rng, 0, static_cast<long>(reps.size()) - 1)];
                std::vector<Turn> xis;
                std::vector<int> signs;
                for (std::size_t i = 0; i + 1 < reps.size(); ++i)
                    xis.push_back(random_turn(rng, den)), signs.push_back(cogo::testing::uniform(rng, 0, 1) ? 1 : -1);
                z = f46(g, turn_value<Cyclotomic>(nu), turn_values<Cyclotomic>(xis), signs, k0);
                std::size_t i4 = 0;
                for (std::size_t k : reps) {
                    if (k == k0) {
                        expected[k] = {BlockFamily::nu_syn, {canonical_nu(nu)}};
                    } else {
                        const auto [xi, s] = canonical_xi(xis[i4], signs[i4]);
                        expected[k] = {BlockFamily::nui_xi, {xi, make_turn(0, 1)}, s};  // omega/s snapped to 1
                        ++i4;
                    }
                }
            }
            CAPTURE(kind);
            CAPTURE(g.name());
            CAPTURE(den);
            const TrainedWeights w = cogo::testing::disguise(dense_fourier(z), rng);
            const CrosscheckReport r = crosscheck(g, w);
            check_report(r, expected, 5);
            ++runs;
            blocks += r.blocks.size();
            recovered += r.verified();
        }
    }
    std::printf("[crosscheck] %zu runs, %zu blocks, %zu recovered and verified\n", runs, blocks, recovered);
    CHECK(recovered == blocks);
}

TEST_CASE("crosscheck on a product group (Z_3 x Z_3, Z_3 x Z_5): F6 recovered and PROVED") {
    auto rng = cogo::testing::rng(0xC056);
    for (const char* spec : {"3x3", "3x5"}) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        const std::vector<std::size_t> reps = pair_representatives(g);
        std::vector<Turn> nus;
        for (std::size_t i = 0; i < reps.size(); ++i) nus.push_back(random_turn(rng, 24));
        const Element<Cyclotomic> z = f6(g, turn_values<Cyclotomic>(nus));
        std::map<std::size_t, Expected> expected;
        for (std::size_t i = 0; i < reps.size(); ++i) expected[reps[i]] = {BlockFamily::nu_syn, {canonical_nu(nus[i])}};
        CAPTURE(spec);
        check_report(crosscheck(g, cogo::testing::disguise(dense_fourier(z), rng)), expected, 5);
    }
}

TEST_CASE("random 4- and 6-node blocks are rejected as unknown; the rest is still recovered") {
    auto rng = cogo::testing::rng(0xC057);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const int n_cases = cogo::testing::cases(20);
    int rejected = 0;
    for (int t = 0; t < n_cases; ++t) {
        const AbelianGroup g = AbelianGroup::cyclic(7);
        const std::vector<std::size_t> reps = pair_representatives(g);
        const Element<Cyclotomic> z = f6(g, std::vector<Cyclotomic>{turn_value<Cyclotomic>(make_turn(1, 8))});
        FourierWeights dense = dense_fourier(z);
        // replace the block at reps[1] (nodes 6..11) by a random block of order 4 or 6
        const std::size_t k = reps[1], order = t % 2 ? 4 : 6;
        FourierWeights f{g, dense.q - 6 + order, {}, {}, {}};
        f.a.assign(f.q * g.order(), Complex{});
        f.b = f.a;
        f.c = f.a;
        std::size_t out = 0;
        for (std::size_t j = 0; j < dense.q; ++j) {
            if (j >= 6 && j < 12) continue;
            for (std::size_t kk = 0; kk < g.order(); ++kk)
                f.za(kk, out) = dense.za(kk, j), f.zb(kk, out) = dense.zb(kk, j), f.zc(kk, out) = dense.zc(kk, j);
            ++out;
        }
        for (std::size_t i = 0; i < order; ++i, ++out) {
            const Complex a(gauss(rng), gauss(rng)), b(gauss(rng), gauss(rng)), c(gauss(rng) / 6, gauss(rng) / 6);
            f.za(k, out) = a, f.za(g.neg(k), out) = std::conj(a);
            f.zb(k, out) = b, f.zb(g.neg(k), out) = std::conj(b);
            f.zc(k, out) = c, f.zc(g.neg(k), out) = std::conj(c);
        }
        const CrosscheckReport r = crosscheck(g, cogo::testing::disguise(f, rng));
        REQUIRE(r.blocks.size() == reps.size());
        for (const BlockReport& b : r.blocks) {
            CAPTURE(b.k);
            if (b.k == k) {
                CHECK(b.nodes.size() == order);
                CHECK(b.family == BlockFamily::unknown);
                CHECK_FALSE(b.verified);
                rejected += b.family == BlockFamily::unknown;
            } else {
                CHECK(b.family == BlockFamily::nu_syn);
                CHECK(b.verified);
            }
        }
        CHECK(r.verdict == Verdict::refuted);
    }
    std::printf("[crosscheck] %d of %d random blocks rejected\n", rejected, n_cases);
}

TEST_CASE("all-order-4 (no bias cancellation possible): blocks classified, rounded network REFUTED at the bias") {
    auto rng = cogo::testing::rng(0xC058);
    const AbelianGroup g = AbelianGroup::cyclic(7);
    const Element<Cyclotomic> z = order4<Cyclotomic>(g);
    const CrosscheckReport r = crosscheck(g, cogo::testing::disguise(dense_fourier(z), rng));
    REQUIRE(r.blocks.size() == 3);
    for (const BlockReport& b : r.blocks) {
        CHECK(b.family == BlockFamily::nui_xi);
        CHECK_FALSE(b.verified);
    }
    CHECK(r.verdict == Verdict::refuted);
    REQUIRE(r.exact_loss);
    CHECK(*r.exact_loss == Cyclotomic::rational(2 * 6, 7));  // 2(d-1)/d
}

TEST_CASE("bad weights: wrong shapes, NaN, Inf are InvalidInput") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    TrainedWeights w{Matrix<double>(3, 5, 0.1), Matrix<double>(3, 5, 0.1), Matrix<double>(5, 3, 0.1)};
    CHECK_NOTHROW(check_trained_weights(g, w));
    TrainedWeights bad = w;
    bad.v = Matrix<double>(5, 4, 0.1);
    CHECK_THROWS_AS(crosscheck(g, bad), ShapeMismatch);
    bad = w;
    bad.wb = Matrix<double>(3, 4, 0.1);
    CHECK_THROWS_AS(crosscheck(g, bad), ShapeMismatch);
    bad = w;
    bad.wa(1, 2) = std::nan("");
    CHECK_THROWS_AS(crosscheck(g, bad), InvalidInput);
    bad = w;
    bad.v(4, 0) = INFINITY;
    CHECK_THROWS_AS(crosscheck(g, bad), InvalidInput);
}

TEST_CASE("1% noise (relative RMS, trained-like) on d = 23: F46 and F6 still recovered and PROVED") {
    auto rng = cogo::testing::rng(0xC059);
    const AbelianGroup g = AbelianGroup::cyclic(23);
    const std::vector<std::size_t> reps = pair_representatives(g);
    for (int t = 0; t < cogo::testing::cases(2); ++t) {
        std::vector<Turn> nus;
        for (std::size_t i = 0; i < reps.size(); ++i) nus.push_back(random_turn(rng, 24));
        cogo::testing::Disguise d;
        d.noise = 1e-2;
        d.dead = 512 - 3 * 22;
        const CrosscheckReport r6 = crosscheck(g, cogo::testing::disguise(dense_fourier(f6(g, turn_values<Cyclotomic>(nus))), rng, d));
        for (std::size_t i = 0; i < reps.size(); ++i) {
            CAPTURE(reps[i]);
            CHECK(r6.blocks.at(i).family == BlockFamily::nu_syn);
            CHECK(r6.blocks.at(i).params.at(0).canonical == canonical_nu(nus[i]));
        }
        CHECK(r6.verdict == Verdict::proved);
        d.dead = 512 - 46;
        const CrosscheckReport r46 = crosscheck(g, cogo::testing::disguise(dense_fourier(f46<Cyclotomic>(g)), rng, d));
        CHECK(r46.verified() == reps.size());
        CHECK(r46.verdict == Verdict::proved);
    }
}
