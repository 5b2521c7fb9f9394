#include "dynamics/frequency_potentials.hpp"

#include <cmath>

namespace cogo {

std::vector<std::size_t> reported_frequencies(const AbelianGroup& group) {
    std::vector<std::size_t> ks;
    for (std::size_t k = 1; k < group.order(); ++k)
        if (k <= group.neg(k)) ks.push_back(k);
    return ks;
}

std::vector<FrequencyPotentials> frequency_potentials(const analyze::FourierWeights& z) {
    const std::size_t n = z.n(), q = z.q;
    // per node: 1/2 sum_{k'} (|z_a[k']|^2 + |z_b[k']|^2) + z_a[0] z_b[0], the factor of z_c[k] in T_k
    std::vector<Complex> activation_mean(q);
    for (std::size_t j = 0; j < q; ++j) {
        double energy = 0;
        for (std::size_t k = 0; k < n; ++k) energy += std::norm(z.za(k, j)) + std::norm(z.zb(k, j));
        activation_mean[j] = 0.5 * energy + z.za(0, j) * z.zb(0, j);
    }
    std::vector<FrequencyPotentials> out;
    for (const std::size_t k : reported_frequencies(z.group)) {
        Complex abc{}, cab{}, acb{}, ccc{}, aac{}, bbc{}, a2c{}, b2c{}, ca2c{}, cb2c{}, bias{};
        for (std::size_t j = 0; j < q; ++j) {
            const Complex a = z.za(k, j), b = z.zb(k, j), c = z.zc(k, j);
            abc += a * b * c;
            cab += std::conj(a) * b * c;
            acb += a * std::conj(b) * c;
            ccc += std::conj(a) * std::conj(b) * c;
            aac += std::norm(a) * c;
            bbc += std::norm(b) * c;
            a2c += a * a * c;
            b2c += b * b * c;
            ca2c += std::conj(a) * std::conj(a) * c;
            cb2c += std::conj(b) * std::conj(b) * c;
            bias += c * activation_mean[j];
        }
        FrequencyPotentials p;
        p.k = k;
        p.r_kkk = abc;
        p.r_c = std::abs(cab) + std::abs(acb) + std::abs(ccc);
        p.r_n = std::abs(aac) + std::abs(bbc);
        p.r_star = std::abs(a2c) + std::abs(b2c) + std::abs(ca2c) + std::abs(cb2c);
        p.bias_own = aac + bbc;
        p.bias = bias;
        out.push_back(p);
    }
    return out;
}

double orbit_minimal_norm(const analyze::FourierWeights& z) {
    const std::size_t n = z.n();
    double total = 0;
    for (std::size_t j = 0; j < z.q; ++j) {
        double inputs = 0, outputs = 0;
        for (std::size_t k = 1; k < n; ++k) inputs += std::norm(z.za(k, j)) + std::norm(z.zb(k, j));
        inputs += 0.5 * std::norm(z.za(0, j) + z.zb(0, j));
        for (std::size_t k = 0; k < n; ++k) outputs += std::norm(z.zc(k, j));
        const double u = static_cast<double>(n) * inputs, v = outputs / (4.0 * static_cast<double>(n));
        if (u > 0 && v > 0) total += 3.0 * std::pow(2.0, -2.0 / 3.0) * std::cbrt(u) * std::cbrt(u) * std::cbrt(v);
    }
    return total;
}

}  // namespace cogo
