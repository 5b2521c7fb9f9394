// The generic linear algebra (algebra/linear_algebra.hpp) over Cyclotomic, Symbolic and Complex: rank, kernel
// and solve against brute force (small integer matrices over Q: the rank is the largest non-zero minor,
// computed by cofactor expansion) and against each other.
#include <doctest/doctest.h>

#include <random>

#include "algebra/linear_algebra.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"
#include "scalar/symbolic.hpp"
#include "harness/random.hpp"

using namespace cogo;

namespace {

using IntMatrix = std::vector<std::vector<long>>;

/// Determinant by cofactor expansion (exact in long for the tiny entries used here).
long det(const IntMatrix& m) {
    const std::size_t n = m.size();
    if (n == 0) return 1;
    long sum = 0;
    for (std::size_t c = 0; c < n; ++c) {
        IntMatrix minor;
        for (std::size_t r = 1; r < n; ++r) {
            std::vector<long> row;
            for (std::size_t cc = 0; cc < n; ++cc)
                if (cc != c) row.push_back(m[r][cc]);
            minor.push_back(row);
        }
        sum += (c % 2 ? -1 : 1) * m[0][c] * det(minor);
    }
    return sum;
}

/// The rank as the size of the largest non-singular square submatrix (brute force over row/column subsets).
std::size_t brute_rank(const IntMatrix& m, std::size_t cols) {
    const std::size_t rows = m.size();
    std::size_t best = 0;
    for (unsigned rs = 1; rs < (1u << rows); ++rs)
        for (unsigned cs = 1; cs < (1u << cols); ++cs) {
            const std::size_t k = static_cast<std::size_t>(__builtin_popcount(rs));
            if (k != static_cast<std::size_t>(__builtin_popcount(cs)) || k <= best) continue;
            IntMatrix sub;
            for (std::size_t r = 0; r < rows; ++r) {
                if (!(rs >> r & 1)) continue;
                std::vector<long> row;
                for (std::size_t c = 0; c < cols; ++c)
                    if (cs >> c & 1) row.push_back(m[r][c]);
                sub.push_back(row);
            }
            if (det(sub) != 0) best = k;
        }
    return best;
}

template <Scalar S>
Rows<S> convert(const IntMatrix& m) {
    Rows<S> out;
    for (const auto& row : m) {
        std::vector<S> r;
        for (long x : row) r.push_back(from_ratio<S>(x, 1));
        out.push_back(r);
    }
    return out;
}

/// A random rows x cols integer matrix of rank <= target (a product of random factors), entries small.
IntMatrix random_matrix(std::mt19937_64& rng, std::size_t rows, std::size_t cols, std::size_t target) {
    std::uniform_int_distribution<long> e(-2, 2);
    IntMatrix l(rows, std::vector<long>(target)), r(target, std::vector<long>(cols)), out(rows, std::vector<long>(cols, 0));
    for (auto& row : l)
        for (long& x : row) x = e(rng);
    for (auto& row : r)
        for (long& x : row) x = e(rng);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j)
            for (std::size_t k = 0; k < target; ++k) out[i][j] += l[i][k] * r[k][j];
    return out;
}

}  // namespace

TEST_CASE("rank over Cyclotomic, Symbolic and Complex agrees with the largest non-zero minor") {
    auto rng = cogo::testing::rng(0x11A1);
    const int cases = cogo::testing::cases(40);
    for (int t = 0; t < cases; ++t) {
        const std::size_t rows = 1 + t % 4, cols = 1 + (t / 4) % 5, target = 1 + t % 3;
        const IntMatrix m = random_matrix(rng, rows, cols, std::min(target, std::min(rows, cols)));
        CAPTURE(t);
        const std::size_t expected = brute_rank(m, cols);
        CHECK(rank<Cyclotomic>(convert<Cyclotomic>(m), cols) == expected);
        CHECK(rank<Symbolic>(convert<Symbolic>(m), cols, {}, [](const Symbolic& x) { return x.canonical(); }) == expected);
        CHECK(rank<Complex>(convert<Complex>(m), cols) == expected);
    }
}

TEST_CASE("kernel vectors are annihilated exactly, and there are cols - rank of them") {
    auto rng = cogo::testing::rng(0x11A2);
    const Cyclotomic w = Cyclotomic::zeta(3, 1);
    for (int t = 0; t < cogo::testing::cases(30); ++t) {
        const std::size_t rows = 2 + t % 3, cols = 3 + t % 4;
        const IntMatrix m = random_matrix(rng, rows, cols, 1 + t % 2);
        // entries in Q(w): m + w m' with an independent m'
        const IntMatrix m2 = random_matrix(rng, rows, cols, 1);
        Rows<Cyclotomic> a = convert<Cyclotomic>(m);
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) a[i][j] = a[i][j] + w * Cyclotomic(m2[i][j]);
        const Rows<Cyclotomic> basis = kernel<Cyclotomic>(a, cols);
        CHECK(basis.size() == cols - rank<Cyclotomic>(a, cols));
        for (const auto& v : basis)
            for (std::size_t i = 0; i < rows; ++i) {
                Cyclotomic s;
                for (std::size_t j = 0; j < cols; ++j) s = s + a[i][j] * v[j];
                CHECK(s.is_zero());
            }
    }
}

TEST_CASE("solve: exact solutions check exactly, inconsistent systems are nullopt, floats pivot") {
    auto rng = cogo::testing::rng(0x11A3);
    std::uniform_int_distribution<long> e(-3, 3);
    for (int t = 0; t < cogo::testing::cases(30); ++t) {
        const std::size_t n = 1 + t % 4;
        const IntMatrix m = random_matrix(rng, n + 1, n, n);
        std::vector<long> x(n);
        for (long& v : x) v = e(rng);
        std::vector<Cyclotomic> b(n + 1);
        for (std::size_t i = 0; i <= n; ++i) {
            long s = 0;
            for (std::size_t j = 0; j < n; ++j) s += m[i][j] * x[j];
            b[i] = Cyclotomic(s);
        }
        const auto sol = solve<Cyclotomic>(convert<Cyclotomic>(m), n, b);
        REQUIRE(sol);
        for (std::size_t i = 0; i <= n; ++i) {
            Cyclotomic s;
            for (std::size_t j = 0; j < n; ++j) s = s + Cyclotomic(m[i][j]) * (*sol)[j];
            CHECK(s == b[i]);
        }
        if (brute_rank(m, n) == n) {  // full column rank: the solution is unique, hence x
            for (std::size_t j = 0; j < n; ++j) CHECK((*sol)[j] == Cyclotomic(x[j]));
            // a right-hand side outside the range: n + 1 independent equations in n unknowns
            std::vector<Cyclotomic> bad = b;
            bad[n] = bad[n] + Cyclotomic(1);
            IntMatrix full = m;
            for (std::size_t i = 0; i <= n; ++i) {
                long bi = 0;
                for (std::size_t j = 0; j < n; ++j) bi += m[i][j] * x[j];
                full[i].push_back(bi + (i == n ? 1 : 0));
            }
            if (brute_rank(full, n + 1) == n + 1) CHECK_FALSE(solve<Cyclotomic>(convert<Cyclotomic>(m), n, bad));
        }
    }
    // partial pivoting: a tiny leading entry does not spoil the float solution
    const Rows<Complex> a{{1e-18, 1}, {1, 1}};
    const auto x = solve<Complex>(a, 2, {Complex(1), Complex(2)});
    REQUIRE(x);
    CHECK(std::abs((*x)[0] - 1.0) < 1e-12);
    CHECK(std::abs((*x)[1] - 1.0) < 1e-12);
    CHECK_THROWS_AS((void)rank<Complex>({{1, 2}, {3}}, 2), ShapeMismatch);
}
