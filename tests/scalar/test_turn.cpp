// Tests for src/scalar/turn.hpp: parameters given as fractions of a turn, exp(2 pi i p/q).
#include <doctest/doctest.h>

#include "scalar/turn.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;

TEST_CASE("turn_value is exp(2 pi i p/q) exactly") {
    CHECK(turn_value<Cyclotomic>(Turn{1, 3}) == Cyclotomic::zeta(3));
    CHECK(turn_value<Cyclotomic>(Turn{-1, 8}) == Cyclotomic::zeta(8).conj());
    CHECK(turn_value<Cyclotomic>(Turn{0, 1}) == Cyclotomic(1));
    CHECK(turn_value<Cyclotomic>(Turn{1, 2}) == Cyclotomic(-1));
    CHECK(turn_value<Cyclotomic>(Turn{3, 4}) == -Cyclotomic::zeta(4));
    CHECK(turn_value<Cyclotomic>(Turn{5, 4}) == Cyclotomic::zeta(4));
    const auto values = turn_values<Cyclotomic>({Turn{1, 4}, Turn{1, 12}});
    REQUIRE(values.size() == 2);
    CHECK(values[1] * values[1] * values[1] == values[0]);
    // The defaults of docs/theory.md / the CLI.
    CHECK(default_nu == Turn{1, 3});
    CHECK(default_xi == Turn{1, 8});
    CHECK(default_alpha == Turn{0, 1});
    CHECK(default_beta == Turn{0, 1});
    CHECK(default_sign == 1);
}

TEST_CASE("make_turn reduces to lowest terms with the sign in the numerator; to_string prints p/q or p") {
    CHECK(make_turn(2, 6) == Turn{1, 3});
    CHECK(make_turn(-6, 4) == Turn{-3, 2});
    CHECK(make_turn(0, 7) == Turn{0, 1});
    CHECK(make_turn(10, 5) == Turn{2, 1});
    CHECK(make_turn(9, 8) == Turn{9, 8});  // not reduced modulo den
    CHECK_THROWS_AS(static_cast<void>(make_turn(1, 0)), InvalidInput);
    CHECK(to_string(Turn{-1, 8}) == "-1/8");
    CHECK(to_string(Turn{5, 1}) == "5");
    CHECK(to_string(Turn{0, 1}) == "0");
}
