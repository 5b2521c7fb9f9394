#pragma once
/// \file expression.hpp
/// A small language for user-composed ring expressions over the catalogue (exact, Q(zeta_N) entries).
///
///   expr    := term { '+' term }                      semi-ring sum (concatenate nodes)
///   term    := factor { '*' factor }                  semi-ring product (Kronecker per frequency);
///                                                     a number factor scales the c-row instead
///   factor  := primary { '^' INT | '/' DIV | '@' FREQ }   (left to right; a^b^c is refused)
///                                                     '^n': n-th power (numbers: n >= 0; elements:
///                                                     1 <= n <= max_element_power); '/n': divided by n
///                                                     (an element: its c-row); '@k': at frequency k
///   DIV     := INT [ '^' INT ]                        x / 2^64 divides x by 2^64
///   primary := INT | '(' expr ')'
///            | 'sum' '(' expr ')'                     sum of expr@k over the pair representatives k
///                                                     of {k, -k}, k != 0 (Z_d: k = 1..(d-1)/2)
///            | 'conj' '(' expr ')'                    entrywise complex conjugate
///            | ATOM | SYMBOL                          SYMBOL: a declared parameter (a scalar factor)
///   ATOM    := 'one' | 'syn' | 'nui' | 'nu' '(' T ')' | 'xi' '(' T [',' S] ')'
///            | 'synab' '(' T ',' T ')' | 'u' '(' T ',' T ',' T ')'
///   T       := turn p/q or p, meaning exp(2 pi i p/q), or a declared unit SYMBOL;   S := 1 | -1 (default 1)
///   FREQ    := a non-zero frequency as a flat index (for Z_d: the residue)
///
/// Atoms are the families of families.hpp at the current frequency (one = the per-frequency unit
/// block (1,1,1); u(Ta,Tb,Tc) = the single node with unit entries); an atom needs a frequency from an
/// enclosing '@k' or 'sum(...)'. Examples:
///   sum(nu(1/3) * syn) / 6                  z_F6
///   sum(nui * synab(0, 1/4)) / 6            z_{nu=i} * z_{syn,ab}
///   (nui * xi(1/8, -1))@2 / 4 + sum(nu(1/4) * syn)/6
///   2^64 * sum(nu(1/3) * syn) / 6           numbers are exact rationals of any size (FLINT)
/// Whitespace is ignored.
///
/// Symbolic parameters (evaluate_symbolic_expression): names declared as unit-modulus symbols
/// (conj(t) = 1/t) may stand for a turn argument (nu(t), xi(t, -1), synab(t, 1/4), u(t, s, 1)) or for a
/// scalar factor (t * syn scales the c-row by t); names declared as real symbols (conj(r) = r) only for a
/// scalar factor (r * u(0, 0, 0) is a node with output magnitude r). A scalar factor may be raised to a
/// power 0..max_element_power (t^3 * syn) and conjugated (conj(t)). Refused as cogo::InvalidInput: an
/// undeclared name, a symbol as a frequency, exponent or divisor (those are integers), a real symbol as a
/// turn argument, a declared name that is a built-in name (one, syn, nui, nu, xi, synab, u, sum, conj,
/// zeta...) or not of the form letter {letter | digit | '_'}, or a name declared twice.
///
/// Exactness and bounds: every number (literal, divisor, exponent, frequency, turn) is read exactly;
/// nothing wraps. Refused as cogo::InvalidInput (naming the position): malformed text, text longer than
/// max_expression_length, nesting deeper than max_expression_depth, a number beyond max_number_bits, a
/// frequency outside the group, an element power beyond max_element_power. Sums and products are n-ary
/// and evaluated iteratively (cost linear in the text for flat sums). Before every product, sum and atom
/// the size of the result is estimated (element_cost.hpp) and checked against the limits: exceeding them
/// throws cogo::ResourceLimit (cogo::FieldTooLarge for a field beyond Cyclotomic::max_field_order).
#include <cstddef>
#include <cstdint>
#include <string>

#include <vector>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"
#include "support/resource_limits.hpp"

namespace cogo {

/// The parameters an expression may use (see the file comment): unit-modulus and real symbols.
struct ExpressionSymbols {
    std::vector<std::string> unit_modulus;  ///< |t| = 1: conj(t) = 1/t
    std::vector<std::string> real;  ///< conj(r) = r

    /// True iff no symbol is declared.
    [[nodiscard]] bool empty() const { return unit_modulus.empty() && real.empty(); }
};

/// Longest expression text accepted (characters).
inline constexpr std::size_t max_expression_length = 1'000'000;
/// Deepest nesting of '(' / sum( / conj( / atom arguments accepted.
inline constexpr std::size_t max_expression_depth = 200;
/// Largest size of a number (numerator or denominator) in bits, about 20,000 decimal digits.
inline constexpr std::uint64_t max_number_bits = 65'536;
/// Largest exponent of an element power z^n.
inline constexpr std::uint64_t max_element_power = 64;

/// Parses and evaluates `text` over `group` within `limits`.
[[nodiscard]] Element<Cyclotomic> evaluate_expression(const AbelianGroup& group, const std::string& text,
                                                      const ResourceLimits& limits = {});

/// Throws cogo::InvalidInput, naming the symbol, unless every declared name is valid (see the file comment).
void validate_expression_symbols(const ExpressionSymbols& symbols);

/// (evaluate_symbolic_expression, the same language with parameters: construct/symbolic_expression.hpp)

}  // namespace cogo
