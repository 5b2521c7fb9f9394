/// \file theorem1_zero_mean_with_dc.cpp
/// Deliberately WRONG statement (must end with FAILED): the zero-mean formula of Theorem 1
/// (docs/theory.md section 3, the 1/4 |sum r_p|^2 form) holds for every finite Abelian group and every
/// width even when the inputs have DC entries. Run through the same all-groups pattern reduction as
/// proofs/theorem1_all.cpp; the reduction must catch it (docs/theory.md: "With DC input rows present the
/// zero-mean form is wrong"). It fails at the templates that pair a DC input entry with a non-DC one.
#include <string>

#include "proof_support.hpp"
#include "verify/theorem1_patterns.hpp"

using cogo::proofs::Proof;

int main() {
    Proof proof("should_fail_theorem1_zero_mean_with_dc",
                "(WRONG, must fail) the zero-mean formula of Theorem 1 holds for every finite Abelian group and every "
                "width also when the inputs have DC entries.");
    return proof.run([](Proof& p) {
        p.section("zero-mean formula, DC input entries allowed: every template, every closed pattern");
        for (const cogo::theorem1::TemplateReport& r :
             cogo::theorem1::check_patterns({cogo::theorem1::Formula::zero_mean, false}))
            p.check("template " + r.name + ": symmetrised direct - Fourier coefficient = 0 on all " +
                        std::to_string(r.patterns) + " closed patterns",
                    r.failures == 0 && r.patterns > 0,
                    std::to_string(r.failures) + " failing patterns; first: " + r.first_failure);
    });
}
