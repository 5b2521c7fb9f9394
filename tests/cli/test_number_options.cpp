// Tests for src/cli/number_options.hpp: numbers typed on the command line are read exactly or refused.
// Expected values come from the decimal text itself (digit arithmetic, strtod's correct rounding), never
// from the code under test.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/number_options.hpp"
#include "support/error.hpp"

using namespace cogo;
using namespace cogo::cli;

namespace {

/// Parses `args` (after the program name) on `app`; returns CLI11's error text, empty on success.
std::string parse(CLI::App& app, std::vector<std::string> args) {
    std::vector<const char*> argv{"cogo"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
    } catch (const CLI::ParseError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("parse_whole_number reads plain decimal digits exactly and refuses everything else") {
    CHECK(parse_whole_number("0", 0, 10, "--n") == 0);
    CHECK(parse_whole_number("007", 0, 10, "--n") == 7);  // leading zeros mean nothing (not octal)
    CHECK(parse_whole_number("010", 0, 10, "--n") == 10);
    CHECK(parse_whole_number("18446744073709551615", 0, max_of<std::uint64_t>, "--seed") == 18446744073709551615ULL);
    CHECK_THROWS_WITH_AS((void)parse_whole_number("18446744073709551616", 0, max_of<std::uint64_t>, "--seed"),
                         doctest::Contains("--seed: '18446744073709551616' is too large"), InvalidInput);
    CHECK_THROWS_WITH_AS((void)parse_whole_number("-1", 0, 10, "--k0"), doctest::Contains("--k0: '-1' is negative"),
                         InvalidInput);
    CHECK_THROWS_WITH_AS((void)parse_whole_number("11", 0, 10, "--n"),
                         doctest::Contains("expected a whole number in 0..10"), InvalidInput);
    CHECK_THROWS_WITH_AS((void)parse_whole_number("0", 1, 10, "--n"), doctest::Contains("too small"), InvalidInput);
    for (const char* bad : {"", "+5", " 5", "5 ", "0x10", "1e3", "2^64", "5,", "1.0", "-0", "--1", "five"})
        CHECK_THROWS_AS((void)parse_whole_number(bad, 0, 1000, "--n"), InvalidInput);
    // a hostile argument is not echoed whole
    const std::string huge(10000, '9');
    try {
        (void)parse_whole_number(huge, 0, 10, "--n");
        FAIL("accepted");
    } catch (const InvalidInput& e) {
        CHECK(std::string(e.what()).size() < 200);
    }
}

TEST_CASE("parse_whole_number_list: every item exact, no empty item") {
    CHECK(parse_whole_number_list("1,020,300", 0, 1000, "--checkpoint") == std::vector<std::uint64_t>{1, 20, 300});
    CHECK(parse_whole_number_list("5", 0, 1000, "--checkpoint") == std::vector<std::uint64_t>{5});
    CHECK(parse_whole_number_list("5,5", 0, 1000, "--checkpoint") == std::vector<std::uint64_t>{5, 5});
    for (const char* bad : {"", ",", "5,", ",5", "5,,6", "5,-1", "5,1001", "5;6"})
        CHECK_THROWS_AS((void)parse_whole_number_list(bad, 0, 1000, "--checkpoint"), InvalidInput);
    CHECK_THROWS_WITH_AS((void)parse_whole_number_list("5,", 0, 1000, "--checkpoint"),
                         doctest::Contains("--checkpoint: empty item in the list '5,'"), InvalidInput);
}

TEST_CASE("parse_real_number: finite, in range, correctly rounded") {
    const RealRange unit{0, 1};
    CHECK(parse_real_number("0.1", unit, "--x") == std::strtod("0.1", nullptr));
    CHECK(parse_real_number("+0.5", unit, "--x") == 0.5);
    CHECK(parse_real_number("1e-4", unit, "--x") == std::strtod("1e-4", nullptr));
    CHECK(parse_real_number("1", unit, "--x") == 1.0);
    CHECK(parse_real_number("0", unit, "--x") == 0.0);
    CHECK(parse_real_number("-2.5", RealRange{-3, 3}, "--x") == -2.5);
    for (const char* bad : {"nan", "NaN", "inf", "-inf", "", "+", "++1", "0x1p-2", "0.5x", "1,5", "1e400", "-0.1", "1.5"})
        CHECK_THROWS_AS((void)parse_real_number(bad, unit, "--x"), InvalidInput);
    CHECK_THROWS_WITH_AS((void)parse_real_number("nan", unit, "--factor-tolerance"),
                         doctest::Contains("--factor-tolerance: 'nan' is not finite; expected a finite number in [0, 1]"),
                         InvalidInput);
    // open ends
    CHECK_THROWS_AS((void)parse_real_number("0", RealRange{0, 1, true, false}, "--lr"), InvalidInput);
    CHECK_THROWS_AS((void)parse_real_number("1", RealRange{0, 1, false, true}, "--test-fraction"), InvalidInput);
    CHECK(parse_real_number("0.999", RealRange{0, 1, false, true}, "--test-fraction") == std::strtod("0.999", nullptr));
    CHECK(to_string(RealRange{0, 1, false, true}) == "[0, 1)");
    CHECK(to_string(RealRange{0, 1e6, true, false}) == "(0, 1e+06]");
}

TEST_CASE("whole_number as a CLI11 transform: exact values, no wrap, no octal, message names the option") {
    CLI::App app;
    std::size_t width = 3;
    std::uint64_t seed = 1;
    std::optional<std::size_t> k0;
    app.add_option("--width", width)->transform(whole_number(1, 64));
    app.add_option("--seed", seed)->transform(whole_number(0, max_of<std::uint64_t>));
    app.add_option("--k0", k0)->transform(whole_number(0, 100));

    CHECK(parse(app, {"--width", "010", "--seed", "18446744073709551615", "--k0", "5"}).empty());
    CHECK(width == 10);  // CLI11 alone reads "010" as octal 8
    CHECK(seed == 18446744073709551615ULL);
    CHECK(k0 == std::optional<std::size_t>(5));

    CHECK(parse(app, {"--seed", "-1"}).find("--seed") != std::string::npos);  // CLI11 alone wraps to 2^64 - 1
    CHECK(parse(app, {"--seed", "-1"}).find("negative") != std::string::npos);
    CHECK(parse(app, {"--seed", "18446744073709551616"}).find("too large") != std::string::npos);
    CHECK(parse(app, {"--k0", "-1"}).find("negative") != std::string::npos);
    CHECK(parse(app, {"--width", "0x10"}).find("plain decimal") != std::string::npos);
    CHECK(parse(app, {"--width", "65"}).find("1..64") != std::string::npos);
}

TEST_CASE("real_number as a CLI11 transform: NaN refused, the double is the correctly rounded one") {
    CLI::App app;
    double tolerance = 0.1, big = 1;
    app.add_option("--tol", tolerance)->transform(real_number({0, 1}));
    app.add_option("--big", big)->transform(real_number({0, 1e300}));
    CHECK_FALSE(parse(app, {"--tol", "nan"}).empty());
    CHECK_FALSE(parse(app, {"--tol", "-0.1"}).empty());
    CHECK_FALSE(parse(app, {"--tol", "inf"}).empty());
    CHECK(parse(app, {"--tol", "0.3"}).empty());
    CHECK(tolerance == std::strtod("0.3", nullptr));
    // 2^53 + 1 + 1e-10 lies just above the midpoint of the doubles 2^53 and 2^53 + 2: the correctly rounded
    // double is 2^53 + 2. CLI11 alone reads it as a long double (exactly the midpoint at 64-bit precision)
    // and rounds that to even, 2^53.
    const char* text = "9007199254740993.0000000001";
    const double correct = std::strtod(text, nullptr);
    REQUIRE(correct == 9007199254740994.0);
    CHECK(parse(app, {"--big", text}).empty());
    CHECK(big == correct);
}

TEST_CASE("group_spec and exclusive: the group is checked early and --d/--group may not both be given") {
    CLI::App app;
    std::string group;
    exclusive(app.add_option("--d", group)->check(group_spec()), app.add_option("--group", group)->check(group_spec()));
    CHECK(parse(app, {"--d", "23"}).empty());
    CHECK(group == "23");
    CHECK_FALSE(parse(app, {"--d", "7", "--group", "9"}).empty());
    CHECK(parse(app, {"--d", "1234567890"}).find("too large") != std::string::npos);
    CHECK(parse(app, {"--d", "1234567890"}).find("4194304") != std::string::npos);
    CHECK(parse(app, {"--group", "2x3x"}).find("cannot read") != std::string::npos);
    CHECK(parse(app, {"--group", "1"}).find("d >= 2") != std::string::npos);
    CHECK(parse(app, {"--group", "4096x4096"}).find("exceeds") != std::string::npos);
}

TEST_CASE("complement_fraction: 1 - F exactly from the decimal digits, F in (0, 1]") {
    CHECK(cli::complement_fraction("0.9", "--train-fraction") == 0.1);  // 1.0 - 0.9 is 0.09999999999999998
    CHECK(1.0 - 0.9 != 0.1);
    CHECK(cli::complement_fraction("0.3", "--train-fraction") == 0.7);
    CHECK(cli::complement_fraction(".5", "--train-fraction") == 0.5);
    CHECK(cli::complement_fraction("1", "--train-fraction") == 0.0);
    CHECK(cli::complement_fraction("1.000", "--train-fraction") == 0.0);
    CHECK(cli::complement_fraction("0.123456789012345678", "--train-fraction") == 0.876543210987654322);
    for (const char* bad : {"", "0", "0.0", "1.5", "2", "-0.5", "+0.5", "9e-1", "0.5.5", ".", "0x1p-1", "nan",
                            "0.1234567890123456789", " 0.5"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS((void)cli::complement_fraction(bad, "--train-fraction"), InvalidInput);
    }
    try {
        (void)cli::complement_fraction("1.5", "--train-fraction");
    } catch (const InvalidInput& e) {
        CHECK(std::string(e.what()).find("--train-fraction") != std::string::npos);
    }
}
