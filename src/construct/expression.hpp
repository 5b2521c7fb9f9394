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
///            | 'sum' '(' expr [',' 'except' FREQ] ')'  sum of expr@k over the pair representatives k
///                                                     of {k, -k}, k != 0 (Z_d: k = 1..(d-1)/2), but
///                                                     that of {FREQ, -FREQ}; refused for even order
///            | 'pairsum' '(' expr [',' 'except' FREQ] ')'  the same over the pairs of any group (the real
///                                                     frequencies k = -k are left out by definition)
///            | 'realsum' '(' expr ')'                 sum of expr@k over the real frequencies k = -k != 0
///            | 'conj' '(' expr ')'                    entrywise complex conjugate
///            | 'cancel' '(' expr ',' expr ')'         cancel(Z, B): Z + B, B's nodes also carrying
///                                                     the outputs that cancel Z's biases elsewhere
///            | 'debias' '(' expr [',' FREQ0] ')'      debias(Z, k0): Z + one bias node at k0 (default
///                                                     0: a DC input row; else 2 k0 = 0) cancelling
///                                                     every output bias of Z
///            | ATOM | SYMBOL                          SYMBOL: a declared parameter (a scalar factor)
///   ATOM    := 'one' | 'syn' | 'nui' | 'nu' '(' T ')' | 'xi' '(' T [',' S] ')'
///            | 'synab' '(' T ',' T ')' | 'u' '(' T ',' T ',' T ')'
///            | 'zn' '(' R [',' T] ')' | 'syndc' '(' R ')'
///            | 'real1' [ '(' R [',' S] ')' ] | 'real2' [ '(' R ')' ]
///   T       := turn p/q or p, meaning exp(2 pi i p/q), or a declared unit SYMBOL;   S := 1 | -1 (default 1)
///   R       := a non-zero rational [+-]p or [+-]p/q, or a declared real SYMBOL
///   FREQ    := a non-zero frequency as a flat index (for Z_d: the residue); FREQ0 := 0 or FREQ
///
/// Atoms are the families of families.hpp at the current frequency (one = the per-frequency unit
/// block (1,1,1); u(Ta,Tb,Tc) = the single node with unit entries) and of more_families.hpp: zn(R, T) =
/// z_n(a) with a = R exp(2 pi i T) (T defaults to 0; a real R and a unit T give every complex a != 0), and
/// syndc(R) = syn_dc(alpha = R), z_syn with DC inputs, c-row already scaled (only at a k with 3k = 0). At a
/// real frequency (k = -k, real_frequency.hpp): real1(R, S) = the least-biased one node (R, S R, S / R^2)
/// (r_kkk = 1, bias S; real1 = (1, 1, 1)), real2(R) = the two-node per-frequency solution (R, R, 1/(2R^2)),
/// (R, -R, -1/(2R^2)) (real2 = (1, 1, 1/2), (1, -1, -1/2)). An atom needs a frequency from an enclosing '@k'
/// or a sum. The bias operators are bias_cancellation.hpp's cancel_biases_on and debiased: the outputs they
/// add are computed exactly from Z's biases T_k(0, 0) (and, for cancel, from B's inputs: lambda_k =
/// -T_k(0,0)(Z) / D_k(B), the same on every node of B, at every k where B has no output). Examples:
///   sum(nu(1/3) * syn) / 6                  z_F6
///   sum(nui * synab(0, 1/4)) / 6            z_{nu=i} * z_{syn,ab}
///   (nui * xi(1/8, -1))@2 / 4 + sum(nu(1/4) * syn)/6
///   cancel(sum(nui * xi(1/8), except 1) / 4, (nu(1/3) * syn)@1 / 6)      z_F4/6 (--solution F46)
///   debias(sum(nui * xi(1/8)) / 4)          --solution min on an odd-order group (2n - 1 nodes)
///   debias(pairsum(nui * xi(1/8)) / 4 + realsum(real1), 2)    --solution min on Z_4
///   pairsum(nu(1/3) * syn) / 6 + realsum(real2)               --solution F6R
///   2^64 * sum(nu(1/3) * syn) / 6           numbers are exact rationals of any size (FLINT)
/// Whitespace is ignored.
///
/// Symbolic parameters (evaluate_symbolic_expression): names declared as unit-modulus symbols
/// (conj(t) = 1/t) may stand for a turn argument (nu(t), xi(t, -1), synab(t, 1/4), u(t, s, 1)) or for a
/// scalar factor (t * syn scales the c-row by t); names declared as real symbols (conj(r) = r) for a
/// scalar factor (r * u(0, 0, 0) is a node with output magnitude r) or a real argument R (zn(r, t),
/// syndc(r)). A scalar factor may be raised to a
/// power 0..max_element_power (t^3 * syn) and conjugated (conj(t)). Refused as cogo::InvalidInput: an
/// undeclared name, a symbol as a frequency, exponent or divisor (those are integers), a real symbol as a
/// turn argument, a unit symbol or zero as a real argument R, syndc at a k with 3k != 0, real1 / real2 at a
/// k with 2k != 0, 'except' a real or absent frequency, debias at a k0 with 2 k0 != 0, cancel with a carrier
/// B without input energy, a declared name that is a built-in name (one, syn, nui, nu, xi, synab, u, zn,
/// syndc, real1, real2, sum, pairsum, realsum, conj, cancel, debias, except, zeta...) or not of the form
/// letter {letter | digit | '_'}, or a name declared twice.
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
