/// \file convolution_sum_multiplicative.cpp
/// A deliberately WRONG statement (registered with should_fail : true): "the convolution sums
/// A_k[m] = sum_{k'} r_{a,k',m-k',k} entering Theorem 1's conditions (3)-(4) are ring homomorphisms too".
/// They are sums of homomorphisms: additive (proofs/homomorphism.cpp), but not multiplicative, which is
/// why conditions (3)-(4) are conditions on SUMS (docs/theory.md section 3). The program checks
/// A_k[m](z1 z2) = A_k[m](z1) A_k[m](z2) on generic symbolic elements of Z_3 and must print FAILED.
#include <cstddef>
#include <string>

#include "algebra/potentials.hpp"
#include "algebra/semiring.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::proofs::Proof;

int main() {
    Proof proof("should_fail/convolution_sum_multiplicative",
                "WRONG ON PURPOSE: A_k[m](z1 z2) = A_k[m](z1) A_k[m](z2) for the convolution sums of Theorem 1\n"
                "(checked on generic symbolic elements of Z_3; expected outcome: FAILED).");
    return proof.run([](Proof& p) {
        const AbelianGroup g = AbelianGroup::cyclic(3);
        const Element<Symbolic> z1 = symbolic_element(g, 1, "sfcx", false);
        const Element<Symbolic> z2 = symbolic_element(g, 2, "sfcy", false);
        const auto s1 = potential_sums(z1), s2 = potential_sums(z2), sp = potential_sums(z1 * z2);
        p.section("Z_3: A_k[m](z1 z2) = A_k[m](z1) A_k[m](z2) for every k, m");
        for (std::size_t k = 0; k < 3; ++k)
            for (std::size_t m = 0; m < 3; ++m)
                p.check_equal("A_" + std::to_string(k) + "[" + std::to_string(m) + "] is multiplicative",
                              sp.at(k).a_at(m), s1.at(k).a_at(m) * s2.at(k).a_at(m));
    });
}
