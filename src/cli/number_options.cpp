#include "cli/number_options.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "group/abelian_group.hpp"
#include "support/error.hpp"

namespace cogo::cli {

namespace {

std::string quoted(std::string_view text) {
    constexpr std::size_t kShown = 40;  // a hostile argument is not echoed whole
    if (text.size() <= kShown) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kShown)) + "...' (" + std::to_string(text.size()) + " characters)";
}

std::string whole_range(std::uint64_t lo, std::uint64_t hi) {
    return "a whole number in " + std::to_string(lo) + ".." + std::to_string(hi);
}

/// The error message for `text` (empty when it is a whole number in [lo, hi]; then `value` holds it).
std::string whole_number_error(std::string_view text, std::uint64_t lo, std::uint64_t hi, std::uint64_t& value) {
    const std::string expected = "expected " + whole_range(lo, hi);
    if (text.empty()) return "no value given; " + expected;
    if (text.front() == '-' && text.size() > 1 && text.find_first_not_of("0123456789", 1) == std::string_view::npos &&
        text.find_first_not_of('0', 1) != std::string_view::npos)
        return quoted(text) + " is negative; " + expected;
    if (text.find_first_not_of("0123456789") != std::string_view::npos)
        return quoted(text) + " is not a whole number in plain decimal digits; " + expected;
    std::uint64_t v = 0;
    for (const char c : text) {
        const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
            return quoted(text) + " is too large; " + expected;
        v = v * 10 + digit;
    }
    if (v < lo) return quoted(text) + " is too small; " + expected;
    if (v > hi) return quoted(text) + " is too large; " + expected;
    value = v;
    return {};
}

std::string real_number_error(std::string_view text, const RealRange& range, double& value) {
    const std::string expected = "expected a finite number in " + to_string(range);
    if (text.empty()) return "no value given; " + expected;
    std::string_view digits = text;
    if (digits.front() == '+') digits.remove_prefix(1);
    if (digits.empty() || digits.front() == '+' || (digits.front() == '-' && text.front() == '+'))
        return quoted(text) + " is not a decimal number; " + expected;
    double v = 0;
    const char* first = digits.data();
    const char* last = first + digits.size();
    const auto [end, ec] = std::from_chars(first, last, v, std::chars_format::general);
    if (ec == std::errc::result_out_of_range)
        return quoted(text) + " is beyond the range of a double; " + expected;
    if (ec != std::errc() || end != last)
        return quoted(text) + " is not a decimal number; " + expected;
    if (!std::isfinite(v)) return quoted(text) + " is not finite; " + expected;
    const bool low = range.lo_open ? !(v > range.lo) : !(v >= range.lo);
    const bool high = range.hi_open ? !(v < range.hi) : !(v <= range.hi);
    if (low || high) return quoted(text) + " is out of range; " + expected;
    value = v;
    return {};
}

std::string prefixed(std::string_view what, const std::string& message) {
    return what.empty() ? message : std::string(what) + ": " + message;
}

}  // namespace

std::uint64_t parse_whole_number(std::string_view text, std::uint64_t lo, std::uint64_t hi, std::string_view what) {
    std::uint64_t value = 0;
    const std::string error = whole_number_error(text, lo, hi, value);
    if (!error.empty()) throw InvalidInput(prefixed(what, error));
    return value;
}

std::vector<std::uint64_t> parse_whole_number_list(std::string_view text, std::uint64_t lo, std::uint64_t hi,
                                                   std::string_view what) {
    if (text.empty()) throw InvalidInput(prefixed(what, "no value given; expected " + whole_range(lo, hi) + " or a comma-separated list"));
    std::vector<std::uint64_t> values;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        const std::string_view item = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (item.empty()) throw InvalidInput(prefixed(what, "empty item in the list " + quoted(text)));
        values.push_back(parse_whole_number(item, lo, hi, what));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return values;
}

std::string to_string(const RealRange& range) {
    auto number = [](double v) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", v);
        return std::string(buffer);
    };
    return (range.lo_open ? "(" : "[") + number(range.lo) + ", " + number(range.hi) + (range.hi_open ? ")" : "]");
}

double parse_real_number(std::string_view text, const RealRange& range, std::string_view what) {
    double value = 0;
    const std::string error = real_number_error(text, range, value);
    if (!error.empty()) throw InvalidInput(prefixed(what, error));
    return value;
}

double complement_fraction(std::string_view text, std::string_view what) {
    const std::string expected = "expected a share in (0, 1] in plain decimal digits (at most 18 after the point)";
    if (text.empty()) throw InvalidInput(prefixed(what, "no value given; " + expected));
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
    auto digits_only = [](std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; };
    if ((whole.empty() && fraction.empty()) || !digits_only(whole) || !digits_only(fraction) || fraction.size() > 18 ||
        whole.size() > 40)
        throw InvalidInput(prefixed(what, quoted(text) + " is not a plain decimal number; " + expected));
    const bool whole_zero = whole.find_first_not_of('0') == std::string_view::npos;
    const bool whole_one = !whole_zero && whole.substr(whole.find_first_not_of('0')) == "1";
    const bool fraction_zero = fraction.find_first_not_of('0') == std::string_view::npos;
    if (!(whole_zero || whole_one) || (whole_one && !fraction_zero) || (whole_zero && fraction_zero))
        throw InvalidInput(prefixed(what, quoted(text) + " is out of range; " + expected));
    if (whole_one) return 0.0;
    // 1 - 0.f = (10^k - f) / 10^k, written out with k digits after the point and read back correctly rounded
    std::uint64_t f = 0, power = 1;
    for (const char c : fraction) {
        f = f * 10 + static_cast<std::uint64_t>(c - '0');
        power *= 10;
    }
    std::string rest = std::to_string(power - f);
    rest.insert(0, fraction.size() - rest.size(), '0');
    const std::string complement = "0." + rest;
    double value = 0;
    std::from_chars(complement.data(), complement.data() + complement.size(), value);
    return value;
}

CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
    return CLI::Validator(
        [lo, hi](std::string& text) -> std::string {
            std::uint64_t value = 0;
            std::string error = whole_number_error(text, lo, hi, value);
            if (error.empty()) text = std::to_string(value);  // CLI11 would read "010" as octal
            return error;
        },
        "INT in " + std::to_string(lo) + ".." + std::to_string(hi));
}

CLI::Validator real_number(RealRange range) {
    return CLI::Validator(
        [range](std::string& text) -> std::string {
            double value = 0;
            std::string error = real_number_error(text, range, value);
            if (error.empty()) {
                // a hexadecimal float is exact: CLI11's strtold + cast reproduces the double bit for bit
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "%a", value);
                text = buffer;
            }
            return error;
        },
        "NUMBER in " + to_string(range));
}

CLI::Validator group_spec() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                (void)AbelianGroup::parse(text);
            } catch (const InvalidInput& e) {
                return e.what();
            }
            return {};
        },
        "GROUP");
}

void exclusive(CLI::Option* a, CLI::Option* b) { a->excludes(b); }

}  // namespace cogo::cli
