#pragma once
/// \file number_options.hpp
/// Numbers typed on the command line, read exactly or refused (exit 2) with a message that names the text
/// and the accepted range.
///
/// CLI11's own conversions are not safe for that: integers go through strtoull(text, 0) ("-1" wraps to
/// 2^64 - 1, "010" is octal 8, "0x10" is 16) and floats through strtold ("nan" and "inf" are accepted, and
/// the long double is rounded a second time to double). The validators below run on the text before CLI11
/// converts it and rewrite it into a form whose conversion is exact (plain decimal digits for whole numbers,
/// a hexadecimal float for reals), so an option bound with them holds exactly the number the user wrote:
///
///     cmd->add_option("--steps", steps, "Optimizer steps")->transform(whole_number(0, 10'000'000));
///     cmd->add_option("--lr", lr, "Learning rate")->transform(real_number({0, 1e6, true}));
///     cmd->add_option("--group", group, "Group d1xd2x...")->check(group_spec());
///     exclusive(d_option, group_option);  // --d 7 --group 9 is an error, not "the last one wins"
///
/// The same rules are available as plain functions (parse_whole_number, parse_whole_number_list,
/// parse_real_number) for lists and other text read outside CLI11; they throw cogo::InvalidInput.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace cogo::cli {

/// The largest value of an unsigned type, as the upper bound of whole_number.
template <class T>
inline constexpr std::uint64_t max_of = std::numeric_limits<T>::max();

/// Reads `text` as a whole number in [lo, hi] written in plain decimal digits: no sign, no spaces, no
/// exponent, no hexadecimal or octal prefix; leading zeros are allowed and mean nothing ("007" is 7).
/// Throws cogo::InvalidInput "<what>: ..." naming the text and the range when it is anything else.
[[nodiscard]] std::uint64_t parse_whole_number(std::string_view text, std::uint64_t lo, std::uint64_t hi,
                                               std::string_view what);

/// Reads a comma-separated list of whole numbers ("1,20,300"), each as parse_whole_number; an empty list
/// or an empty item ("5,", ",5", "5,,6") is refused. Duplicates are kept as written.
[[nodiscard]] std::vector<std::uint64_t> parse_whole_number_list(std::string_view text, std::uint64_t lo,
                                                                 std::uint64_t hi, std::string_view what);

/// An interval of reals; `lo_open` / `hi_open` exclude the end point. Both ends must be finite.
struct RealRange {
    double lo = 0;
    double hi = 0;
    bool lo_open = false;
    bool hi_open = false;
};

/// "[0, 1)", "(0, 1e+06]", ...: the interval as a message shows it.
[[nodiscard]] std::string to_string(const RealRange& range);

/// Reads `text` as a finite decimal real number in `range` (e.g. "1e-4", "-0.5", "3"; correctly rounded to
/// the nearest double). Refuses NaN, infinities, hexadecimal floats, trailing characters and numbers
/// outside the range (also those that only overflow or underflow to it) with cogo::InvalidInput
/// "<what>: ...".
[[nodiscard]] double parse_real_number(std::string_view text, const RealRange& range, std::string_view what);

/// Reads `text` as a share F in (0, 1] written as plain decimal digits with at most 18 after the point
/// ("0.9", ".5", "1"; no sign, no exponent) and returns the double nearest to 1 - F, computed exactly from
/// the digits (so --train-fraction 0.9 is exactly --test-fraction 0.1, which 1.0 - 0.9 in floating point is
/// not). Throws cogo::InvalidInput "<what>: ..." otherwise.
[[nodiscard]] double complement_fraction(std::string_view text, std::string_view what);

/// CLI11 transform for a whole-number option (any unsigned or signed integer target, std::optional or
/// std::vector of one): accepts what parse_whole_number accepts and hands CLI11 the canonical digits.
/// Use with Option::transform (it rewrites the text); the range should fit the bound variable's type.
[[nodiscard]] CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi);

/// CLI11 transform for a floating-point option: accepts what parse_real_number accepts and hands CLI11 the
/// value as an exact hexadecimal float. Use with Option::transform.
[[nodiscard]] CLI::Validator real_number(RealRange range);

/// CLI11 check for a group option: "N" or "d1xd2x..." that AbelianGroup::parse accepts (every factor >= 2,
/// the order within AbelianGroup::max_order); the message says which factor is wrong or too large.
[[nodiscard]] CLI::Validator group_spec();

/// Makes two options that set the same thing (e.g. --d and --group) mutually exclusive: giving both is a
/// usage error (exit 2) instead of silently keeping the last one.
void exclusive(CLI::Option* a, CLI::Option* b);

}  // namespace cogo::cli
