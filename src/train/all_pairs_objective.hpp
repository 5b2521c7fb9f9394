#pragma once
/// \file all_pairs_objective.hpp
/// The projected MSE loss of the quadratic network (docs/theory.md section 1) and its gradient summed over
/// ALL n^2 pairs in closed form, from q x q Gram matrices and group correlations, instead of one forward
/// and backward pass per pair; a train set "all pairs minus the held-out pairs" (the paper's 90/10 split,
/// docs/theory.md section 7) then only needs the direct path (objective.hpp) on the held-out pairs, whose
/// sums are subtracted. The derivation is in docs/all_pairs_gradient.md; in short, with the input
/// weights as n x q matrices A[x, j] = W_a[j, x], B[y, j] = W_b[j, y] (the trainer's wa_t, wb_t layout),
/// U = P V (V's columns centred), h(x, y) = (A[x] + B[y])^2 (element-wise) and t = x + y:
///
///   sum_{x,y} ||P(o - e_t)||^2 = <U^T U, G> - 4 <U, K> + n (n - 1),
///   G[j, k] = sum_{x,y} h_j h_k  (from A^T A, A2^T A2, A2^T A and the same for B; A2 = A o A),
///   K[m, j] = sum_{x + y = m} A[x, j] B[y, j]            (group correlation, O(q n^2)),
///
/// and the gradient: dV = 2 U G - 4 P K; dA = 4 R_A - 4 K_A with K_A[x, j] = sum_y U[x + y, j] B[y, j] and
/// R_A[x, j] = sum_y (A[x, j] + B[y, j]) (M h(x, y))_j, M = U^T U, which is
///   R_A = A o (n A2 M + 2 (A D_sb) M + 1 (M sb2)^T) + (A2 M) D_sb + 2 A (M o (B^T B)) + 1 c^T,
///   c_j = sum_k M[j, k] <b_k^2, b_j>   (sb, sb2: column sums of B and B2; D_sb = diag(sb));
/// dB likewise with A and B exchanged. Every q x q matrix but the Hadamard products M o Gbb, M o Gaa and
/// Gaa o Gbb has rank <= n and is applied through its n x q factors (A2 M = (U A2^T)^T U, ...), so one
/// evaluation costs 6 products of 2 n q^2 flops (B^T B, A^T A, U^T U and three n x q times q x q) plus 12 of
/// 2 n^2 q and 3 q n^2 gathered multiply-adds, against 6 N q n for the direct path on N pairs.
///
/// Precision: the all-pairs sums are O(1) per pair and cancel down to the loss (near 1e-6 at the end of a
/// run), so everything all-pairs is computed in float64 whatever T is: the weights are converted to double
/// (exactly), and only the final train gradient is rounded to T. The held-out sums come from the direct
/// path in T. Quadratic activation and MSE loss only.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "group/abelian_group.hpp"
#include "train/dataset.hpp"
#include "train/network.hpp"
#include "train/objective.hpp"
#include "train/thread_pool.hpp"

namespace cogo::train {

/// Sums over all n^2 pairs of the loss and gradient (float64), before any held-out subtraction.
struct AllPairsSums {
    double loss = 0;              ///< sum over all pairs of ||P(o - e_t)||^2
    std::vector<double> gradient;  ///< 3 n q entries in the Network layout [wa_t | wb_t | v]
};

/// The train objective "all pairs of `group` minus `held_out`" for networks of width q (quadratic, MSE).
template <class T>
class AllPairsObjective {
public:
    /// Throws InvalidInput if q == 0, a held-out pair is out of range or not a pair of the group
    /// (target != x + y), or a pair is held out twice, or every pair is held out.
    AllPairsObjective(const AbelianGroup& group, std::size_t q, std::vector<Pair> held_out);

    /// The mean train loss (over the n^2 - |held_out| train pairs) and its gradient into `gradient`
    /// (overwritten, same shape as `net`). The returned Evaluation has the loss and the count; `correct`
    /// is 0 (accuracy needs each pair's output: use the direct Objective's forward pass for it).
    Evaluation loss_and_gradient(const Network<T>& net, Network<T>& gradient, ThreadPool& pool);

    /// The all-pairs sums alone (no held-out subtraction), in float64.
    AllPairsSums all_pairs(const Network<T>& net, ThreadPool& pool);

    /// Train pairs (n^2 - held out).
    std::size_t train_size() const { return n_ * n_ - held_out_size_; }

private:
    void compute_sums(const Network<T>& net, ThreadPool& pool, AllPairsSums& out);

    std::size_t n_, q_;
    std::vector<std::uint32_t> add_;  // n x n addition table x + y, then n x n differences m - x
    std::size_t held_out_size_;
    Objective<T> held_out_;
    Network<T> held_out_gradient_;
    // float64 workspaces (all_pairs_objective.cpp names them): n x q, n x n and q x q matrices
    std::vector<double> a_, b_, a2_, b2_, u_, k_, ka_, kb_, ad_, bd_, pa_, pb_, z1a_, z2a_, z1b_, z2b_, z3a_, z3b_, uh_,
        ya2_, yb2_;
    std::vector<double> sa2_, ta_, sb2_, tb_, ya_, yb_;
    std::vector<double> gaa_, gbb_, m_, h_, mga_, mgb_;
    AllPairsSums sums_;
};

extern template class AllPairsObjective<float>;
extern template class AllPairsObjective<double>;

}  // namespace cogo::train
