// Tests for src/io/turn_text.hpp: the exact, bounded text form "p/q" of a Turn.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;

TEST_CASE("parse_turn reads p/q and p into canonical turns") {
    CHECK(parse_turn("1/3") == Turn{1, 3});
    CHECK(parse_turn("-1/8") == Turn{-1, 8});
    CHECK(parse_turn("+3/4") == Turn{3, 4});
    CHECK(parse_turn("0") == Turn{0, 1});
    CHECK(parse_turn("0/7") == Turn{0, 1});
    CHECK(parse_turn("5") == Turn{5, 1});
    CHECK(parse_turn("2/6") == Turn{1, 3});
    CHECK(parse_turn("-6/4") == Turn{-3, 2});
    CHECK(parse_turn(" 1 / 12 ") == Turn{1, 12});
    for (const char* text : {"1/3", "-1/8", "0", "7/12", "-5"}) CHECK(to_string(parse_turn(text)) == text);
}

TEST_CASE("parse_turn throws InvalidInput on malformed text") {
    for (const char* bad : {"", " ", "/", "1/", "/3", "a", "1/0", "1/-3", "1/+3", "1.5", "1/3/4", "--1", "1/3x", "x1/3",
                            "1 2/3", "+", "-", "1,2"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(static_cast<void>(parse_turn(bad)), InvalidInput);
    }
    CHECK_THROWS_AS(make_turn(1, 0), InvalidInput);
}

TEST_CASE("parse_turns reads comma-separated lists, rejecting empty items") {
    const auto turns = parse_turns("1/3,1/4, -1/8");
    REQUIRE(turns.size() == 3);
    CHECK(turns[0] == Turn{1, 3});
    CHECK(turns[1] == Turn{1, 4});
    CHECK(turns[2] == Turn{-1, 8});
    CHECK(parse_turns("0").size() == 1);
    for (const char* bad : {"", ",", "1/3,", ",1/3", "1/3,,1/4", "1/3,x"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(static_cast<void>(parse_turns(bad)), InvalidInput);
    }
}

TEST_CASE("parse_turn is exact: large numerators reduce modulo q, large denominators are a resource limit") {
    // (10^23 - 1) mod 2 = 1 and mod 4 = 3 (so the same roots of unity)
    CHECK(parse_turn("99999999999999999999999/2") == Turn{1, 2});
    CHECK(parse_turn("-99999999999999999999999/4") == Turn{-3, 4});
    // 2^64 = 1 mod 3; the old parser refused 2^64 and wrapped nothing, the new one reads it exactly
    CHECK(parse_turn("18446744073709551616/3") == Turn{1, 3});
    // lowest terms first: (2^64 + 5)/7 has 2^64 + 5 = 0 mod 7
    CHECK(parse_turn("18446744073709551621/7") == Turn{2635249153387078803L, 1});
    CHECK(parse_turn("9223372036854775807") == Turn{9223372036854775807L, 1});
    CHECK(parse_turn("-9223372036854775808/3") == Turn{std::numeric_limits<long>::min(), 3});
    // beyond long: -(2^63 + 2)/3 with 2^63 + 2 = 1 mod 3 is the turn -1/3
    CHECK(parse_turn("-9223372036854775810/3") == Turn{-1, 3});
    // a denominator up to 2^64 - 1 is representable (the field it needs is refused when the value is built)
    CHECK(parse_turn("1/18446744073709551615") == Turn{1, 18446744073709551615UL});
    CHECK_THROWS_AS(turn_value<Cyclotomic>(parse_turn("1/18446744073709551615")), FieldTooLarge);
    CHECK_THROWS_AS(static_cast<void>(parse_turn("1/99999999999999999999999")), FieldTooLarge);
    CHECK_THROWS_AS(static_cast<void>(parse_turn("1/18446744073709551616")), FieldTooLarge);
    CHECK_THROWS_AS(static_cast<void>(parse_turn("2/36893488147419103232")), FieldTooLarge);  // = 1/2^64 in lowest terms
    CHECK(parse_turn("36893488147419103232/73786976294838206464") == Turn{1, 2});  // 2^65 / 2^66
    CHECK_THROWS_AS(static_cast<void>(parse_turn(std::string(max_turn_text + 1, '1'))), InvalidInput);
    CHECK_THROWS_AS(static_cast<void>(parse_turns(std::string(max_turn_text + 1, '1'))), InvalidInput);
}
