// Walkthrough: Theorem 1 (L2 loss decoupling) on one small network, step by step, in exact arithmetic.
//
//   1. draw a network with rational weights on Z_5 (q = 2 hidden nodes, no DC input component);
//   2. move it to the Fourier domain (docs/theory.md section 2) and print its coefficients;
//   3. print the potentials r_{k1,k2,k} at one output frequency;
//   4. compute the loss three ways: directly over all 25 input pairs, and by the two forms of Theorem 1.
// The program exits 1 if the three values are not exactly equal (it is registered as a meson test).
#include <iostream>
#include <random>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "algebra/random_weights.hpp"

int main() {
    using namespace cogo;
    const AbelianGroup g = AbelianGroup::cyclic(5);
    std::mt19937_64 rng(7);
    const NetworkWeights<Cyclotomic> w = random_rational_weights(rng, g, 2, /*zero_mean_inputs=*/true);
    std::cout << "W_a row 0: ";
    for (std::size_t x = 0; x < 5; ++x) std::cout << w.wa(0, x).to_string() << "  ";
    std::cout << "\n";

    const Element<Cyclotomic> z = from_real_weights(g, w);
    std::cout << "Fourier coefficients of node 0 (z_a[k], k = 1..4; z_a[0] = 0 since rows sum to zero):\n";
    for (std::size_t k = 1; k < 5; ++k) std::cout << "  z_a[" << k << "] = " << z.entry(Part::a, k, 0).to_string() << "\n";

    std::cout << "potentials r_{k1,k2,1} (k1, k2 = 1..4):\n";
    for (std::size_t k1 = 1; k1 < 5; ++k1) {
        std::cout << "  ";
        for (std::size_t k2 = 1; k2 < 5; ++k2) std::cout << to_complex(potential(z, k1, k2, 1)) << " ";
        std::cout << "\n";
    }

    const Cyclotomic direct = direct_loss(g, w);
    const Cyclotomic general = loss_fourier(z);
    const Cyclotomic zero_mean = loss_fourier_zero_mean(z);
    std::cout << "direct loss over 25 pairs : " << direct.to_string() << "\n"
              << "Theorem 1, general form   : " << general.to_string() << "\n"
              << "Theorem 1, zero-mean form : " << zero_mean.to_string() << "\n";
    const bool agree = (direct == general) && (direct == zero_mean);
    std::cout << (agree ? "all three agree exactly\n" : "MISMATCH\n");
    return agree ? 0 : 1;
}
