#include "analyze/gauge.hpp"

#include <algorithm>
#include <cmath>

namespace cogo::analyze {

GaugedWeights canonical_gauge(const AbelianGroup& group, const NetworkWeights<double>& w0) {
    check_trained_weights(group, w0);
    NetworkWeights<double> w = w0;
    const std::size_t n = group.order(), q = w.wa.rows();
    std::vector<std::size_t> overflowing, zero_input;
    std::vector<bool> overflow(q, false);
    for (std::size_t j = 0; j < q; ++j) {
        // shift gauge: equal row means (computed on halves so that no sum overflows)
        double ma = 0, mb = 0;
        for (std::size_t x = 0; x < n; ++x) ma += w.wa(j, x) / static_cast<double>(n), mb += w.wb(j, x) / static_cast<double>(n);
        const double s = mb / 2 - ma / 2;
        double top = 0;
        for (std::size_t x = 0; x < n; ++x) {
            w.wa(j, x) += s, w.wb(j, x) -= s;
            top = std::max({top, std::abs(w.wa(j, x)), std::abs(w.wb(j, x))});
        }
        if (!(top > 0) || !std::isfinite(top)) {
            if (!(top > 0)) zero_input.push_back(j);
            else overflow[j] = true;
            continue;
        }
        // power-of-two scale: inputs into [0.5, 1), outputs times the square (exact unless it over/underflows)
        const int e = std::ilogb(top) + 1;
        for (std::size_t x = 0; x < n; ++x) {
            w.wa(j, x) = std::ldexp(w.wa(j, x), -e);
            w.wb(j, x) = std::ldexp(w.wb(j, x), -e);
            w.v(x, j) = std::ldexp(w.v(x, j), 2 * e);
            if (!std::isfinite(w.v(x, j))) overflow[j] = true;
        }
    }
    for (std::size_t j = 0; j < q; ++j)
        if (overflow[j]) {
            overflowing.push_back(j);
            for (std::size_t x = 0; x < n; ++x) w.wa(j, x) = w.wb(j, x) = w.v(x, j) = 0;
        }
    GaugedWeights out{fourier_transform(group, w), std::move(overflowing), std::move(zero_input)};
    FourierWeights& z = out.z;
    for (std::size_t j = 0; j < q; ++j) {
        double u = 0;
        for (std::size_t k = 0; k < n; ++k) u += std::norm(z.za(k, j)) + std::norm(z.zb(k, j));
        if (!(u > 0)) continue;
        const double t = 1 / std::sqrt(u);
        for (std::size_t k = 0; k < n; ++k) {
            z.za(k, j) *= t, z.zb(k, j) *= t;
            z.zc(k, j) *= u;
        }
    }
    return out;
}

}  // namespace cogo::analyze
