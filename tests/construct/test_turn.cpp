// Tests for src/construct/turn.hpp: parameters given as fractions of a turn, exp(2 pi i p/q).
#include <doctest/doctest.h>

#include <string>

#include "construct/turn.hpp"
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
                            "1 2/3", "99999999999999999999999/2", "1/99999999999999999999999", "+", "-", "1,2"}) {
        CAPTURE(std::string(bad));
        CHECK_THROWS_AS(parse_turn(bad), InvalidInput);
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
        CHECK_THROWS_AS(parse_turns(bad), InvalidInput);
    }
}

TEST_CASE("turn_value is exp(2 pi i p/q) exactly") {
    CHECK(turn_value<Cyclotomic>(Turn{1, 3}) == Cyclotomic::zeta(3));
    CHECK(turn_value<Cyclotomic>(Turn{-1, 8}) == Cyclotomic::zeta(8).conj());
    CHECK(turn_value<Cyclotomic>(Turn{0, 1}) == Cyclotomic(1));
    CHECK(turn_value<Cyclotomic>(Turn{1, 2}) == Cyclotomic(-1));
    CHECK(turn_value<Cyclotomic>(Turn{3, 4}) == -Cyclotomic::zeta(4));
    CHECK(turn_value<Cyclotomic>(Turn{5, 4}) == Cyclotomic::zeta(4));
    const auto values = turn_values<Cyclotomic>(parse_turns("1/4,1/12"));
    REQUIRE(values.size() == 2);
    CHECK(values[1] * values[1] * values[1] == values[0]);
    // The defaults of THEORY.md / the CLI.
    CHECK(default_nu == Turn{1, 3});
    CHECK(default_xi == Turn{1, 8});
    CHECK(default_alpha == Turn{0, 1});
    CHECK(default_beta == Turn{0, 1});
    CHECK(default_sign == 1);
}
