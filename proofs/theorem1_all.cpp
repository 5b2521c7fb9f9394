/// \file theorem1_all.cpp
/// Proof: Theorem 1 (L2 loss decoupling, docs/theory.md section 3) for EVERY finite Abelian group G and
/// EVERY width q, by character orthogonality and finitely many frequency patterns.
///
/// Statement. Let G be any finite Abelian group, n = |G|, q >= 1, and W_a, W_b in R^{q x n}, V in R^{n x q}
/// any real weights, z their Fourier element (docs/theory.md section 2). Then
///   (general form)   direct all-pairs loss = (n-1)/n + (1/n) sum_{k != 0} l_k   with the DC cross terms;
///   (zero-mean form) if z_a[0, .] = z_b[0, .] = 0 (every input row of W_a, W_b sums to 0), also
///                    direct all-pairs loss = (n-1)/n + (1/n) sum_{k != 0} l_k   with the 1/4 |sum r_p|^2 terms.
///
/// Proof (verify/theorem1_patterns.hpp does every step below that is not marked "hand step").
///  1. Hand step (definitions): with W_p[j, x] = sum_k z_p[k, j] chi_k(x) and V[m, j] = (1/2n) sum_k
///     z_c[k, j] conj chi_k(m), the direct loss (1/n^2) sum_{x,y} ||P(o - e_{x+y})||^2 expands to
///     (1/n^2) sum_{x,y} (sum_m o[m]^2 - (1/n)(sum_m o[m])^2 - 2 o[x+y] + (2/n) sum_m o[m] + ||P e||^2), a
///     polynomial in the entries of z; for real weights |E|^2 = E(s,t,k) E(-s,-t,-k) on the Fourier side.
///  2. Mechanised: every sum over x, y, m of a product of characters is n [frequency sum = 0]
///     (orthogonality); every auxiliary frequency of the Fourier side is eliminated by its delta. Both sides
///     become sum over 10 templates (the constant, 3 linear types aa/ab/bb, 6 unordered pairs of types) of
///     sum_{j,j'} sum_{k in G^6} coef_side(k) * monomial(k, j, j'), coef a sum of r n^e times indicators
///     [L(k) = 0] / [L(k) != 0] of integer linear forms L.
///  3. coef depends on k only through the pattern P(k) = {atoms L : L(k) = 0}, the atoms being the forms
///     involved (up to sign) and the input frequencies. P(k) = atoms n Ann(k), Ann(k) a subgroup of Z^6,
///     so P(k) is closed: atoms n span_Z(P(k)) = P(k). Every closed subset of atoms is enumerated
///     (integer echelon forms decide span membership) -- a superset of the patterns of all groups.
///  4. The monomial is unchanged under the template's symmetries sigma (swapping equal input factors,
///     swapping equal-type nodes: j, j' run over all nodes), so sum_k monomial(k) D(k) = sum_k monomial(k)
///     (1/|S|) sum_sigma D(sigma k) with D = coef_direct - coef_fourier. The check: the symmetrised D is the
///     zero Laurent polynomial in n on every closed pattern (with the zero-mean hypothesis, on every
///     pattern where no input frequency vanishes). Then D sums to 0 for every G, every q, every weight.
/// Cross-check (not part of the proof): the two template representations, summed over G^6 on random real
/// rational networks of Z_2 .. Z_9 and Z_2 x Z_2, Z_2 x Z_4, Z_3 x Z_3 (q = 2, with and without DC input
/// rows), equal the brute-force all-pairs loss algebra/direct_loss.hpp and algebra/loss.hpp's formulas,
/// exactly. COGO_PROOF_DMAX (default 9) bounds the cyclic groups of the cross-check.
///
/// Usage: theorem1_all (no arguments). The deliberately wrong variant (the zero-mean formula claimed for
/// inputs WITH DC entries) is should_fail/theorem1_zero_mean_with_dc.cpp.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "algebra/random_weights.hpp"
#include "proof_support.hpp"
#include "verify/theorem1_patterns.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

void prove_claim(Proof& proof, const theorem1::Claim& claim, const std::string& title) {
    proof.section(title);
    std::size_t patterns = 0;
    for (const theorem1::TemplateReport& r : theorem1::check_patterns(claim)) {
        patterns += r.patterns;
        proof.check("template " + r.name + ": symmetrised direct - Fourier coefficient = 0 on all " +
                        std::to_string(r.patterns) + " closed patterns of " + std::to_string(r.atoms) + " atoms",
                    r.failures == 0 && r.patterns > 0,
                    std::to_string(r.failures) + " failing patterns; first: " + r.first_failure);
    }
    proof.note(std::to_string(patterns) + " patterns in all");
}

void cross_check(Proof& proof, unsigned dmax) {
    proof.section("cross-check: the template sums equal the brute-force loss on random networks (q = 2)");
    std::vector<std::string> specs;
    for (unsigned d = 2; d <= dmax; ++d) specs.push_back(std::to_string(d));
    for (const char* s : {"2x2", "2x4", "3x3"}) specs.emplace_back(s);
    std::mt19937_64 rng(20261201);
    for (const std::string& spec : specs) {
        const AbelianGroup g = AbelianGroup::parse(spec);
        for (bool zero_mean : {false, true}) {
            const NetworkWeights<Cyclotomic> w = random_rational_weights(rng, g, 2, zero_mean);
            const Element<Cyclotomic> z = from_real_weights(g, w);
            const Cyclotomic direct = direct_loss(g, w);
            const Cyclotomic direct_t = theorem1::evaluate_templates(theorem1::Side::direct, theorem1::Formula::general, z);
            const Cyclotomic general_t = theorem1::evaluate_templates(theorem1::Side::fourier, theorem1::Formula::general, z);
            const std::string tag = g.name() + (zero_mean ? ", zero-mean inputs" : ", DC inputs");
            proof.check_equal(tag + ": direct templates = brute-force loss", direct_t, direct);
            proof.check_equal(tag + ": Fourier templates (general form) = brute-force loss", general_t, direct);
            proof.check_equal(tag + ": Fourier templates (general form) = loss_fourier(z)", general_t, loss_fourier(z));
            if (zero_mean)
                proof.check_equal(tag + ": Fourier templates (zero-mean form) = brute-force loss",
                                  theorem1::evaluate_templates(theorem1::Side::fourier, theorem1::Formula::zero_mean, z),
                                  direct);
        }
    }
}

}  // namespace

int main(int argc, char**) {
    if (argc > 1) {
        std::fprintf(stderr, "usage: theorem1_all (no arguments; COGO_PROOF_DMAX bounds the cross-check)\n");
        return 2;
    }
    unsigned dmax = 9;
    if (const char* env = std::getenv("COGO_PROOF_DMAX"); env && *env) {
        const long v = std::strtol(env, nullptr, 10);
        if (v < 2 || v > 12) {
            std::fprintf(stderr, "theorem1_all: COGO_PROOF_DMAX must be in 2..12\n");
            return 2;
        }
        dmax = static_cast<unsigned>(v);
    }
    Proof proof("theorem1_all",
                "Theorem 1 (L2 loss decoupling) for EVERY finite Abelian group and EVERY width q, all real weights:\n"
                "  general (DC) form: direct all-pairs loss = (n-1)/n + (1/n) sum_{k!=0} l_k (with the DC cross terms);\n"
                "  zero-mean form: if every input row sums to 0 (z_a[0,.] = z_b[0,.] = 0), also = the 1/4 |sum r_p|^2 form\n"
                "(docs/theory.md section 3), by orthogonality and finitely many frequency patterns.");
    return proof.run([&](Proof& p) {
        prove_claim(p, {theorem1::Formula::general, false}, "general form, any inputs: every template, every closed pattern");
        prove_claim(p, {theorem1::Formula::zero_mean, true},
                    "zero-mean form, inputs without DC entries: every template, every closed pattern with non-zero input frequencies");
        cross_check(p, dmax);
    });
}
