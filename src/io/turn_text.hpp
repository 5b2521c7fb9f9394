#pragma once
/// \file turn_text.hpp
/// The text form of a Turn (scalar/turn.hpp): "p/q" or "p" (e.g. "1/3", "-1/8", "0"), lists
/// comma-separated ("1/3,1/4"), as the CLI and the ring expressions take them. Exact (turn_text.cpp, FLINT
/// integers); bounded (max_turn_text).
#include <cstddef>
#include <string>
#include <vector>

#include "scalar/turn.hpp"

namespace cogo {

/// Longest text parse_turn / parse_turns accept (characters); longer text is refused as bad input.
inline constexpr std::size_t max_turn_text = 10'000;

/// Parses "p/q" or "p" (p an optionally signed integer, q a positive integer, blanks around allowed) into
/// a canonical Turn, exactly (FLINT integers, any number of digits up to max_turn_text):
/// * p/q is reduced to lowest terms first (so "2/6" is 1/3 and "10/5" is 2);
/// * a numerator beyond the range of `long` is replaced by its remainder modulo q with the same sign (the
///   same root of unity, exactly);
/// * a denominator beyond the range of `unsigned long` (after reduction) throws cogo::FieldTooLarge:
///   exp(2 pi i p/q) lives in Q(zeta_q), far beyond any field the tool builds (a resource limit, exit 3).
/// Throws InvalidInput (naming the text) if malformed, too long or q == 0.
[[nodiscard]] Turn parse_turn(const std::string& text);

/// Parses a non-empty comma-separated list of turns ("1/3,1/4"). Throws InvalidInput if the list is longer
/// than max_turn_text or any item is empty or malformed (and what parse_turn throws).
[[nodiscard]] std::vector<Turn> parse_turns(const std::string& text);

}  // namespace cogo
