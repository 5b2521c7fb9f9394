// Tests for src/support/split_list.hpp: items in order and unchanged; an empty list or item refused, named.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/error.hpp"
#include "support/split_list.hpp"

using namespace cogo;

namespace {

std::string message_of(const std::string& text) {
    try {
        (void)split_list(text, "--opt");
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("split_list keeps every item in order, unchanged") {
    CHECK(split_list("a", "--opt") == std::vector<std::string>{"a"});
    CHECK(split_list("1/3,1/4, -1/8", "--opt") == std::vector<std::string>{"1/3", "1/4", " -1/8"});
    CHECK(split_list("5,5,5", "--opt").size() == 3);
    CHECK(split_list(" ", "--opt") == std::vector<std::string>{" "});  // blanks are the caller's to judge
}

TEST_CASE("split_list refuses an empty list or an empty item, naming the option and the text") {
    CHECK(message_of("") == "--opt: no value given");
    CHECK(message_of(",") == "--opt: empty item in ','");
    CHECK(message_of("5,") == "--opt: empty item in '5,'");
    CHECK(message_of(",5") == "--opt: empty item in ',5'");
    CHECK(message_of("1,,2") == "--opt: empty item in '1,,2'");
    CHECK(message_of("1,2") == "");
}
