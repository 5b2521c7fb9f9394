#pragma once
/// \file certificate_writer.hpp
/// Writes the JSON certificate of a decided verification (format: certificate_format.md beside this file).
/// The certificate is re-checked by certificate_checker.hpp, which shares no arithmetic with the writer.
#include <cstddef>
#include <string>
#include <vector>

#include "scalar/cyclotomic.hpp"
#include "verify/verify.hpp"

namespace cogo {

/// The certificate text for element z and its (PROVED or REFUTED) verification result; `statement` is a
/// human-readable description of what was verified. Throws cogo::Error if the result is UNKNOWN.
std::string certificate_text(const Element<Cyclotomic>& z, const VerificationResult<Cyclotomic>& result,
                             const std::string& statement);

/// A PARTIAL certificate (certificate_format.md): the REFUTED verification `result` of z, with the output
/// frequencies `proven` (sorted, non-zero) at which every condition holds. Throws cogo::Error unless the result
/// is REFUTED and no condition at a proven frequency fails.
std::string partial_certificate_text(const Element<Cyclotomic>& z, const VerificationResult<Cyclotomic>& result,
                                     const std::vector<std::size_t>& proven, const std::string& statement);

}  // namespace cogo
