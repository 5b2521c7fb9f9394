#include "cli/limit_options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>

#include "support/error.hpp"

namespace cogo::cli {

namespace {

std::string shown(const std::string& text) { return "'" + (text.size() <= 40 ? text : text.substr(0, 40) + "...") + "'"; }

/// A plain decimal integer below ResourceLimits::unlimited; nullopt-like false if malformed or too large.
bool parse_count(const std::string& digits, std::uint64_t& out) {
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc() && ptr == digits.data() + digits.size() && out != ResourceLimits::unlimited;
}

}  // namespace

std::uint64_t parse_terms_limit(const std::string& text, const std::string& option) {
    if (text == "unlimited") return ResourceLimits::unlimited;
    std::uint64_t v = 0;
    if (!parse_count(text, v))
        throw InvalidInput(option + ": expected a non-negative integer below 2^64 - 1 or 'unlimited', got " + shown(text));
    return v;
}

std::uint64_t parse_memory_limit(const std::string& text, const std::string& option) {
    if (text == "unlimited") return ResourceLimits::unlimited;
    std::string digits = text;
    unsigned shift = 0;
    if (!digits.empty()) {
        switch (digits.back()) {
            case 'K': case 'k': shift = 10; break;
            case 'M': case 'm': shift = 20; break;
            case 'G': case 'g': shift = 30; break;
            case 'T': case 't': shift = 40; break;
            default: break;
        }
        if (shift != 0) digits.pop_back();
    }
    std::uint64_t v = 0;
    if (!parse_count(digits, v) || (shift != 0 && v > (ResourceLimits::unlimited - 1) >> shift))
        throw InvalidInput(option + ": expected bytes with an optional K, M, G or T suffix (e.g. 512M, 4G) below 2^64 - 1, "
                                    "or 'unlimited', got " + shown(text));
    return v << shift;
}

void add_limit_options(CLI::App* command, ResourceLimits& limits) {
    auto wrap = [](const char* option, auto parse, std::uint64_t& target) {
        return [option, parse, &target](const std::string& text) {
            try {
                target = parse(text, option);
            } catch (const InvalidInput& e) {
                throw CLI::ValidationError(std::string(e.what()));
            }
        };
    };
    command
        ->add_option_function<std::string>("--max-terms", wrap("--max-terms", parse_terms_limit, limits.max_terms),
                                           "Work limit of each exact phase in coefficient terms (scalar operations x "
                                           "the field degree phi(N)), or 'unlimited'; beyond it: exit 3")
        ->default_str(std::to_string(limits.max_terms));
    command
        ->add_option_function<std::string>("--max-memory", wrap("--max-memory", parse_memory_limit, limits.max_memory),
                                           "Memory limit of each exact phase (estimated before it runs): bytes with "
                                           "an optional K/M/G/T suffix, or 'unlimited'; beyond it: exit 3")
        ->default_str(std::to_string(limits.max_memory >> 20) + "M");
}

}  // namespace cogo::cli
