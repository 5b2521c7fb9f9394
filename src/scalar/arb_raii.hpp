#pragma once
/// \file arb_raii.hpp
/// Owned Arb complex balls for the .cpp files that evaluate embeddings and refine in Arb (scalar/number_field,
/// analyze/algebraic_recognition): a vector of acb and a single acb_t, initialised on construction and cleared
/// on destruction, not copyable. The FLINT integer and rational types are in support/flint_raii.hpp.
#include <acb.h>

namespace cogo::arb {

/// An owned acb vector of `n` entries.
struct AcbVec {
    explicit AcbVec(long len) : n(len), v(_acb_vec_init(len)) {}
    ~AcbVec() { _acb_vec_clear(v, n); }
    AcbVec(const AcbVec&) = delete;
    AcbVec& operator=(const AcbVec&) = delete;
    long n;
    acb_ptr v;
};

/// An owned acb_t.
struct Acb {
    Acb() { acb_init(v); }
    ~Acb() { acb_clear(v); }
    Acb(const Acb&) = delete;
    Acb& operator=(const Acb&) = delete;
    acb_t v;
};

}  // namespace cogo::arb
