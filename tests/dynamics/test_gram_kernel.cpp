// Tests of dynamics/gram_kernel.hpp: the sampled kernel against a brute-force Jacobian (central differences of
// the potentials computed from their definition), the exact expectation against hand-derived closed forms,
// and the exact expectation against the mean over many seeds of PyTorch's default init.
#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <cstdint>
#include <vector>

#include "analyze/fourier_weights.hpp"
#include "dynamics/gram_kernel.hpp"
#include "train/network.hpp"

using namespace cogo;

namespace {

using C = std::complex<double>;

analyze::FourierWeights init_fourier(const AbelianGroup& g, std::size_t q, std::uint64_t seed) {
    const auto w = train::to_matrices(train::pytorch_default_init<double>(g.order(), q, seed));
    return analyze::fourier_transform(g, {w.wa, w.wb, w.v});
}

/// The potential straight from its definition (docs/theory.md section 3).
C potential(const analyze::FourierWeights& z, const PotentialIndex& r) {
    C sum{};
    for (std::size_t j = 0; j < z.q; ++j) {
        const C x = r.kind == PotentialKind::bb ? z.zb(r.k1, j) : z.za(r.k1, j);
        const C y = r.kind == PotentialKind::aa ? z.za(r.k2, j) : z.zb(r.k2, j);
        sum += x * y * z.zc(r.k, j);
    }
    return sum;
}

/// K = J J^H with J[r][coordinate] from central differences along each coordinate (exact for polynomials of
/// degree <= 2 in one coordinate, up to rounding; each potential is).
Matrix<C> brute_kernel(analyze::FourierWeights z, const std::vector<PotentialIndex>& rs) {
    std::vector<std::vector<C>> jac(rs.size());
    const double h = 1e-3;
    for (std::vector<Complex>* row : {&z.a, &z.b, &z.c})
        for (Complex& entry : *row) {
            const Complex saved = entry;
            entry = saved + h;
            std::vector<C> plus;
            for (const auto& r : rs) plus.push_back(potential(z, r));
            entry = saved - h;
            for (std::size_t i = 0; i < rs.size(); ++i) jac[i].push_back((plus[i] - potential(z, rs[i])) / (2 * h));
            entry = saved;
        }
    Matrix<C> k(rs.size(), rs.size());
    for (std::size_t i = 0; i < rs.size(); ++i)
        for (std::size_t l = 0; l < rs.size(); ++l)
            for (std::size_t c = 0; c < jac[i].size(); ++c) k(i, l) += jac[i][c] * std::conj(jac[l][c]);
    return k;
}

std::vector<PotentialIndex> test_set(const AbelianGroup& g, std::size_t k) {
    auto rs = output_potentials(g, k);
    for (const auto& r : bias_potentials(g, k, 3)) rs.push_back(r);
    rs.push_back({PotentialKind::aa, 1, 2, k});
    rs.push_back({PotentialKind::bb, 2, 2, k});
    rs.push_back({PotentialKind::ab, 1, 1, 2});  // another output frequency
    return rs;
}

std::size_t find(const std::vector<PotentialIndex>& rs, PotentialIndex r) {
    for (std::size_t i = 0; i < rs.size(); ++i)
        if (rs[i] == r) return i;
    FAIL("potential not in the set: " << to_string(r));
    return 0;
}

Cyclotomic Q(long a, long b) { return Cyclotomic::rational(a, b); }

}  // namespace

TEST_CASE("gram_kernel equals J J^H of a brute-force Jacobian, Hermitian PSD diagonal") {
    const AbelianGroup g = AbelianGroup::cyclic(5);
    const auto z = init_fourier(g, 6, 11);
    const auto rs = test_set(g, 1);
    const auto k = gram_kernel(z, rs);
    const auto b = brute_kernel(z, rs);
    double scale = 0;
    for (std::size_t i = 0; i < rs.size(); ++i) scale = std::max(scale, k(i, i).real());
    REQUIRE(scale > 0);
    for (std::size_t i = 0; i < rs.size(); ++i)
        for (std::size_t l = 0; l < rs.size(); ++l) {
            CHECK(std::abs(k(i, l) - b(i, l)) <= 1e-7 * scale);
            CHECK(std::abs(k(i, l) - std::conj(k(l, i))) <= 1e-14 * scale);
        }
    // Also on a product group (frequency arithmetic through the group).
    const AbelianGroup g2({2, 4});
    const auto z2 = init_fourier(g2, 4, 3);
    std::vector<PotentialIndex> rs2 = bias_potentials(g2, 5, 8);
    rs2.push_back({PotentialKind::ab, 3, 6, 5});
    const auto k2 = gram_kernel(z2, rs2);
    const auto b2 = brute_kernel(z2, rs2);
    for (std::size_t i = 0; i < rs2.size(); ++i)
        for (std::size_t l = 0; l < rs2.size(); ++l) CHECK(std::abs(k2(i, l) - b2(i, l)) <= 1e-7 * std::abs(k2(0, 0)));
    // Bad input is refused with the right exception.
    CHECK_THROWS_AS((void)gram_kernel(z, {{PotentialKind::aa, 0, 5, 1}}), InvalidInput);
    auto broken = z;
    broken.c.pop_back();
    CHECK_THROWS_AS((void)gram_kernel(broken, rs), ShapeMismatch);
}

TEST_CASE("summarize: mean diagonal, RMS and max off-diagonal") {
    Matrix<C> k(2, 2);
    k(0, 0) = 2;
    k(1, 1) = 4;
    k(0, 1) = C(0, 3);
    k(1, 0) = C(0, -3);
    const GramSummary s = summarize(k);
    CHECK(s.mean_diagonal == doctest::Approx(3));
    CHECK(s.rms_off_diagonal == doctest::Approx(3));
    CHECK(s.max_off_diagonal == doctest::Approx(3));
    CHECK(s.ratio == doctest::Approx(1));
    CHECK_THROWS_AS((void)summarize(Matrix<C>(2, 3)), ShapeMismatch);
}

TEST_CASE("expected_gram_kernel matches closed forms derived by hand") {
    // sigma_a^2 = E|z_a[k]|^2 = 1/(3n^2), sigma_c^2 = E|z_c[k]|^2 = 4n/(3q); c2 = 1/(3n), c4 = -2/(15 n^2).
    for (long n : {5L, 7L})
        for (long q : {1L, 64L, 200L}) {
            const AbelianGroup g = AbelianGroup::cyclic(static_cast<unsigned long>(n));
            const auto rs = test_set(g, 1);
            const auto e = expected_gram_kernel(g, static_cast<std::size_t>(q), pytorch_init_moments(n, q), rs);
            const Cyclotomic ab_diag = Q(8, 9 * n) + Q(q, 9 * n * n * n * n);
            const Cyclotomic four = Q(q, 9 * n * n * n * n) - Q(2 * q, 15 * n * n * n * n * n);  // q E z_k z_-k z_l z_-l
            for (std::size_t i = 0; i < rs.size(); ++i)
                for (std::size_t l = 0; l < rs.size(); ++l) {
                    const bool ab_i = rs[i].kind == PotentialKind::ab, ab_l = rs[l].kind == PotentialKind::ab;
                    if (ab_i && ab_l) CHECK(e(i, l) == (i == l ? ab_diag : Cyclotomic()));
                    if (ab_i != ab_l) CHECK(e(i, l).is_zero());  // an odd number of one row's entries
                }
            const auto a0 = find(rs, {PotentialKind::aa, 0, 0, 1}), a1 = find(rs, {PotentialKind::aa, 1, std::size_t(n - 1), 1}),
                       a2 = find(rs, {PotentialKind::aa, 2, std::size_t(n - 2), 1}),
                       b1 = find(rs, {PotentialKind::bb, 1, std::size_t(n - 1), 1}),
                       a12 = find(rs, {PotentialKind::aa, 1, 2, 1}), b22 = find(rs, {PotentialKind::bb, 2, 2, 1});
            // r_{a,k',-k',k}, k' != 0: 2 sigma_a^2 sigma_c^2 q + q E|z_k' z_-k'|^2 (two pairings + c4 term).
            CHECK(e(a1, a1) == Q(8, 9 * n) + Q(q, 9 * n * n * n * n) + four);
            CHECK(e(a2, a2) == e(a1, a1));
            // r_{a,0,0,k}: the coordinate z_a[0] carries 2 z_a[0] z_c; E z_a[0]^4 = (3 c2^2 n^2 + c4 n) / n^4.
            CHECK(e(a0, a0) == Q(16, 9 * n) + Q(3 * q, 9 * n * n * n * n) - Q(2 * q, 15 * n * n * n * n * n));
            // r_{a,1,2,k}: no pairing (1,2)(-1,-2) since 1 + 2 != 0.
            CHECK(e(a12, a12) == Q(8, 9 * n) + four);
            // r_{b,2,2,k}: coordinate z_b[2] carries 2 z_b[2] z_c; E|z_b[2]^2|^2 = (2 c2^2 n^2 + c4 n) / n^4.
            CHECK(e(b22, b22) == Q(16, 9 * n) + Q(2 * q, 9 * n * n * n * n) - Q(2 * q, 15 * n * n * n * n * n));
            // Off-diagonal expectations that do not vanish: the output-bias potentials share the c coordinate.
            CHECK(e(a1, a2) == four);
            CHECK(e(a1, b1) == Q(q, 9 * n * n * n * n));
            CHECK(e(a0, a1) == four);
        }
    CHECK_THROWS_AS((void)expected_gram_kernel(AbelianGroup::cyclic(5), 0, pytorch_init_moments(5, 1), {}), InvalidInput);
    CHECK_THROWS_AS((void)expected_gram_kernel(AbelianGroup::cyclic(5), 4, pytorch_init_moments(5, 4),
                                               {{PotentialKind::ab, 5, 0, 1}}),
                    InvalidInput);
    CHECK_THROWS_AS((void)output_potentials(AbelianGroup::cyclic(5), 5), InvalidInput);
    CHECK_THROWS_AS((void)bias_potentials(AbelianGroup::cyclic(5), 1, 6), InvalidInput);
}

TEST_CASE("expected_gram_kernel agrees with the sample mean over seeds of PyTorch's init") {
    struct Config {
        unsigned long n;
        std::size_t q;
    };
    for (const Config cfg : {Config{5, 64}, Config{7, 128}}) {
        const AbelianGroup g = AbelianGroup::cyclic(cfg.n);
        const auto rs = test_set(g, 1);
        const std::size_t count = rs.size();
        const auto e = expected_gram_kernel(g, cfg.q, pytorch_init_moments(cfg.n, cfg.q), rs);
        const std::size_t seeds = 1500;
        std::vector<C> sum(count * count), sum2(count * count);  // sum2: (re^2, im^2)
        for (std::uint64_t s = 1; s <= seeds; ++s) {
            const auto k = gram_kernel(init_fourier(g, cfg.q, s), rs);
            for (std::size_t i = 0; i < count * count; ++i) {
                const C v = k(i / count, i % count);
                sum[i] += v;
                sum2[i] += C(v.real() * v.real(), v.imag() * v.imag());
            }
        }
        const double ns = static_cast<double>(seeds);
        std::size_t nonzero_checked = 0;
        double worst = 0, scale = 0;
        for (std::size_t i = 0; i < count; ++i) scale = std::max(scale, std::abs(e(i, i).to_complex()));
        for (std::size_t i = 0; i < count * count; ++i) {
            const C mean = sum[i] / ns;
            const double se_re = std::sqrt(std::max(0.0, sum2[i].real() / ns - mean.real() * mean.real()) / (ns - 1));
            const double se_im = std::sqrt(std::max(0.0, sum2[i].imag() / ns - mean.imag() * mean.imag()) / (ns - 1));
            const C exact = e(i / count, i % count).to_complex();
            const double z_re = std::abs(mean.real() - exact.real()) / (se_re + 1e-300);
            const double z_im = std::abs(mean.imag() - exact.imag()) / (se_im + 1e-300);
            if (se_re > 1e-9 * scale) worst = std::max(worst, z_re);  // not a rounding-level quantity
            if (se_im > 1e-9 * scale) worst = std::max(worst, z_im);
            CHECK(std::abs(mean.real() - exact.real()) <= 5 * se_re + 1e-12 * std::abs(exact.real()));
            CHECK(std::abs(mean.imag() - exact.imag()) <= 5 * se_im + 1e-15);
            if (exact.real() != 0) {
                ++nonzero_checked;
                CHECK(se_re < 0.05 * std::abs(exact.real()));  // the comparison has teeth
            }
        }
        MESSAGE("n = " << cfg.n << ", q = " << cfg.q << ": worst |mean - exact| / SE = " << worst);
        CHECK(nonzero_checked >= count + 6);  // every diagonal entry and the bias off-diagonals
    }
}
