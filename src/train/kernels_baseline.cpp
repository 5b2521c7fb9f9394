// The kernels for baseline x86-64 (or any other CPU).
#define COGO_KERNEL_NAMESPACE baseline
#include "train/kernels_impl.hpp"

namespace cogo::train {
Kernels<float> baseline_kernels_float() { return baseline::table<float>("baseline"); }
Kernels<double> baseline_kernels_double() { return baseline::table<double>("baseline"); }
}  // namespace cogo::train
