#pragma once
/// \file turn.hpp
/// Parameters of the catalogue given as fractions of a full turn: the Turn p/q stands for the root of
/// unity exp(2 pi i p/q) (THEORY.md section 5: nu, xi, alpha, beta are unit-modulus numbers; the paper's
/// observed angles are all rational multiples of pi). Text form "p/q" or "p" (e.g. "1/3", "-1/8", "0"),
/// lists comma-separated ("1/3,1/4"), as the CLI takes them (`--nu 1/3,1/4` cycles over frequencies).
///
/// Canonical form: den >= 1 and gcd(|num|, den) = 1; the sign lives in num; num is NOT reduced modulo
/// den (so "-1/8" stays -1/8 and prints back as "-1/8"). Parsing throws cogo::InvalidInput on malformed
/// text; nothing else here throws (the scalar's root_of_unity may refuse a denominator it cannot hold).
#include <charconv>
#include <cstddef>
#include <limits>
#include <numeric>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "scalar/scalar.hpp"
#include "support/error.hpp"

namespace cogo {

/// The unit-modulus number exp(2 pi i num/den), canonical (den >= 1, gcd(|num|, den) = 1).
struct Turn {
    long num = 0;            ///< numerator (sign here)
    unsigned long den = 1;   ///< denominator, >= 1

    friend bool operator==(const Turn&, const Turn&) = default;
};

/// The canonical Turn num/den; throws InvalidInput if den == 0.
inline Turn make_turn(long num, unsigned long den) {
    if (den == 0) throw InvalidInput("turn: denominator must be >= 1");
    const unsigned long magnitude = num < 0 ? 0UL - static_cast<unsigned long>(num) : static_cast<unsigned long>(num);
    const unsigned long g = std::gcd(magnitude, den);  // g >= 1 since den >= 1
    return Turn{num / static_cast<long>(g), den / g};
}

/// "p/q", or "p" when q == 1 (e.g. "1/3", "-1/8", "0").
inline std::string to_string(const Turn& t) {
    return t.den == 1 ? std::to_string(t.num) : std::to_string(t.num) + "/" + std::to_string(t.den);
}

namespace detail {
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// Parses an optionally signed ("+"/"-") decimal integer occupying all of s; false if malformed or too large.
inline bool parse_long(std::string_view s, long& out) {
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty() || s.front() < '0' || s.front() > '9') return false;
    unsigned long magnitude = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude);
    if (ec != std::errc() || ptr != s.data() + s.size()) return false;
    if (magnitude > static_cast<unsigned long>(std::numeric_limits<long>::max())) return false;
    out = negative ? -static_cast<long>(magnitude) : static_cast<long>(magnitude);
    return true;
}
}  // namespace detail

/// Parses "p/q" or "p" (p an optionally signed integer, q a positive integer, blanks around allowed) into
/// a canonical Turn. Throws InvalidInput (naming the text) if malformed, q == 0 or a number overflows.
inline Turn parse_turn(const std::string& text) {
    const std::string_view s = detail::trim(text);
    const std::size_t slash = s.find('/');
    long num = 0, den = 1;
    bool ok = detail::parse_long(detail::trim(s.substr(0, slash)), num);
    if (ok && slash != std::string_view::npos) {
        const std::string_view d = detail::trim(s.substr(slash + 1));
        ok = !d.empty() && d.front() >= '0' && d.front() <= '9' && detail::parse_long(d, den);
    }
    if (!ok) throw InvalidInput("turn: malformed \"" + text + "\" (expected p/q or p, e.g. 1/3, -1/8, 0)");
    if (den == 0) throw InvalidInput("turn: zero denominator in \"" + text + "\"");
    return make_turn(num, static_cast<unsigned long>(den));
}

/// Parses a non-empty comma-separated list of turns ("1/3,1/4"). Throws InvalidInput if the list or any
/// item is empty or malformed.
inline std::vector<Turn> parse_turns(const std::string& text) {
    std::vector<Turn> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (detail::trim(item).empty()) throw InvalidInput("turns: empty item in \"" + text + "\"");
        out.push_back(parse_turn(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

/// exp(2 pi i num/den) as an S (root_of_unity(den, num)).
template <Scalar S>
S turn_value(const Turn& t) {
    return root_of_unity<S>(t.den, t.num);
}

/// The values of a list of turns, in order.
template <Scalar S>
std::vector<S> turn_values(const std::vector<Turn>& turns) {
    std::vector<S> out;
    out.reserve(turns.size());
    for (const Turn& t : turns) out.push_back(turn_value<S>(t));
    return out;
}

/// Default nu of z_nu (THEORY.md section 5): 1/3 turn, exp(2 pi i/3).
inline constexpr Turn default_nu{1, 3};
/// Default xi of z_xi: 1/8 turn, exp(2 pi i/8) (the paper's observed arg xi = pi/4).
inline constexpr Turn default_xi{1, 8};
/// Default alpha of z_{syn,ab}: 0 turn (alpha = 1).
inline constexpr Turn default_alpha{0, 1};
/// Default beta of z_{syn,ab}: 0 turn (beta = 1).
inline constexpr Turn default_beta{0, 1};
/// Default sign s of z_xi: +1.
inline constexpr int default_sign = 1;

}  // namespace cogo
