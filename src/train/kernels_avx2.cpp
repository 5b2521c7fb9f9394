// The kernels for CPUs with AVX2 and FMA (this file is compiled with -mavx2 -mfma where the compiler
// targets x86-64; elsewhere it is the baseline again and never chosen).
#define COGO_KERNEL_NAMESPACE avx2
#include "train/kernels_impl.hpp"

namespace cogo::train {
Kernels<float> avx2_kernels_float() { return avx2::table<float>("avx2+fma"); }
Kernels<double> avx2_kernels_double() { return avx2::table<double>("avx2+fma"); }
}  // namespace cogo::train
