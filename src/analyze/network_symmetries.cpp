#include "analyze/network_symmetries.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "support/error.hpp"

namespace cogo::analyze {

namespace {

std::size_t nodes_of(const NetworkWeights<double>& w) { return w.wa.rows(); }

void require_per_node(const NetworkWeights<double>& w, std::size_t size, const char* what) {
    if (size != nodes_of(w))
        throw InvalidInput(std::string(what) + ": expected one value per node (" + std::to_string(nodes_of(w)) + "), got " +
                           std::to_string(size));
}

/// out[j', x'] = in[j, x] with rows and columns re-indexed (W_a, W_b: rows are nodes, columns inputs).
NetworkWeights<double> remap(const NetworkWeights<double>& w, const std::vector<std::size_t>& node_to,
                             const std::vector<std::size_t>& a_from, const std::vector<std::size_t>& b_from,
                             const std::vector<std::size_t>& v_from) {
    const std::size_t q = nodes_of(w), n = w.wa.cols();
    NetworkWeights<double> out{Matrix<double>(q, n), Matrix<double>(q, n), Matrix<double>(n, q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            out.wa(node_to[j], x) = w.wa(j, a_from[x]);
            out.wb(node_to[j], x) = w.wb(j, b_from[x]);
            out.v(x, node_to[j]) = w.v(v_from[x], j);
        }
    return out;
}

std::vector<std::size_t> identity(std::size_t n) {
    std::vector<std::size_t> id(n);
    std::iota(id.begin(), id.end(), 0);
    return id;
}

}  // namespace

NetworkWeights<double> scale_gauge(const NetworkWeights<double>& w, const std::vector<double>& t) {
    require_per_node(w, t.size(), "scale gauge");
    NetworkWeights<double> out = w;
    for (std::size_t j = 0; j < t.size(); ++j) {
        if (!(std::isfinite(t[j]) && t[j] != 0)) throw InvalidInput("scale gauge: t must be finite and non-zero");
        for (std::size_t x = 0; x < w.wa.cols(); ++x) {
            out.wa(j, x) *= t[j], out.wb(j, x) *= t[j];
            out.v(x, j) /= t[j] * t[j];
        }
    }
    return out;
}

NetworkWeights<double> shift_gauge(const NetworkWeights<double>& w, const std::vector<double>& s) {
    require_per_node(w, s.size(), "shift gauge");
    NetworkWeights<double> out = w;
    for (std::size_t j = 0; j < s.size(); ++j) {
        if (!std::isfinite(s[j])) throw InvalidInput("shift gauge: s must be finite");
        for (std::size_t x = 0; x < w.wa.cols(); ++x) out.wa(j, x) += s[j], out.wb(j, x) -= s[j];
    }
    return out;
}

NetworkWeights<double> permute_nodes(const NetworkWeights<double>& w, const std::vector<std::size_t>& perm) {
    require_per_node(w, perm.size(), "node permutation");
    std::vector<bool> seen(perm.size(), false);
    for (std::size_t p : perm) {
        if (p >= perm.size() || seen[p]) throw InvalidInput("node permutation: not a permutation of the nodes");
        seen[p] = true;
    }
    const std::vector<std::size_t> id = identity(w.wa.cols());
    return remap(w, perm, id, id, id);
}

NetworkWeights<double> add_dead_nodes(const NetworkWeights<double>& w, std::size_t count, double size,
                                      std::mt19937_64& rng) {
    const std::size_t q = nodes_of(w), n = w.wa.cols();
    NetworkWeights<double> out{Matrix<double>(q + count, n), Matrix<double>(q + count, n),
                               Matrix<double>(n, q + count)};
    std::normal_distribution<double> gauss(0.0, 1.0);
    for (std::size_t j = 0; j < q + count; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            const bool old = j < q;
            out.wa(j, x) = old ? w.wa(j, x) : size * gauss(rng);
            out.wb(j, x) = old ? w.wb(j, x) : size * gauss(rng);
            out.v(x, j) = old ? w.v(x, j) : size * gauss(rng);
        }
    return out;
}

NetworkWeights<double> translate_inputs(const AbelianGroup& g, const NetworkWeights<double>& w, std::size_t t1,
                                        std::size_t t2) {
    check_trained_weights(g, w, "translation");
    if (t1 >= g.order() || t2 >= g.order()) throw InvalidInput("translation: element out of range for " + g.name());
    const std::size_t n = g.order();
    std::vector<std::size_t> a(n), b(n), v(n);
    for (std::size_t x = 0; x < n; ++x) a[x] = g.add(x, t1), b[x] = g.add(x, t2), v[x] = g.add(x, g.add(t1, t2));
    return remap(w, identity(nodes_of(w)), a, b, v);
}

bool is_automorphism(const AbelianGroup& g, const std::vector<std::size_t>& phi) {
    const std::size_t n = g.order();
    if (phi.size() != n) return false;
    std::vector<bool> hit(n, false);
    for (std::size_t x : phi) {
        if (x >= n || hit[x]) return false;
        hit[x] = true;
    }
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y)
            if (phi[g.add(x, y)] != g.add(phi[x], phi[y])) return false;
    return true;
}

std::vector<std::size_t> random_automorphism(const AbelianGroup& g, std::mt19937_64& rng) {
    const std::vector<unsigned long>& d = g.moduli();
    const std::size_t n = g.order(), r = d.size();
    // order of each element: lcm over coordinates of d_i / gcd(x_i, d_i)
    std::vector<unsigned long> order(n);
    for (std::size_t x = 0; x < n; ++x) {
        const std::vector<unsigned long> c = g.coordinates(x);
        unsigned long o = 1;
        for (std::size_t i = 0; i < r; ++i) o = std::lcm(o, d[i] / std::gcd(c[i], d[i]));
        order[x] = o;
    }
    std::vector<std::vector<std::size_t>> candidates(r);
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t x = 0; x < n; ++x)
            if (d[i] % order[x] == 0) candidates[i].push_back(x);
    for (int attempt = 0; attempt < 100000; ++attempt) {
        std::vector<std::size_t> image(r);
        for (std::size_t i = 0; i < r; ++i)
            image[i] = candidates[i][std::uniform_int_distribution<std::size_t>(0, candidates[i].size() - 1)(rng)];
        std::vector<std::size_t> phi(n);
        std::vector<bool> hit(n, false);
        bool bijective = true;
        for (std::size_t x = 0; x < n && bijective; ++x) {
            const std::vector<unsigned long> c = g.coordinates(x);
            std::size_t y = 0;
            for (std::size_t i = 0; i < r; ++i) y = g.add(y, g.mul(static_cast<long>(c[i]), image[i]));
            phi[x] = y;
            bijective = !hit[y];
            hit[y] = true;
        }
        if (bijective) return phi;
    }
    throw Error("random_automorphism: no bijective homomorphism found for " + g.name());
}

std::vector<double> random_scales(std::size_t q, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-6.0, 6.0);
    std::vector<double> t(q);
    for (double& x : t) x = std::pow(10.0, u(rng)) * (rng() % 2 ? 1 : -1);
    return t;
}

std::vector<double> random_shifts(const NetworkWeights<double>& w, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-3.0, 3.0);
    std::vector<double> s(w.wa.rows());
    for (std::size_t j = 0; j < s.size(); ++j) {
        double top = 0;
        for (std::size_t x = 0; x < w.wa.cols(); ++x) top = std::max({top, std::abs(w.wa(j, x)), std::abs(w.wb(j, x))});
        s[j] = u(rng) * top;
    }
    return s;
}

std::vector<std::size_t> random_permutation(std::size_t q, std::mt19937_64& rng) {
    std::vector<std::size_t> p(q);
    std::iota(p.begin(), p.end(), 0);
    std::shuffle(p.begin(), p.end(), rng);
    return p;
}

NetworkWeights<double> apply_automorphism(const AbelianGroup& g, const NetworkWeights<double>& w,
                                          const std::vector<std::size_t>& phi) {
    check_trained_weights(g, w, "automorphism");
    if (!is_automorphism(g, phi)) throw InvalidInput("apply_automorphism: the map is not an automorphism of " + g.name());
    return remap(w, identity(nodes_of(w)), phi, phi, phi);
}

NetworkWeights<double> conjugate_network(const AbelianGroup& g, const NetworkWeights<double>& w) {
    std::vector<std::size_t> neg(g.order());
    for (std::size_t x = 0; x < g.order(); ++x) neg[x] = g.neg(x);
    return apply_automorphism(g, w, neg);
}

double brute_force_loss(const AbelianGroup& g, const NetworkWeights<double>& w) {
    check_trained_weights(g, w, "loss");
    const std::size_t n = g.order(), q = nodes_of(w);
    std::vector<double> o(n);
    double total = 0;
    for (std::size_t x1 = 0; x1 < n; ++x1)
        for (std::size_t x2 = 0; x2 < n; ++x2) {
            std::fill(o.begin(), o.end(), 0.0);
            for (std::size_t j = 0; j < q; ++j) {
                const double h = w.wa(j, x1) + w.wb(j, x2);
                for (std::size_t m = 0; m < n; ++m) o[m] += w.v(m, j) * h * h;
            }
            o[g.add(x1, x2)] -= 1;
            double mean = 0;
            for (double v : o) mean += v / static_cast<double>(n);
            for (double v : o) total += (v - mean) * (v - mean);
        }
    return total / static_cast<double>(n * n);
}

}  // namespace cogo::analyze
