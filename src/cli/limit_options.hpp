#pragma once
/// \file limit_options.hpp
/// The resource-limit options of `cogo verify` and `cogo construct` (support/resource_limits.hpp):
///   --max-terms T    work limit of each exact phase in coefficient terms: a non-negative integer, or
///                    `unlimited`;
///   --max-memory M   memory limit of each exact phase: bytes, with an optional binary suffix K, M, G or T
///                    (e.g. 512M, 4G), or `unlimited`.
/// Values are read exactly; a sign, a fraction, trailing text or a value beyond 2^64 - 2 is a usage error
/// (exit 2), so `--max-terms -1` is refused instead of wrapping to "unlimited".
#include <cstdint>
#include <string>

#include "support/resource_limits.hpp"

namespace CLI {
class App;
}

namespace cogo::cli {

/// Registers --max-terms and --max-memory on `command`, writing into `limits` (defaults shown in --help).
void add_limit_options(CLI::App* command, ResourceLimits& limits);

/// Parses a --max-terms value; throws cogo::InvalidInput naming `option` if malformed or out of range.
[[nodiscard]] std::uint64_t parse_terms_limit(const std::string& text, const std::string& option = "--max-terms");

/// Parses a --max-memory value (bytes, optional K/M/G/T binary suffix, or `unlimited`); throws
/// cogo::InvalidInput naming `option` if malformed or out of range.
[[nodiscard]] std::uint64_t parse_memory_limit(const std::string& text, const std::string& option = "--max-memory");

}  // namespace cogo::cli
