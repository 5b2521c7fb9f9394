#pragma once
/// \file gram_kernel.hpp
/// Theorem 6's gradient Gram kernel of the potentials (docs/theory.md sections 3 and 6), sampled and in
/// exact expectation under PyTorch's default initialisation.
///
/// Coordinates: every Fourier entry z_p[k,j] (p in {a,b,c}, k in the dual group, j a node; docs/theory.md
/// section 2) is its own complex coordinate, and derivatives are holomorphic (Wirtinger d/dz): a potential
/// is a polynomial in the z's, e.g. d r_{k1,k2,k} / d z_a[k1,j] = z_b[k2,j] z_c[k,j]. (For real weights
/// z_p[-k,j] = conj z_p[k,j]; the kernel still counts z_p[k,j] and z_p[-k,j] as two coordinates, as its
/// definition does.) For potentials r, r' of a chosen list
///     K_{rr'} = sum_j sum_{(p,k)} dr/dz_p[k,j] * conj(dr'/dz_p[k,j]),
/// a Hermitian positive semi-definite matrix; Theorem 6 says the potentials' gradient flows decouple as
/// the width q grows: off-diagonal entries are small against the diagonal (predicted ratio ~ q^(-1/2)).
///
/// Exact expectation: nodes are i.i.d., so E K = q * (one node's expectation). Each entry of K is a sum of
/// products of four Fourier entries (two from dr, two conjugated from dr'); conj z_p[k] = z_p[-k] for real
/// weights; rows a, b, c are independent; within one row, z_a[k] = (1/n) sum_x W[x] conj chi_k(x) with
/// i.i.d. W[x], so by the cumulant (moment-partition) expansion
///     E prod_{i=1..m} z_a[k_i] = n^-m * sum_{set partitions pi of {1..m}} prod_{blocks B} c_{|B|} n [sum_{i in B} k_i = 0],
/// with c_2 = E W^2, c_4 = E W^4 - 3 (E W^2)^2 and odd cumulants 0 (symmetric init). The c-row is the same
/// with the factor 2 per entry instead of 1/n (z_c[k] = 2 sum_m V[m] chi_k(m)) and V's cumulants.
/// PyTorch's default init has rational moments: E W^2 = 1/(3n), E W^4 = 1/(5n^2), E V^2 = 1/(3q),
/// E V^4 = 1/(5q^2) (uniform on +-1/sqrt(n) and +-1/sqrt(q)), so E K is rational, computed exactly.
#include <complex>
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/element.hpp"
#include "support/matrix.hpp"
#include "analyze/fourier_weights.hpp"
#include "group/abelian_group.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo {

/// Which potential: r_{k1,k2,k} (ab), r_{a,k1,k2,k} (aa) or r_{b,k1,k2,k} (bb) of docs/theory.md section 3.
enum class PotentialKind { ab, aa, bb };

/// One potential: its kind and frequencies (indices into the dual group, identified with the group).
struct PotentialIndex {
    PotentialKind kind = PotentialKind::ab;
    std::size_t k1 = 0, k2 = 0, k = 0;
    friend bool operator==(const PotentialIndex&, const PotentialIndex&) = default;
};

/// "r[k1,k2,k]", "r_a[k1,k2,k]" or "r_b[k1,k2,k]".
[[nodiscard]] std::string to_string(const PotentialIndex& r);

/// Every r_{k1,k2,k} at one output frequency k, (k1, k2) in row-major order: n^2 potentials.
/// Throws InvalidInput if k is not a frequency of the group.
[[nodiscard]] std::vector<PotentialIndex> output_potentials(const AbelianGroup& group, std::size_t k);

/// The self potentials r_{p,k',-k',k} (p in {a, b}, k' = 0 .. count-1) that form the output-bias sum of
/// docs/theory.md section 3 at output k: 2 * count potentials, a's first. Throws InvalidInput if k is not a
/// frequency or count exceeds the group order.
[[nodiscard]] std::vector<PotentialIndex> bias_potentials(const AbelianGroup& group, std::size_t k, std::size_t count);

/// The kernel of the potentials `rs` at the dense Fourier weights z: |rs| x |rs|, Hermitian (diagonal real).
/// Cost O(|rs|^2 q) time, O(|rs| q) memory. Throws InvalidInput if a frequency of `rs` is out of range and
/// ShapeMismatch if z's rows do not hold q * n entries.
[[nodiscard]] Matrix<std::complex<double>> gram_kernel(const analyze::FourierWeights& z,
                                                      const std::vector<PotentialIndex>& rs);

/// Summary of a kernel: mean diagonal (real parts), RMS and maximum of |K_{rr'}| over r != r', and
/// ratio = rms_off_diagonal / mean_diagonal.
struct GramSummary {
    double mean_diagonal = 0, rms_off_diagonal = 0, max_off_diagonal = 0, ratio = 0;
};

/// The summary of a square kernel (at least 2 x 2 for the off-diagonal statistics; 0 otherwise).
[[nodiscard]] GramSummary summarize(const Matrix<std::complex<double>>& kernel);

/// The four moments the expectation needs, exactly (rationals): E W^2, E W^4 of an input weight and
/// E V^2, E V^4 of an output weight. The init is assumed symmetric (odd moments 0) and i.i.d. per entry.
struct InitMoments {
    Cyclotomic in2, in4, out2, out4;
};

/// PyTorch's default nn.Linear init for a group of order n and width q: 1/(3n), 1/(5n^2), 1/(3q), 1/(5q^2).
/// Throws InvalidInput if n or q is 0.
[[nodiscard]] InitMoments pytorch_init_moments(std::size_t n, std::size_t q);

/// E K_{rr'} exactly (rationals) for a width-q network whose entries are i.i.d. with the given moments.
/// Throws InvalidInput if a frequency is out of range or q == 0.
[[nodiscard]] Matrix<Cyclotomic> expected_gram_kernel(const AbelianGroup& group, std::size_t q,
                                                      const InitMoments& moments,
                                                      const std::vector<PotentialIndex>& rs);

}  // namespace cogo
