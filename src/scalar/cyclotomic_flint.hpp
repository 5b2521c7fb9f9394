#pragma once
/// \file cyclotomic_flint.hpp
/// Private: the FLINT view of a cogo::Cyclotomic, for the other exact scalars built on it (symbolic.cpp).
/// Include only from .cpp files in src/scalar. The canonical form is the one cyclotomic.hpp documents.
#include <flint/fmpq_poly.h>

#include "scalar/cyclotomic.hpp"

namespace cogo::detail {

struct CyclotomicAccess {
    /// The value p(zeta_N) stored in Q(zeta_N): p may have any length (it is reduced mod Phi_N here);
    /// p is consumed (left zero). Throws InvalidInput if N == 0 or N > Cyclotomic::max_field_order.
    [[nodiscard]] static Cyclotomic from_poly(unsigned long N, fmpq_poly_t p);
    /// phi(N) = [Q(zeta_N) : Q]: a polynomial of smaller degree is already reduced (from the field cache).
    [[nodiscard]] static long degree(unsigned long N);
    /// The canonical polynomial of c (length <= phi(N), value p(zeta_N) with N = c.field_order()).
    [[nodiscard]] static const fmpq_poly_struct* poly(const Cyclotomic& c);
};

}  // namespace cogo::detail
