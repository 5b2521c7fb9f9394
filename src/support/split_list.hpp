#pragma once
/// \file split_list.hpp
/// The one splitter of comma-separated option values ("1/3,1/4", "5,7,11", "1:3,2:5").
#include <string>
#include <vector>

namespace cogo {

/// The items of a comma-separated list, in order, unchanged (no trimming). Throws InvalidInput naming `what`
/// (e.g. the option, "--group") on an empty list ("--group: no value given") or an empty item, as in "5,",
/// ",5" or "1,,2" ("--group: empty item in '1,,2'").
[[nodiscard]] std::vector<std::string> split_list(const std::string& text, const std::string& what);

}  // namespace cogo
