#include "analyze/fourier_weights.hpp"

#include <cmath>

#include "support/error.hpp"

namespace cogo::analyze {

namespace {

void check_finite(const Matrix<double>& m, const std::string& what, const char* name) {
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j)
            if (!std::isfinite(m(i, j)))
                throw InvalidInput(what + ": " + name + "[" + std::to_string(i) + ", " + std::to_string(j) +
                                   "] is " + (std::isnan(m(i, j)) ? "NaN" : "infinite"));
}

/// The E-th roots of unity as complex<double>, and the pairing table <k, x> for the group.
struct Characters {
    std::vector<Complex> roots;
    std::vector<unsigned long> pairing;  // k * n + x
    unsigned long e = 1;
    std::size_t n = 0;
    explicit Characters(const AbelianGroup& g) : e(g.exponent()), n(g.order()) {
        roots.reserve(e);
        for (unsigned long i = 0; i < e; ++i) roots.push_back(root_of_unity<Complex>(e, static_cast<long>(i)));
        pairing.resize(n * n);
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t x = 0; x < n; ++x) pairing[k * n + x] = g.pairing(k, x);
    }
    const Complex& chi(std::size_t k, std::size_t x) const { return roots[pairing[k * n + x]]; }
    const Complex& conj_chi(std::size_t k, std::size_t x) const {
        const unsigned long p = pairing[k * n + x];
        return roots[p == 0 ? 0 : e - p];
    }
};

}  // namespace

void check_trained_weights(const AbelianGroup& group, const NetworkWeights<double>& w, const std::string& what) {
    if (w.width() == 0) throw ShapeMismatch(what + ": W_a has no rows (no hidden nodes)");
    w.check_shapes(group, what);
    check_finite(w.wa, what, "W_a");
    check_finite(w.wb, what, "W_b");
    check_finite(w.v, what, "V");
}

FourierWeights fourier_transform(const AbelianGroup& group, const NetworkWeights<double>& w) {
    check_trained_weights(group, w);
    const std::size_t n = group.order(), q = w.wa.rows();
    const Characters chi(group);
    FourierWeights f{group, q, std::vector<Complex>(q * n), std::vector<Complex>(q * n), std::vector<Complex>(q * n)};
    const double in_scale = 1.0 / static_cast<double>(n);
    std::vector<double> column(n);
    for (std::size_t j = 0; j < q; ++j) {
        for (std::size_t m = 0; m < n; ++m) column[m] = w.v(m, j);
        for (std::size_t k = 0; k < n; ++k) {
            Complex a{}, b{}, c{};
            for (std::size_t x = 0; x < n; ++x) {
                const Complex& cc = chi.conj_chi(k, x);
                a += w.wa(j, x) * cc;
                b += w.wb(j, x) * cc;
                c += column[x] * std::conj(cc);
            }
            f.za(k, j) = a * in_scale;
            f.zb(k, j) = b * in_scale;
            f.zc(k, j) = c * 2.0;
        }
    }
    return f;
}

NetworkWeights<double> inverse_transform(const FourierWeights& z) {
    const std::size_t n = z.n(), q = z.q;
    const Characters chi(z.group);
    NetworkWeights<double> w{Matrix<double>(q, n), Matrix<double>(q, n), Matrix<double>(n, q)};
    const double c_scale = 1.0 / (2.0 * static_cast<double>(n));
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            Complex a{}, b{}, c{};
            for (std::size_t k = 0; k < n; ++k) {
                const Complex& ch = chi.chi(k, x);
                a += z.za(k, j) * ch;
                b += z.zb(k, j) * ch;
                c += z.zc(k, j) * std::conj(ch);
            }
            w.wa(j, x) = a.real();
            w.wb(j, x) = b.real();
            w.v(x, j) = c.real() * c_scale;
        }
    return w;
}

}  // namespace cogo::analyze
