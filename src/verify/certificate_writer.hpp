#pragma once
/// \file certificate_writer.hpp
/// Writes the JSON certificate of a decided verification (format: certificate_format.md beside this file).
/// The certificate is re-checked by certificate_checker.hpp, which shares no arithmetic with the writer.
#include <string>

#include "scalar/cyclotomic.hpp"
#include "verify/verify.hpp"

namespace cogo {

/// The certificate text for element z and its (PROVED or REFUTED) verification result; `statement` is a
/// human-readable description of what was verified. Throws cogo::Error if the result is UNKNOWN.
std::string certificate_text(const Element<Cyclotomic>& z, const VerificationResult<Cyclotomic>& result,
                             const std::string& statement);

}  // namespace cogo
