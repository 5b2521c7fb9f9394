/// \file theorem1.cpp
/// Proof: Theorem 1 of arXiv:2410.01779 (L2 loss decoupling, docs/theory.md section 3) as an exact polynomial
/// identity in symbolic real weights.
///
/// Statement, for a group G of order n and width q = 2 (every q follows, see below): for ALL real weights
/// W_a, W_b in R^{q x n}, V in R^{n x q},
///   (general form)    direct_loss(W) = loss_fourier(from_real_weights(W)),
///   (zero-mean form)  if every row of W_a and W_b sums to zero (z_a[0,.] = z_b[0,.] = 0), also
///                     direct_loss(W) = loss_fourier_zero_mean(from_real_weights(W)),
/// where direct_loss runs the network on all n^2 input pairs (algebra/direct_loss.hpp) and loss_fourier /
/// loss_fourier_zero_mean evaluate docs/theory.md's formulas in the potentials (algebra/loss.hpp). The two
/// sides share no code.
///
/// How. Every weight is its own real variable (cogo::Symbolic::real_variable); for the zero-mean form the
/// last column is substituted, W_p[j, n-1] = -sum_{x < n-1} W_p[j, x]. Both sides are then polynomials of
/// degree <= 6 over Q(zeta_E), and their difference is decided to be the zero polynomial. The program also
/// checks that from_real_weights gives a conjugate-symmetric element (real weights <=> z[-k] = conj z[k])
/// and, for the zero-mean form, that its DC input entries vanish exactly. A cheap extra section shows,
/// in Fourier variables (a generic conjugate-symmetric element without DC input entries), that the two
/// forms agree: loss_fourier_zero_mean(z) = loss_fourier(z).
///
/// Why q = 2 gives every q. On both sides the loss has the form C + sum_j L(n_j) + sum_{j,j'} B(n_j, n_j')
/// over the nodes n_j (the output o = sum_j o_j enters linearly and through ||.||^2; every potential is a
/// sum over nodes and enters linearly and through |.|^2), with L(0) = B(0, .) = B(., 0) = 0 for a node
/// with zero output weights. Zeroing node 1 in the q = 2 identity gives L(n) + B(n, n) = 0 for the
/// difference; then the q = 2 identity gives B(n0, n1) + B(n1, n0) = 0; summing proves every q.
///
/// Usage: theorem1 [--form general|zero-mean|both] [GROUP ...]   (default: both forms, groups 3 4 5 2x2).
/// The Fourier-variable section (forms agree) runs for every group whatever --form says; together with the
/// general form (which covers zero-mean weights too) it already implies the zero-mean form, so the direct
/// zero-mean substitution is an independent second check. meson runs "3 4 2x2" (both forms) and
/// "--form general 5" (about a minute of CPU); the direct zero-mean check for Z_5 (another minute) is
/// split out to keep the suite short: run `proof_theorem1 --form zero-mean 5` by hand (proofs/README.md).
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "algebra/direct_loss.hpp"
#include "algebra/loss.hpp"
#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "proof_support.hpp"
#include "scalar/symbolic.hpp"
#include "algebra/symbolic_element.hpp"

using namespace cogo;
using cogo::proofs::Proof;

namespace {

constexpr std::size_t kWidth = 2;

/// q x n, q x n, n x q real variables named prefix + {A,B,V} + indices; zero_mean substitutes the last
/// input column by minus the sum of the others.
NetworkWeights<Symbolic> symbolic_real_weights(const AbelianGroup& g, std::size_t q, const std::string& prefix,
                                               bool zero_mean) {
    const std::size_t n = g.order();
    NetworkWeights<Symbolic> w{Matrix<Symbolic>(q, n), Matrix<Symbolic>(q, n), Matrix<Symbolic>(n, q)};
    for (std::size_t j = 0; j < q; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            const std::string idx = std::to_string(j) + "_" + std::to_string(x);
            w.wa(j, x) = Symbolic::real_variable(prefix + "A" + idx);
            w.wb(j, x) = Symbolic::real_variable(prefix + "B" + idx);
            w.v(x, j) = Symbolic::real_variable(prefix + "V" + std::to_string(x) + "_" + std::to_string(j));
        }
    if (zero_mean)
        for (std::size_t j = 0; j < q; ++j) {
            Symbolic sa, sb;
            for (std::size_t x = 0; x + 1 < n; ++x) {
                sa += w.wa(j, x);
                sb += w.wb(j, x);
            }
            w.wa(j, n - 1) = -sa;
            w.wb(j, n - 1) = -sb;
        }
    return w;
}

std::string tag_of(const AbelianGroup& g) {
    std::string s = "t1g" + g.spec() + "_";
    for (char& c : s)
        if (c == 'x') c = 'X';
    return s;
}

void prove_general(Proof& proof, const AbelianGroup& g) {
    proof.section(g.name() + ", q = 2, general (DC) form: direct_loss(W) = loss_fourier(from_real_weights(W)) for "
                  "all real W (" + std::to_string(6 * g.order()) + " real variables)");
    const NetworkWeights<Symbolic> w = symbolic_real_weights(g, kWidth, tag_of(g), false);
    const Element<Symbolic> z = from_real_weights(g, w);
    proof.check("from_real_weights(W) is conjugate symmetric (real weights)", is_conjugate_symmetric(z));
    proof.check("the element has DC input entries (general position)", has_dc_inputs(z));
    proof.check_equal("direct_loss(W) = loss_fourier(from_real_weights(W))", direct_loss(g, w), loss_fourier(z));
}

void prove_zero_mean(Proof& proof, const AbelianGroup& g) {
    proof.section(g.name() + ", q = 2, zero-mean form: rows of W_a, W_b sum to 0 => direct_loss(W) = "
                  "loss_fourier_zero_mean(z) = loss_fourier(z) (" + std::to_string(6 * g.order() - 4) +
                  " real variables)");
    const NetworkWeights<Symbolic> w = symbolic_real_weights(g, kWidth, tag_of(g) + "zm", true);
    const Element<Symbolic> z = from_real_weights(g, w);
    proof.check("from_real_weights(W) is conjugate symmetric (real weights)", is_conjugate_symmetric(z));
    proof.check("z_a[0,.] = z_b[0,.] = 0 exactly (no DC input entry survives the exact zero test)", !has_dc_inputs(z));
    const Symbolic direct = direct_loss(g, w);
    proof.check_equal("direct_loss(W) = loss_fourier_zero_mean(from_real_weights(W))", direct, loss_fourier_zero_mean(z));
    proof.check_equal("direct_loss(W) = loss_fourier(from_real_weights(W)) (general form, zero-mean weights)", direct,
                      loss_fourier(z));
}

void prove_forms_agree(Proof& proof, const AbelianGroup& g) {
    proof.section(g.name() + ": loss_fourier_zero_mean(z) = loss_fourier(z) for a generic conjugate-symmetric z of "
                  "order 2 without DC input entries (Fourier variables)");
    std::vector<std::size_t> nonzero;
    for (std::size_t k = 1; k < g.order(); ++k) nonzero.push_back(k);
    // inputs at k != 0 only; outputs at every k (the c-row's k = 0 entry must not matter either)
    const Element<Symbolic> in = symbolic_element(g, kWidth, tag_of(g) + "fz", true, nonzero);
    const Element<Symbolic> out = symbolic_element(g, kWidth, tag_of(g) + "fc", true);
    std::vector<Node<Symbolic>> nodes(kWidth);
    for (std::size_t j = 0; j < kWidth; ++j) {
        nodes[j].a = in.nodes()[j].a;
        nodes[j].b = in.nodes()[j].b;
        nodes[j].c = out.nodes()[j].c;
    }
    const Element<Symbolic> z(g, std::move(nodes));
    proof.check("the element is conjugate symmetric and has no DC input entry", is_conjugate_symmetric(z) && !has_dc_inputs(z));
    proof.check_equal("loss_fourier_zero_mean(z) = loss_fourier(z)", loss_fourier_zero_mean(z), loss_fourier(z));
}

}  // namespace

int main(int argc, char** argv) {
    bool general = true, zero_mean = true;
    std::vector<std::string> specs;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--form") == 0 && i + 1 < argc) {
            const std::string form = argv[++i];
            general = form == "general" || form == "both";
            zero_mean = form == "zero-mean" || form == "both";
            if (!general && !zero_mean) {
                std::fprintf(stderr, "theorem1: --form must be general, zero-mean or both\n");
                return 2;
            }
        } else {
            specs.emplace_back(argv[i]);
        }
    }
    if (specs.empty()) specs = {"3", "4", "5", "2x2"};
    std::vector<AbelianGroup> groups;
    std::string names;
    for (const std::string& s : specs) {
        try {
            groups.push_back(AbelianGroup::parse(s));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "theorem1: bad group '%s': %s\n", s.c_str(), e.what());
            return 2;
        }
        names += (names.empty() ? "" : ", ") + groups.back().name();
    }
    std::string statement =
        "Theorem 1 (L2 loss decoupling), exactly, for all real weights of width q = 2 (hence every q) on " + names + ":\n";
    if (general) statement += "  general (DC) form:  direct all-pairs loss = (n-1)/n + (1/n) sum_{k!=0} l_k   (loss_fourier)\n";
    if (zero_mean)
        statement += "  zero-mean form:     if every input row sums to 0, direct loss = zero-mean formula (loss_fourier_zero_mean)\n";
    statement += "as polynomial identities in the real weight variables (docs/theory.md section 3).\n";
    statement += "Also: loss_fourier_zero_mean(z) = loss_fourier(z) for every z without DC input entries (Fourier variables)";
    if (general && !zero_mean)
        statement += ";\nwith the general form (which covers zero-mean W) this gives the zero-mean form as well";
    statement += ".";
    Proof proof("theorem1", statement);
    return proof.run([&](Proof& p) {
        for (const AbelianGroup& g : groups) {
            if (general) prove_general(p, g);
            if (zero_mean) prove_zero_mean(p, g);
            prove_forms_agree(p, g);
        }
    });
}
