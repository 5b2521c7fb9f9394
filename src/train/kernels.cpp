#include "train/kernels.hpp"

namespace cogo::train {

Kernels<float> baseline_kernels_float();
Kernels<double> baseline_kernels_double();
Kernels<float> avx2_kernels_float();
Kernels<double> avx2_kernels_double();

namespace {
bool has_avx2_fma() {
#if defined(__x86_64__) && defined(COGO_HAVE_AVX2_KERNELS)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return false;
#endif
}
}  // namespace

template <>
const Kernels<float>& kernels<float>() {
    static const Kernels<float> k = has_avx2_fma() ? avx2_kernels_float() : baseline_kernels_float();
    return k;
}

template <>
const Kernels<double>& kernels<double>() {
    static const Kernels<double> k = has_avx2_fma() ? avx2_kernels_double() : baseline_kernels_double();
    return k;
}

template <>
std::vector<Kernels<float>> kernel_variants<float>() {
    std::vector<Kernels<float>> v{baseline_kernels_float()};
    if (has_avx2_fma()) v.push_back(avx2_kernels_float());
    return v;
}

template <>
std::vector<Kernels<double>> kernel_variants<double>() {
    std::vector<Kernels<double>> v{baseline_kernels_double()};
    if (has_avx2_fma()) v.push_back(avx2_kernels_double());
    return v;
}

}  // namespace cogo::train
