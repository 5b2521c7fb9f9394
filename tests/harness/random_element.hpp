#pragma once
/// \file random_element.hpp
/// Random exact values for property tests: cyclotomic numbers and semi-ring elements (rational weights come
/// from algebra/random_weights.hpp), all drawn from a seeded generator (harness/random.hpp).
#include <cstddef>
#include <random>
#include <vector>

#include "algebra/element.hpp"
#include "algebra/real_weights.hpp"
#include "algebra/random_weights.hpp"
#include "scalar/cyclotomic.hpp"
#include "harness/random.hpp"

namespace cogo::testing {

using cogo::random_rational;           // p/q, p in [-6, 6], q in [1, 5] (algebra/random_weights.hpp)
using cogo::random_rational_weights;  // rational real weights, optionally zero-mean inputs

/// A random element of Q(zeta_N): a few random rational multiples of powers of zeta_N.
inline Cyclotomic random_cyclotomic(std::mt19937_64& g, unsigned long N) {
    Cyclotomic v = random_rational(g);
    const int terms = static_cast<int>(uniform(g, 0, 3));
    for (int t = 0; t < terms; ++t) v = v + random_rational(g) * Cyclotomic::zeta(N, uniform(g, 0, static_cast<long>(N) - 1));
    return v;
}

/// A random REAL element of Q(zeta_N) (v + conj v).
inline Cyclotomic random_real_cyclotomic(std::mt19937_64& g, unsigned long N) {
    const Cyclotomic v = random_cyclotomic(g, N);
    return v + v.conj();
}

/// How random elements are drawn.
struct ElementShape {
    std::size_t nodes = 3;          ///< order q
    double density = 0.6;           ///< probability that an entry (or a conjugate pair of entries) is set
    bool dc_inputs = true;          ///< allow z_a[0], z_b[0]
    bool conjugate_symmetric = true;///< z[-k] = conj z[k] (real weights)
    unsigned long field_order = 0;    ///< entries in Q(zeta_N); 0 means the group's exponent
};

/// A random element with exact cyclotomic entries.
inline Element<Cyclotomic> random_element(std::mt19937_64& g, const AbelianGroup& group, const ElementShape& shape) {
    const unsigned long N = shape.field_order ? shape.field_order : group.exponent();
    std::bernoulli_distribution coin(shape.density);
    std::vector<Node<Cyclotomic>> nodes(shape.nodes);
    for (auto& node : nodes) {
        for (Part p : all_parts) {
            FourierRow<Cyclotomic>& row = node.row(p);
            for (std::size_t k = 0; k < group.order(); ++k) {
                const std::size_t minus_k = group.neg(k);
                if (k == 0 && p != Part::c && !shape.dc_inputs) continue;
                if (!shape.conjugate_symmetric) {
                    if (coin(g)) row.emplace_back(k, random_cyclotomic(g, N));
                    continue;
                }
                if (minus_k < k) continue;  // set together with its partner
                if (!coin(g)) continue;
                if (minus_k == k) {
                    row.emplace_back(k, random_real_cyclotomic(g, N));
                } else {
                    const Cyclotomic v = random_cyclotomic(g, N);
                    row.emplace_back(k, v);
                    row.emplace_back(minus_k, v.conj());
                }
            }
        }
    }
    return Element<Cyclotomic>(group, std::move(nodes));
}

}  // namespace cogo::testing
