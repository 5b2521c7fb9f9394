#pragma once
/// \file symbolic_expression.hpp
/// The expression language of expression.hpp with symbolic parameters (cogo::Symbolic values).
#include <string>

#include "construct/expression.hpp"
#include "scalar/symbolic.hpp"

namespace cogo {

/// Parses and evaluates `text` over `group` with the declared symbols as cogo::Symbolic parameters, through
/// the same parser and evaluator as evaluate_expression (same grammar, limits and messages; see
/// expression.hpp for what symbols may stand for); with no symbols the result is the element of
/// evaluate_expression as Symbolic values. Throws InvalidInput for an invalid declaration
/// (validate_expression_symbols) and what evaluate_expression throws.
[[nodiscard]] Element<Symbolic> evaluate_symbolic_expression(const AbelianGroup& group, const std::string& text,
                                                            const ExpressionSymbols& symbols,
                                                            const ResourceLimits& limits = {});

}  // namespace cogo
