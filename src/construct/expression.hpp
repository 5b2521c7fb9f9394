#pragma once
/// \file expression.hpp
/// A small language for user-composed ring expressions over the catalogue (exact, Q(zeta_N) entries).
///
///   expr    := term { '+' term }                      semi-ring sum (concatenate nodes)
///   term    := factor { '*' factor }                  semi-ring product (Kronecker per frequency);
///                                                     an integer factor scales the c-row instead
///   factor  := primary { '/' INT | '@' FREQ }          '/n': c-row divided by n; '@k': at frequency k
///   primary := INT | '(' expr ')'
///            | 'sum' '(' expr ')'                     sum of expr@k over the pair representatives k
///                                                     of {k, -k}, k != 0 (Z_d: k = 1..(d-1)/2)
///            | 'conj' '(' expr ')'                    entrywise complex conjugate
///            | ATOM
///   ATOM    := 'one' | 'syn' | 'nui' | 'nu' '(' T ')' | 'xi' '(' T [',' S] ')'
///            | 'synab' '(' T ',' T ')' | 'u' '(' T ',' T ',' T ')'
///   T       := turn p/q or p, meaning exp(2 pi i p/q);   S := 1 | -1 (default 1)
///   FREQ    := a non-zero frequency as a flat index (for Z_d: the residue)
///
/// Atoms are the families of families.hpp at the current frequency (one = the per-frequency unit
/// block (1,1,1); u(Ta,Tb,Tc) = the single node with unit entries); an atom needs a frequency from an
/// enclosing '@k' or 'sum(...)'. Examples:
///   sum(nu(1/3) * syn) / 6                  z_F6
///   sum(nui * synab(0, 1/4)) / 6            z_{nu=i} * z_{syn,ab}
///   (nui * xi(1/8, -1))@2 / 4 + sum(nu(1/4) * syn)/6
/// Whitespace is ignored. Malformed text throws cogo::InvalidInput naming the position.
#include <string>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo {

/// Parses and evaluates `text` over `group`.
Element<Cyclotomic> evaluate_expression(const AbelianGroup& group, const std::string& text);

}  // namespace cogo
