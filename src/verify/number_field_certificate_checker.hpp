#pragma once
/// \file number_field_certificate_checker.hpp
/// Independent re-check of a certificate over a general number field K = Q[x]/(p) (format
/// "cogo-certificate-nf", certificate_format.md, "Certificates over a number field"). It shares no
/// arithmetic with the writer: it does not use cogo::NumberFieldScalar, src/algebra or src/scalar; K is
/// Q[x]/(p) with FLINT's fmpq_poly, the embedding is re-isolated with Arb.
///
/// Established, in order (the first failure is the reason): the format; p monic, of degree 1..64 and
/// irreducible over Q (fmpz_poly_factor), so that an identity mod p holds at every root of p and a value
/// non-zero mod p is non-zero at every embedding; the embedding box contains exactly one root of p; the
/// conj image sigma satisfies p(sigma) = 0 and sigma(sigma) = x mod p and is complex conjugation at that
/// root (root isolation); every T_k(k1, k2) recomputed from the element equals the listed value (an
/// unlisted one must be 0 with target 0, every (k, k, k) must be listed); the verdict (PROVED iff every
/// listed value equals its target; REFUTED with a counterexample whose value differs from its target; PARTIAL
/// as REFUTED, with every condition at its "proven" output frequencies equal to its target, reported in proven);
/// the loss l = (1/n) sum (V - t) sigma(V - t).
#include <string>

#include "verify/certificate_checker.hpp"

namespace cogo {

/// Re-verifies a number-field certificate given as JSON text; trusts nothing in it. Throws InvalidInput
/// if the text is not JSON; a format violation or a false claim yields accepted == false with a precise
/// reason; ResourceLimit if the recomputation would exceed about 10^7 field products.
[[nodiscard]] CertificateCheck check_number_field_certificate(const std::string& json_text);

}  // namespace cogo
