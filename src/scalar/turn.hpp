#pragma once
/// \file turn.hpp
/// Parameters of the catalogue given as fractions of a full turn: the Turn p/q stands for the root of
/// unity exp(2 pi i p/q) (docs/theory.md section 5: nu, xi, alpha, beta are unit-modulus numbers; the paper's
/// observed angles are all rational multiples of pi). Text form "p/q" or "p" (e.g. "1/3", "-1/8", "0"),
/// lists comma-separated ("1/3,1/4"), as the CLI takes them (`--nu 1/3,1/4` cycles over frequencies).
///
/// Canonical form: den >= 1 and gcd(|num|, den) = 1; the sign lives in num; num is NOT reduced modulo
/// den (so "-1/8" stays -1/8 and prints back as "-1/8"). The text parser is io/turn_text.hpp (exact,
/// FLINT integers); nothing here throws but make_turn (the scalar's root_of_unity may refuse a denominator
/// it cannot hold: FieldTooLarge beyond Cyclotomic::max_field_order).
#include <numeric>
#include <string>
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

/// Default nu of z_nu (docs/theory.md section 5): 1/3 turn, exp(2 pi i/3).
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
