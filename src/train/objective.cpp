#include "train/objective.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "support/error.hpp"
#include "train/blas.hpp"
#include "train/kernels.hpp"

namespace cogo::train {

namespace {

constexpr std::size_t kBlockRows = 256;      // samples per block inside a slot
constexpr std::size_t kSamplesPerSlot = 256;  // a slot per this many samples ...
constexpr std::size_t kMaxSlots = 8;          // ... but at most this many (their partial gradients are summed)

}  // namespace

template <class T>
Objective<T>::Objective(std::size_t n, std::size_t q, std::vector<Pair> samples, LossKind loss, Activation activation)
    : n_(n), q_(q), samples_(std::move(samples)), loss_(loss), activation_(activation) {
    if (n < 2) throw InvalidInput("objective: group order must be at least 2");
    if (q == 0) throw InvalidInput("objective: width must be at least 1");
    for (const Pair& p : samples_)
        if (p.x >= n || p.y >= n || p.target >= n)
            throw InvalidInput("objective: sample (" + std::to_string(p.x) + ", " + std::to_string(p.y) +
                               ") out of range for order " + std::to_string(n));
    const std::size_t count = samples_.size();
    const std::size_t slots = std::clamp<std::size_t>((count + kSamplesPerSlot - 1) / kSamplesPerSlot, 1, kMaxSlots);
    slots_.resize(slots);
    slot_begin_.resize(slots + 1);
    for (std::size_t s = 0; s <= slots; ++s) slot_begin_[s] = count * s / slots;
    const std::size_t block = std::min(kBlockRows, std::max<std::size_t>(count, 1));
    for (Slot& slot : slots_) {
        slot.hidden.resize(block * q);
        slot.out.resize(block * n);
        slot.dhidden.resize(block * q);
    }
}

template <class T>
Evaluation Objective<T>::evaluate(const Network<T>& net, ThreadPool& pool) {
    return run(net, nullptr, pool);
}

template <class T>
Evaluation Objective<T>::evaluate(const Network<T>& net, Network<T>& gradient, ThreadPool& pool) {
    return run(net, &gradient, pool);
}

template <class T>
Evaluation Objective<T>::run(const Network<T>& net, Network<T>* gradient, ThreadPool& pool) {
    if (net.n != n_ || net.q != q_)
        throw ShapeMismatch("objective: network of shape n = " + std::to_string(net.n) + ", q = " +
                            std::to_string(net.q) + " for an objective with n = " + std::to_string(n_) +
                            ", q = " + std::to_string(q_));
    const bool backward = gradient != nullptr;
    use_single_threaded_blas();
    pool.run(slots_.size(), [&](std::size_t s) { run_slot(s, net, backward); });

    Evaluation result;
    result.count = samples_.size();
    double loss = 0;
    for (const Slot& slot : slots_) {
        loss += slot.loss;
        result.correct += slot.correct;
    }
    result.loss = result.count ? loss / static_cast<double>(result.count) : 0.0;

    if (backward) {
        if (gradient->n != n_ || gradient->q != q_) *gradient = Network<T>(n_, q_);
        // Sum the slots' partial gradients in slot order, in parallel over disjoint ranges of entries.
        const std::size_t total = 3 * n_ * q_;
        const std::size_t tasks = std::min<std::size_t>(4 * pool.size(), (total + 4095) / 4096);
        T* out = gradient->params.data();
        pool.run(tasks, [&](std::size_t t) {
            const std::size_t begin = total * t / tasks, end = total * (t + 1) / tasks;
            std::copy(slots_[0].grad.begin() + static_cast<std::ptrdiff_t>(begin),
                      slots_[0].grad.begin() + static_cast<std::ptrdiff_t>(end), out + begin);
            for (std::size_t s = 1; s < slots_.size(); ++s)
                kernels<T>().add_into(end - begin, out + begin, slots_[s].grad.data() + begin);
        });
    }
    return result;
}

template <class T>
void Objective<T>::run_slot(std::size_t s, const Network<T>& net, bool backward) {
    Slot& slot = slots_[s];
    const std::size_t n = n_, q = q_;
    const T* wa = net.wa_t();
    const T* wb = net.wb_t();
    const T* v = net.v();
    slot.loss = 0;
    slot.correct = 0;
    T* gwa = nullptr;
    T* gwb = nullptr;
    T* gv = nullptr;
    if (backward) {
        slot.grad.assign(3 * n * q, T{});
        gwa = slot.grad.data();
        gwb = gwa + n * q;
        gv = gwb + n * q;
    }
    const T inv_n = T(1) / static_cast<T>(n);
    const T scale = samples_.empty() ? T(0) : T(1) / static_cast<T>(samples_.size());  // d(mean)/d(sample loss)
    const bool quadratic = activation_ == Activation::quadratic;
    const Kernels<T>& kernel = kernels<T>();

    for (std::size_t begin = slot_begin_[s]; begin < slot_begin_[s + 1]; begin += kBlockRows) {
        const std::size_t rows = std::min(kBlockRows, slot_begin_[s + 1] - begin);
        const Pair* batch = samples_.data() + begin;
        T* h = slot.hidden.data();
        T* o = slot.out.data();
        // Gather + fused activation: h[b, j] = sigma(W_a[j, x_b] + W_b[j, y_b]).
        kernel.gather_activate(batch, rows, wa, wb, q, h, quadratic);
        // o = h V^T  (rows x n).
        gemm(false, true, rows, n, q, T(1), h, q, v, q, T(0), o, n);
        // Loss, accuracy, and G = dl/do (overwrites o).
        for (std::size_t b = 0; b < rows; ++b) {
            T* ob = o + b * n;
            const std::size_t t = batch[b].target;
            const std::size_t best = static_cast<std::size_t>(std::max_element(ob, ob + n) - ob);
            slot.correct += best == t;
            if (loss_ == LossKind::mse) {
                T sum = 0;
                for (std::size_t m = 0; m < n; ++m) sum += ob[m];
                const T shift = inv_n - sum * inv_n;  // P(o - e)_m = o_m - mean(o) - e_m + 1/n
                double l = 0;
                for (std::size_t m = 0; m < n; ++m) {
                    const T r = ob[m] + shift - (m == t ? T(1) : T(0));
                    l += static_cast<double>(r) * static_cast<double>(r);
                    ob[m] = T(2) * scale * r;  // d/do ||P(o-e)||^2 = 2 P(o-e)
                }
                slot.loss += l;
            } else {
                const T top = ob[best];
                T sum = 0;
                for (std::size_t m = 0; m < n; ++m) sum += std::exp(ob[m] - top);
                const T log_sum = std::log(sum);
                slot.loss += static_cast<double>(top + log_sum - ob[t]);
                for (std::size_t m = 0; m < n; ++m)
                    ob[m] = scale * (std::exp(ob[m] - top - log_sum) - (m == t ? T(1) : T(0)));
            }
        }
        if (!backward) continue;
        T* dh = slot.dhidden.data();
        // dV += G^T h (n x q);  dh = G V (rows x q).
        gemm(true, false, n, q, rows, T(1), o, n, h, q, T(1), gv, q);
        gemm(false, false, rows, q, n, T(1), o, n, v, q, T(0), dh, q);
        // dpre = sigma'(pre) dh, scattered into the rows of x_b and y_b.
        kernel.scatter_gradient(batch, rows, wa, wb, dh, q, gwa, gwb, quadratic);
    }
}

template class Objective<float>;
template class Objective<double>;

}  // namespace cogo::train
