/// \file order4_global_optimum.cpp
/// A deliberately WRONG statement (registered with should_fail : true): "the all-order-4 element
/// sum_k z_{nu=i} z_xi(xi_k, s_k) / 4 is a global optimum". docs/theory.md section 5 (derived) and
/// proofs/families.cpp: it kills everything except the bias, so its loss is 2(n-1)/n, not 0.
/// The program runs the exact decision verify_global_optimum on Z_5 with unit parameters xi_1, xi_2 and
/// must print the failing bias conditions and FAILED.
#include <cstddef>
#include <string>
#include <vector>

#include "construct/global_solutions.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "verify/verify.hpp"

using namespace cogo;
using cogo::proofs::Proof;

int main() {
    Proof proof("should_fail/order4_global_optimum",
                "WRONG ON PURPOSE: the all-order-4 element sum_k z_nu=i z_xi / 4 on Z_5 is a global optimum\n"
                "for all unit xi_1, xi_2 (expected outcome: FAILED at the bias conditions).");
    return proof.run([](Proof& p) {
        const AbelianGroup g = AbelianGroup::cyclic(5);
        const Element<Symbolic> z =
            order4<Symbolic>(g, {Symbolic::unit_modulus("sfo_xi1"), Symbolic::unit_modulus("sfo_xi2")}, {1, 1});
        p.section("Z_5: verify_global_optimum(all-order-4 element)");
        const auto result = verify_global_optimum(z);
        for (const auto& c : result.conditions)
            p.check_equal("T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) + "," + std::to_string(c.k2) +
                              ") = " + std::to_string(c.target) + " [" + condition_kind_name(c.kind()) + "]",
                          c.value, from_ratio<Symbolic>(c.target, 1));
        p.check("verdict PROVED", result.verdict == Verdict::proved,
                std::string("verdict ") + verdict_name(result.verdict) +
                    (result.loss ? ", exact loss " + to_string(*result.loss) : std::string()));
    });
}
