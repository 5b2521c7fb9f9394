#pragma once
/// \file optimizer.hpp
/// Full-batch optimizers with PyTorch's semantics (torch.optim.Adam and torch.optim.SGD, default flags:
/// amsgrad, maximize, nesterov off) on one flat parameter vector.
///
/// Adam, step t = 1, 2, ...: g = grad + wd * p (coupled L2 weight decay, added to the gradient);
///   m = m + (1 - beta1)(g - m);  v = beta2 v + (1 - beta2) g^2;
///   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
/// AdamW (decoupled, torch.optim.AdamW): p = p * (1 - lr wd) first (the factor computed in double, rounded
/// to T), then the Adam step above with g = grad (no wd term).
/// SGD: g = grad + wd * p; b = g at the first step, else b = momentum b + (1 - dampening) g; p = p - lr b
/// (plain SGD when momentum = 0). Bias corrections and step sizes are computed in double, the element
/// updates in the parameters' type T, as PyTorch does for a float or double tensor.
#include <cstddef>
#include <span>
#include <vector>

namespace cogo::train {

/// Adam hyper-parameters (PyTorch's defaults except lr).
struct AdamConfig {
    double lr = 1e-3;
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    double weight_decay = 0;
    bool decoupled = false;  ///< AdamW: decoupled weight decay instead of the L2 term in the gradient
};

/// SGD hyper-parameters.
struct SgdConfig {
    double lr = 1e-3;
    double momentum = 0, dampening = 0;
    double weight_decay = 0;
};

/// Adam state for `size` parameters.
template <class T>
class Adam {
public:
    /// Throws InvalidInput if lr <= 0, eps < 0, a beta outside [0, 1) or weight_decay < 0.
    Adam(std::size_t size, const AdamConfig& config);
    /// One step: updates `params` in place from `grad` (both of the size given at construction; throws
    /// ShapeMismatch otherwise).
    void step(std::span<T> params, std::span<const T> grad);
    /// Steps taken so far.
    std::size_t steps() const { return t_; }

private:
    AdamConfig config_;
    std::vector<T> m_, v_;
    std::size_t t_ = 0;
};

/// SGD (with optional momentum) state for `size` parameters.
template <class T>
class Sgd {
public:
    /// Throws InvalidInput if lr <= 0, momentum or dampening outside [0, 1], or weight_decay < 0.
    Sgd(std::size_t size, const SgdConfig& config);
    /// One step, as Adam::step.
    void step(std::span<T> params, std::span<const T> grad);
    /// Steps taken so far.
    std::size_t steps() const { return t_; }

private:
    SgdConfig config_;
    std::vector<T> buffer_;
    std::size_t t_ = 0;
};

extern template class Adam<float>;
extern template class Adam<double>;
extern template class Sgd<float>;
extern template class Sgd<double>;

}  // namespace cogo::train
