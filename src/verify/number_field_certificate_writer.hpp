#pragma once
/// \file number_field_certificate_writer.hpp
/// Writes the JSON certificate of a decided verification over a general number field K
/// (format "cogo-certificate-nf", certificate_format.md beside this file, section "Certificates over a
/// number field"). Re-checked by number_field_certificate_checker.hpp with its own arithmetic.
#include <cstddef>
#include <string>
#include <vector>

#include "scalar/number_field.hpp"
#include "verify/verify.hpp"

namespace cogo {

/// The certificate text for z over `field` and its PROVED or REFUTED result. Every value of z, the
/// conditions and the loss must be a field-less rational or an element of `field` (FieldMismatch
/// otherwise). Throws cogo::Error if the result is UNKNOWN.
[[nodiscard]] std::string number_field_certificate_text(const NumberFieldPtr& field, const Element<NumberFieldScalar>& z,
                                                        const VerificationResult<NumberFieldScalar>& result,
                                                        const std::string& statement);

/// The PARTIAL certificate of a REFUTED result: the same document with verdict "PARTIAL" and "proven", the output
/// frequencies (sorted, both signs) at which every condition holds exactly, as partial_certificate_text does over
/// the cyclotomic fields. Throws cogo::Error if the result is not REFUTED, `proven` is empty or a condition at a
/// proven frequency fails.
[[nodiscard]] std::string partial_number_field_certificate_text(const NumberFieldPtr& field,
                                                                const Element<NumberFieldScalar>& z,
                                                                const VerificationResult<NumberFieldScalar>& result,
                                                                const std::vector<std::size_t>& proven,
                                                                const std::string& statement);

}  // namespace cogo
