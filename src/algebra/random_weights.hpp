#pragma once
/// \file random_weights.hpp
/// Seeded random networks with exact rational weights: inputs for exact checks of Theorem 1 and for tests.
/// A seed fixes everything (std::mt19937_64 and uniform_int_distribution over fixed ranges).
#include <cstddef>
#include <random>

#include "algebra/real_weights.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo {

/// p/q with p uniform in [-max_num, max_num] and q uniform in [1, max_den].
inline Cyclotomic random_rational(std::mt19937_64& rng, long max_num = 6, long max_den = 5) {
    const long p = std::uniform_int_distribution<long>(-max_num, max_num)(rng);
    const long q = std::uniform_int_distribution<long>(1, max_den)(rng);
    return Cyclotomic::rational(p, q);
}

/// Random real weights with rational entries: W_a, W_b (q x n), V (n x q). With zero_mean_inputs every row
/// of W_a and W_b sums to zero, so the inputs have no DC component (z_a[0,.] = z_b[0,.] = 0).
inline NetworkWeights<Cyclotomic> random_rational_weights(std::mt19937_64& rng, const AbelianGroup& group,
                                                          std::size_t q, bool zero_mean_inputs) {
    const std::size_t n = group.order();
    NetworkWeights<Cyclotomic> w{Matrix<Cyclotomic>(q, n), Matrix<Cyclotomic>(q, n), Matrix<Cyclotomic>(n, q)};
    for (Matrix<Cyclotomic>* m : {&w.wa, &w.wb}) {
        for (std::size_t j = 0; j < q; ++j) {
            Cyclotomic sum;
            for (std::size_t x = 0; x < n; ++x) {
                (*m)(j, x) = random_rational(rng);
                sum = sum + (*m)(j, x);
            }
            if (zero_mean_inputs) (*m)(j, n - 1) = (*m)(j, n - 1) - sum;
        }
    }
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t j = 0; j < q; ++j) w.v(x, j) = random_rational(rng);
    return w;
}

}  // namespace cogo
