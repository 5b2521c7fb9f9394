/// \file r_additive_over_products.cpp
/// A deliberately WRONG statement (registered with should_fail : true): "every potential is additive over
/// products, r(z1 z2) = r(z1) + r(z2)". The truth is r(z1 z2) = r(z1) r(z2) (proofs/homomorphism.cpp).
/// The program checks the wrong identity on generic symbolic elements of Z_3 (orders 1 and 2, every entry
/// an independent complex variable) at every (k1, k2, k) and must print counterexamples and FAILED.
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
    Proof proof("should_fail/r_additive_over_products",
                "WRONG ON PURPOSE: r_{k1,k2,k}(z1 z2) = r_{k1,k2,k}(z1) + r_{k1,k2,k}(z2) for all elements\n"
                "(checked on generic symbolic elements of Z_3; expected outcome: FAILED).");
    return proof.run([](Proof& p) {
        const AbelianGroup g = AbelianGroup::cyclic(3);
        const Element<Symbolic> z1 = symbolic_element(g, 1, "sfrx", false);
        const Element<Symbolic> z2 = symbolic_element(g, 2, "sfry", false);
        const Element<Symbolic> prod = z1 * z2;
        p.section("Z_3: r(z1 z2) = r(z1) + r(z2) at every (k1, k2, k)");
        for (std::size_t k1 = 0; k1 < 3; ++k1)
            for (std::size_t k2 = 0; k2 < 3; ++k2)
                for (std::size_t k = 0; k < 3; ++k)
                    p.check_equal("r_{" + std::to_string(k1) + "," + std::to_string(k2) + "," + std::to_string(k) +
                                      "}(z1 z2) = r(z1) + r(z2)",
                                  potential(prod, k1, k2, k), potential(z1, k1, k2, k) + potential(z2, k1, k2, k));
    });
}
