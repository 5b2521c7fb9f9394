/// \file turn_text.cpp
/// Exact parsing of turns p/q (FLINT integers: no digit limit below max_turn_text, nothing wraps).
#include "io/turn_text.hpp"

#include <flint/fmpz.h>

#include <algorithm>
#include <climits>
#include <string_view>

#include "support/error.hpp"
#include "support/flint_raii.hpp"

namespace cogo {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// The text for a message: whole if short, else its first 40 characters and its length.
std::string shown(const std::string& text) {
    if (text.size() <= 60) return "\"" + text + "\"";
    return "\"" + text.substr(0, 40) + "...\" (" + std::to_string(text.size()) + " characters)";
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Reads an optionally signed decimal integer occupying all of s into out; false if malformed.
bool read_integer(std::string_view s, bool allow_sign, flint::Fmpz& out) {
    bool negative = false;
    if (allow_sign && !s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (!all_digits(s)) return false;
    const std::string digits(s);
    if (fmpz_set_str(out.get(), digits.c_str(), 10) != 0) return false;
    if (negative) fmpz_neg(out.get(), out.get());
    return true;
}

}  // namespace

Turn parse_turn(const std::string& text) {
    if (text.size() > max_turn_text)
        throw InvalidInput("turn: " + shown(text) + " is longer than " + std::to_string(max_turn_text) + " characters");
    const std::string_view s = trim(text);
    const std::size_t slash = s.find('/');
    flint::Fmpz num, den(1);
    bool ok = read_integer(trim(s.substr(0, slash)), true, num);
    if (ok && slash != std::string_view::npos) ok = read_integer(trim(s.substr(slash + 1)), false, den);
    if (!ok) throw InvalidInput("turn: malformed " + shown(text) + " (expected p/q or p, e.g. 1/3, -1/8, 0)");
    if (fmpz_is_zero(den.get())) throw InvalidInput("turn: zero denominator in " + shown(text));
    flint::Fmpz g;
    fmpz_gcd(g.get(), num.get(), den.get());  // >= 1 since den >= 1
    fmpz_divexact(num.get(), num.get(), g.get());
    fmpz_divexact(den.get(), den.get(), g.get());
    if (!fmpz_abs_fits_ui(den.get()))
        throw FieldTooLarge("turn: " + shown(text) + " has the denominator " + den.str().substr(0, 30) + "... (" +
                            std::to_string(fmpz_sizeinbase(den.get(), 10)) +
                            " digits): exp(2 pi i p/q) lives in Q(zeta_q), far beyond the largest field built");
    if (!fmpz_fits_si(num.get())) {
        // same root of unity: p -> sign(p) (|p| mod q), which fits since q < 2^64 ... and |p mod q| < q
        const int sign = fmpz_sgn(num.get());
        fmpz_abs(num.get(), num.get());
        fmpz_mod(num.get(), num.get(), den.get());
        if (sign < 0) fmpz_neg(num.get(), num.get());
        if (!fmpz_fits_si(num.get())) {  // q >= 2^63: reduce into (-q/2, q/2] instead, which fits in a long
            flint::Fmpz half;
            fmpz_fdiv_q_2exp(half.get(), den.get(), 1);
            if (fmpz_cmp(num.get(), half.get()) > 0) fmpz_sub(num.get(), num.get(), den.get());
            fmpz_neg(half.get(), half.get());
            if (fmpz_cmp(num.get(), half.get()) < 0) fmpz_add(num.get(), num.get(), den.get());
        }
    }
    return Turn{fmpz_get_si(num.get()), fmpz_get_ui(den.get())};
}

std::vector<Turn> parse_turns(const std::string& text) {
    if (text.size() > max_turn_text)
        throw InvalidInput("turns: " + shown(text) + " is longer than " + std::to_string(max_turn_text) + " characters");
    std::vector<Turn> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (trim(item).empty()) throw InvalidInput("turns: empty item in " + shown(text));
        out.push_back(parse_turn(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace cogo
