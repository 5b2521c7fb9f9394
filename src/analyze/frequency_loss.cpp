#include "analyze/frequency_loss.hpp"

#include <cmath>

namespace cogo::analyze {

std::vector<double> frequency_losses(const FourierWeights& z) {
    const AbelianGroup& g = z.group;
    const std::size_t n = z.n(), q = z.q;
    // live nodes only (a node with no output or no input contributes nothing)
    std::vector<std::size_t> live;
    for (std::size_t j = 0; j < q; ++j) {
        double in = 0, out = 0;
        for (std::size_t k = 0; k < n; ++k) {
            in += std::norm(z.za(k, j)) + std::norm(z.zb(k, j));
            if (k != 0) out += std::norm(z.zc(k, j));
        }
        if (in > 0 && out > 0) live.push_back(j);
    }
    // self-convolutions (z_a * z_a)[k1] / 2, (z_b * z_b)[k2] / 2 per live node, over the nonzero support
    const std::size_t L = live.size();
    std::vector<Complex> aa(L * n), bb(L * n);
    for (std::size_t u = 0; u < L; ++u) {
        const std::size_t j = live[u];
        std::vector<std::size_t> sa, sb;
        for (std::size_t k = 0; k < n; ++k) {
            if (z.za(k, j) != Complex{}) sa.push_back(k);
            if (z.zb(k, j) != Complex{}) sb.push_back(k);
        }
        for (std::size_t x : sa)
            for (std::size_t y : sa) aa[u * n + g.add(x, y)] += 0.5 * z.za(x, j) * z.za(y, j);
        for (std::size_t x : sb)
            for (std::size_t y : sb) bb[u * n + g.add(x, y)] += 0.5 * z.zb(x, j) * z.zb(y, j);
    }
    std::vector<double> D(n, 0.0);
    std::vector<Complex> ac(L), row(n);
    for (std::size_t k = 1; k < n; ++k) {
        if (g.neg(k) < k) {  // real weights: D_{-k} = D_k (every T at -k is the conjugate of one at k)
            D[k] = D[g.neg(k)];
            continue;
        }
        for (std::size_t u = 0; u < L; ++u) ac[u] = z.zc(k, live[u]);
        double sum = 0;
        for (std::size_t k1 = 0; k1 < n; ++k1) {
            // row[k2] = T_k(k1, k2)
            for (std::size_t k2 = 0; k2 < n; ++k2) row[k2] = Complex{};
            for (std::size_t u = 0; u < L; ++u) {
                const std::size_t j = live[u];
                const Complex w = z.za(k1, j) * ac[u];
                if (w != Complex{})
                    for (std::size_t k2 = 0; k2 < n; ++k2) row[k2] += w * z.zb(k2, j);
                row[0] += aa[u * n + k1] * ac[u];
                if (k1 == 0)
                    for (std::size_t k2 = 0; k2 < n; ++k2) row[k2] += bb[u * n + k2] * ac[u];
            }
            row[k] -= k1 == k ? 1.0 : 0.0;
            for (std::size_t k2 = 0; k2 < n; ++k2) sum += std::norm(row[k2]);
        }
        D[k] = sum;
    }
    return D;
}

double all_pairs_loss(const std::vector<double>& D) {
    double sum = 0;
    for (double x : D) sum += x;
    return D.empty() ? 0.0 : sum / static_cast<double>(D.size());
}

}  // namespace cogo::analyze
