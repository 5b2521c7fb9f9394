// Theorem 6's gradient Gram kernel: sampled from dense Fourier weights, and its exact expectation under an
// i.i.d. symmetric init (see gram_kernel.hpp for the formulas).
#include "dynamics/gram_kernel.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "support/error.hpp"

namespace cogo {

namespace {

/// One Fourier entry z_p[k] (of an unspecified node).
struct Factor {
    Part part;
    std::size_t k;
};

/// The coordinate (p, k) as one index p * n + k.
std::size_t coordinate(const Factor& f, std::size_t n) { return static_cast<std::size_t>(f.part) * n + f.k; }

void check_potentials(const AbelianGroup& group, const std::vector<PotentialIndex>& rs) {
    const std::size_t n = group.order();
    for (std::size_t i = 0; i < rs.size(); ++i)
        if (rs[i].k1 >= n || rs[i].k2 >= n || rs[i].k >= n)
            throw InvalidInput("potential " + std::to_string(i) + " (" + to_string(rs[i]) +
                               "): frequency out of range for a group of order " + std::to_string(n));
}

/// The potential's three factors: two input entries and the output entry.
std::array<Factor, 3> factors(const PotentialIndex& r) {
    const Part p1 = r.kind == PotentialKind::bb ? Part::b : Part::a;
    const Part p2 = r.kind == PotentialKind::aa ? Part::a : Part::b;
    return {Factor{p1, r.k1}, Factor{p2, r.k2}, Factor{Part::c, r.k}};
}

/// The gradient of a potential at one coordinate: the sum of the cofactors (the other two factors) of
/// every factor sitting at that coordinate (one or two of them).
struct GradientTerm {
    std::size_t coord;
    std::vector<std::pair<Factor, Factor>> cofactors;
};

/// The potential's gradient, one term per distinct coordinate (at most 3).
std::vector<GradientTerm> gradient(const PotentialIndex& r, std::size_t n) {
    const auto fs = factors(r);
    std::vector<GradientTerm> out;
    for (std::size_t i = 0; i < 3; ++i) {
        const std::pair<Factor, Factor> cof{fs[(i + 1) % 3], fs[(i + 2) % 3]};
        const std::size_t c = coordinate(fs[i], n);
        bool merged = false;
        for (auto& term : out)
            if (term.coord == c) {
                term.cofactors.push_back(cof);
                merged = true;
            }
        if (!merged) out.push_back({c, {cof}});
    }
    return out;
}

const Complex& entry(const analyze::FourierWeights& z, const Factor& f, std::size_t j) {
    switch (f.part) {
    case Part::a: return z.za(f.k, j);
    case Part::b: return z.zb(f.k, j);
    case Part::c: break;
    }
    return z.zc(f.k, j);
}

/// The moment of the product of the Fourier entries of one row (one part) of one node, given their
/// frequencies: scale^m * sum over set partitions into even blocks of prod (cumulant * n * [block sums to 0]).
/// Only m in {0, 2, 4} can be non-zero here (odd cumulants vanish; a kernel entry has at most four entries
/// of one row).
Cyclotomic row_moment(const AbelianGroup& group, const std::vector<std::size_t>& ks, const Cyclotomic& scale2,
                      const Cyclotomic& t2, const Cyclotomic& t4) {
    auto zero_sum = [&](std::size_t x, std::size_t y) { return group.add(ks[x], ks[y]) == 0; };
    switch (ks.size()) {
    case 0: return Cyclotomic(1);
    case 2: return zero_sum(0, 1) ? scale2 * t2 : Cyclotomic();
    case 4: {
        const long pairings = long{zero_sum(0, 1) && zero_sum(2, 3)} + long{zero_sum(0, 2) && zero_sum(1, 3)} +
                              long{zero_sum(0, 3) && zero_sum(1, 2)};
        const bool all = group.add(group.add(ks[0], ks[1]), group.add(ks[2], ks[3])) == 0;
        Cyclotomic m = Cyclotomic(pairings) * t2 * t2;
        if (all) m += t4;
        return scale2 * scale2 * m;
    }
    default:
        if (ks.size() % 2 == 1) return Cyclotomic();
        throw Error("gram kernel: a moment of more than four entries of one row was requested");
    }
}

}  // namespace

std::string to_string(const PotentialIndex& r) {
    const char* name = r.kind == PotentialKind::ab ? "r" : r.kind == PotentialKind::aa ? "r_a" : "r_b";
    return std::string(name) + "[" + std::to_string(r.k1) + "," + std::to_string(r.k2) + "," + std::to_string(r.k) + "]";
}

std::vector<PotentialIndex> output_potentials(const AbelianGroup& group, std::size_t k) {
    const std::size_t n = group.order();
    if (k >= n) throw InvalidInput("output frequency " + std::to_string(k) + " out of range for a group of order " + std::to_string(n));
    std::vector<PotentialIndex> out;
    out.reserve(n * n);
    for (std::size_t k1 = 0; k1 < n; ++k1)
        for (std::size_t k2 = 0; k2 < n; ++k2) out.push_back({PotentialKind::ab, k1, k2, k});
    return out;
}

std::vector<PotentialIndex> bias_potentials(const AbelianGroup& group, std::size_t k, std::size_t count) {
    const std::size_t n = group.order();
    if (k >= n) throw InvalidInput("output frequency " + std::to_string(k) + " out of range for a group of order " + std::to_string(n));
    if (count > n) throw InvalidInput("bias potential count " + std::to_string(count) + " exceeds the group order " + std::to_string(n));
    std::vector<PotentialIndex> out;
    for (PotentialKind kind : {PotentialKind::aa, PotentialKind::bb})
        for (std::size_t kp = 0; kp < count; ++kp) out.push_back({kind, kp, group.neg(kp), k});
    return out;
}

Matrix<std::complex<double>> gram_kernel(const analyze::FourierWeights& z, const std::vector<PotentialIndex>& rs) {
    check_potentials(z.group, rs);
    const std::size_t n = z.n(), q = z.q, count = rs.size();
    if (z.a.size() != n * q || z.b.size() != n * q || z.c.size() != n * q)
        throw ShapeMismatch("gram kernel: the Fourier rows do not hold q * n = " + std::to_string(n * q) + " entries each");
    // Per potential: (coordinate, gradient over the nodes) for each of its distinct coordinates.
    std::vector<std::vector<std::pair<std::size_t, std::vector<Complex>>>> grads(count);
    for (std::size_t i = 0; i < count; ++i)
        for (const GradientTerm& term : gradient(rs[i], n)) {
            std::vector<Complex> g(q);
            for (const auto& [f1, f2] : term.cofactors)
                for (std::size_t j = 0; j < q; ++j) g[j] += entry(z, f1, j) * entry(z, f2, j);
            grads[i].emplace_back(term.coord, std::move(g));
        }
    Matrix<std::complex<double>> kernel(count, count);
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t l = i; l < count; ++l) {
            Complex sum{};
            for (const auto& [ci, gi] : grads[i])
                for (const auto& [cl, gl] : grads[l]) {
                    if (ci != cl) continue;
                    for (std::size_t j = 0; j < q; ++j) sum += gi[j] * std::conj(gl[j]);
                }
            if (i == l) sum = Complex(sum.real(), 0.0);  // a sum of |.|^2: real up to rounding
            kernel(i, l) = sum;
            kernel(l, i) = std::conj(sum);
        }
    return kernel;
}

GramSummary summarize(const Matrix<std::complex<double>>& kernel) {
    if (kernel.rows() != kernel.cols()) throw ShapeMismatch("gram kernel summary: the kernel is not square");
    const std::size_t count = kernel.rows();
    GramSummary s;
    if (count == 0) return s;
    double diag = 0, off2 = 0;
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t l = 0; l < count; ++l) {
            if (i == l) {
                diag += kernel(i, i).real();
            } else {
                const double a = std::abs(kernel(i, l));
                off2 += a * a;
                s.max_off_diagonal = std::max(s.max_off_diagonal, a);
            }
        }
    s.mean_diagonal = diag / static_cast<double>(count);
    if (count >= 2) s.rms_off_diagonal = std::sqrt(off2 / static_cast<double>(count * (count - 1)));
    s.ratio = s.mean_diagonal != 0 ? s.rms_off_diagonal / s.mean_diagonal : 0.0;
    return s;
}

InitMoments pytorch_init_moments(std::size_t n, std::size_t q) {
    if (n == 0 || q == 0) throw InvalidInput("init moments need a group order and a width of at least 1");
    const long ln = static_cast<long>(n), lq = static_cast<long>(q);
    return {Cyclotomic::rational(1, 3 * ln), Cyclotomic::rational(1, 5 * ln * ln), Cyclotomic::rational(1, 3 * lq),
            Cyclotomic::rational(1, 5 * lq * lq)};
}

Matrix<Cyclotomic> expected_gram_kernel(const AbelianGroup& group, std::size_t q, const InitMoments& moments,
                                        const std::vector<PotentialIndex>& rs) {
    check_potentials(group, rs);
    if (q == 0) throw InvalidInput("expected gram kernel: the width must be at least 1");
    const std::size_t n = group.order(), count = rs.size();
    const Cyclotomic nn(static_cast<long>(n));
    // Per row: scale^2 and the cumulants times n (the character sum of a zero-sum block is n).
    struct RowConstants {
        Cyclotomic scale2, t2, t4;
    };
    const RowConstants input{Cyclotomic::rational(1, static_cast<long>(n * n)), moments.in2 * nn,
                             (moments.in4 - Cyclotomic(3) * moments.in2 * moments.in2) * nn};
    const RowConstants output{Cyclotomic(4), moments.out2 * nn,
                              (moments.out4 - Cyclotomic(3) * moments.out2 * moments.out2) * nn};
    std::vector<std::vector<GradientTerm>> grads(count);
    for (std::size_t i = 0; i < count; ++i) grads[i] = gradient(rs[i], n);

    // E[m * conj m'] for cofactors m = f1 f2 and m' = g1 g2: conj z_p[k] = z_p[-k], rows independent.
    auto pair_moment = [&](const std::pair<Factor, Factor>& m, const std::pair<Factor, Factor>& mp) {
        std::array<std::vector<std::size_t>, 3> ks;
        for (const Factor& f : {m.first, m.second}) ks[static_cast<std::size_t>(f.part)].push_back(f.k);
        for (const Factor& f : {mp.first, mp.second}) ks[static_cast<std::size_t>(f.part)].push_back(group.neg(f.k));
        // Quick zero test: a row's moment vanishes unless its frequencies sum to 0 and it has an even count.
        for (const auto& row : ks) {
            if (row.size() % 2 == 1) return Cyclotomic();
            std::size_t sum = 0;
            for (std::size_t k : row) sum = group.add(sum, k);
            if (sum != 0) return Cyclotomic();
        }
        Cyclotomic out(1);
        for (std::size_t p = 0; p < 3; ++p) {
            const RowConstants& rc = p == static_cast<std::size_t>(Part::c) ? output : input;
            out *= row_moment(group, ks[p], rc.scale2, rc.t2, rc.t4);
            if (out.is_zero()) break;
        }
        return out;
    };

    Matrix<Cyclotomic> expected(count, count);
    const Cyclotomic width(static_cast<long>(q));
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t l = i; l < count; ++l) {
            Cyclotomic sum;
            for (const GradientTerm& ti : grads[i])
                for (const GradientTerm& tl : grads[l]) {
                    if (ti.coord != tl.coord) continue;
                    for (const auto& m : ti.cofactors)
                        for (const auto& mp : tl.cofactors) sum += pair_moment(m, mp);
                }
            expected(i, l) = width * sum;
            expected(l, i) = expected(i, l).conj();
        }
    return expected;
}

}  // namespace cogo
