#pragma once
/// \file files.hpp
/// Reading back what a test wrote: the whole content of a file, no cap (the tests' own small files; cogo's
/// readers of user input are io/bounded_read.hpp).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace cogo::testing {

/// The whole content of `path`; fails the test (REQUIRE) if it cannot be opened or read.
[[nodiscard]] inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
    std::ostringstream content;
    content << in.rdbuf();
    REQUIRE_MESSAGE(!in.bad(), "cannot read " << path.string());
    return content.str();
}

}  // namespace cogo::testing
