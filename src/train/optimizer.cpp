#include "train/optimizer.hpp"

#include <cmath>
#include <string>

#include "support/error.hpp"
#include "train/kernels.hpp"

namespace cogo::train {

namespace {

void check_sizes(std::size_t expected, std::size_t params, std::size_t grad) {
    if (params != expected || grad != expected)
        throw ShapeMismatch("optimizer: " + std::to_string(params) + " parameters and " + std::to_string(grad) +
                            " gradient entries for a state of size " + std::to_string(expected));
}

void check_common(double lr, double weight_decay) {
    if (!(lr > 0) || !std::isfinite(lr)) throw InvalidInput("learning rate must be positive, got " + std::to_string(lr));
    if (!(weight_decay >= 0) || !std::isfinite(weight_decay))
        throw InvalidInput("weight decay must be >= 0, got " + std::to_string(weight_decay));
}

}  // namespace

template <class T>
Adam<T>::Adam(std::size_t size, const AdamConfig& config) : config_(config), m_(size, T{}), v_(size, T{}) {
    check_common(config.lr, config.weight_decay);
    if (!(config.beta1 >= 0 && config.beta1 < 1) || !(config.beta2 >= 0 && config.beta2 < 1))
        throw InvalidInput("Adam betas must be in [0, 1)");
    if (!(config.eps >= 0)) throw InvalidInput("Adam eps must be >= 0");
}

template <class T>
void Adam<T>::step(std::span<T> params, std::span<const T> grad) {
    check_sizes(m_.size(), params.size(), grad.size());
    ++t_;
    const double bias1 = 1.0 - std::pow(config_.beta1, static_cast<double>(t_));
    const double bias2 = 1.0 - std::pow(config_.beta2, static_cast<double>(t_));
    const T step_size = static_cast<T>(config_.lr / bias1);
    const T bias2_sqrt = static_cast<T>(std::sqrt(bias2));
    T wd = static_cast<T>(config_.weight_decay);
    if (config_.decoupled) {
        const T keep = static_cast<T>(1.0 - config_.lr * config_.weight_decay);
        if (config_.weight_decay != 0)
            for (T& p : params) p *= keep;
        wd = T(0);
    }
    const T one_minus_b1 = static_cast<T>(1.0 - config_.beta1);
    const T b2 = static_cast<T>(config_.beta2), one_minus_b2 = static_cast<T>(1.0 - config_.beta2);
    const T eps = static_cast<T>(config_.eps);
    kernels<T>().adam_update(m_.size(), params.data(), grad.data(), m_.data(), v_.data(), wd, one_minus_b1, b2,
                             one_minus_b2, bias2_sqrt, eps, step_size);
}

template <class T>
Sgd<T>::Sgd(std::size_t size, const SgdConfig& config) : config_(config), buffer_(size, T{}) {
    check_common(config.lr, config.weight_decay);
    if (!(config.momentum >= 0 && config.momentum <= 1) || !(config.dampening >= 0 && config.dampening <= 1))
        throw InvalidInput("SGD momentum and dampening must be in [0, 1]");
}

template <class T>
void Sgd<T>::step(std::span<T> params, std::span<const T> grad) {
    check_sizes(buffer_.size(), params.size(), grad.size());
    const T lr = static_cast<T>(config_.lr), wd = static_cast<T>(config_.weight_decay);
    const T mu = static_cast<T>(config_.momentum), keep = static_cast<T>(1.0 - config_.dampening);
    const bool first = t_ == 0;
    ++t_;
    T* p = params.data();
    const T* g0 = grad.data();
    T* b = buffer_.data();
    for (std::size_t i = 0; i < buffer_.size(); ++i) {
        T g = g0[i] + wd * p[i];
        if (config_.momentum != 0) {
            b[i] = first ? g : mu * b[i] + keep * g;
            g = b[i];
        }
        p[i] -= lr * g;
    }
}

template class Adam<float>;
template class Adam<double>;
template class Sgd<float>;
template class Sgd<double>;

}  // namespace cogo::train
