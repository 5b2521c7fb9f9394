#pragma once
/// \file objective.hpp
/// Loss, accuracy and gradient of the network over a fixed set of samples (full batch), in float or double.
///
/// Loss (docs/theory.md section 1), mean over the N samples:
///   mse:           l = (1/N) sum_s || P (o(x_s,y_s) - e_{t_s}) ||^2,  P = I - 11^T/n   (no 1/2)
///   cross_entropy: l = (1/N) sum_s ( logsumexp(o) - o_{t_s} )
/// A sample counts as correct when the first largest output is at its class t_s = x_s + y_s.
///
/// How: the samples are cut into a fixed number of slots that depends on N only; each slot runs, block by
/// block, the gather of the two weight rows, the fused activation, o = h V^T (GEMM), the residual, and the
/// backward GEMMs dV += G^T h, dh = G V with a scatter of dpre into the input-weight rows of x_s and y_s.
/// The slots' partial gradients are then summed in slot order. So the result is bit-identical for every
/// thread count (and every run), and no one-hot matrix is ever formed.
#include <cstddef>
#include <vector>

#include "train/dataset.hpp"
#include "train/network.hpp"
#include "train/thread_pool.hpp"

namespace cogo::train {

/// The training loss.
enum class LossKind { mse, cross_entropy };

/// Loss and accuracy over a sample set.
struct Evaluation {
    double loss = 0;          ///< mean loss (0 for an empty set)
    std::size_t correct = 0;  ///< samples whose argmax output is their class
    std::size_t count = 0;    ///< samples

    /// correct / count (0 for an empty set).
    double accuracy() const { return count ? static_cast<double>(correct) / static_cast<double>(count) : 0.0; }
};

/// The objective on one sample set, with its workspaces (reused across calls; not thread-safe itself).
template <class T>
class Objective {
public:
    /// For networks on a group of order n with width q, over `samples` (every index < n).
    /// Throws InvalidInput if n < 2, q == 0 or a sample is out of range.
    Objective(std::size_t n, std::size_t q, std::vector<Pair> samples, LossKind loss, Activation activation);

    /// Loss and accuracy of `net` (forward pass only).
    Evaluation evaluate(const Network<T>& net, ThreadPool& pool);
    /// Loss and accuracy of `net`, and its gradient written into `gradient` (same shape, overwritten).
    Evaluation evaluate(const Network<T>& net, Network<T>& gradient, ThreadPool& pool);

    /// Number of samples.
    std::size_t size() const { return samples_.size(); }
    /// Floating-point operations of the GEMMs in one forward (backward: twice that).
    double gemm_flops_forward() const { return 2.0 * static_cast<double>(samples_.size() * n_ * q_); }

private:
    struct Slot {
        std::vector<T> pre, hidden, out, dhidden;  // block workspaces
        std::vector<T> grad;                        // partial gradient, 3 n q
        double loss = 0;
        std::size_t correct = 0;
    };
    Evaluation run(const Network<T>& net, Network<T>* gradient, ThreadPool& pool);
    void run_slot(std::size_t slot, const Network<T>& net, bool backward);

    std::size_t n_, q_;
    std::vector<Pair> samples_;
    LossKind loss_;
    Activation activation_;
    std::vector<Slot> slots_;
    std::vector<std::size_t> slot_begin_;  // slot s covers samples [slot_begin_[s], slot_begin_[s+1])
};

extern template class Objective<float>;
extern template class Objective<double>;

}  // namespace cogo::train
