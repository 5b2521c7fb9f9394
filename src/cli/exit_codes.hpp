#pragma once
/// \file exit_codes.hpp
/// Exit codes of the `cogo` executable (ARCHITECTURE.md section 4).
namespace cogo::cli {

inline constexpr int exit_ok = 0;        ///< PROVED / success
inline constexpr int exit_refuted = 1;   ///< REFUTED: the claim is false (a counterexample was printed)
inline constexpr int exit_usage = 2;     ///< bad command line or bad input (cogo::InvalidInput)
inline constexpr int exit_unknown = 3;   ///< UNKNOWN or a resource limit (cogo::ResourceLimit)
inline constexpr int exit_internal = 4;  ///< a bug: an unexpected exception

}  // namespace cogo::cli
