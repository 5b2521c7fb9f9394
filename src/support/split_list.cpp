#include "support/split_list.hpp"

#include <cstddef>

#include "support/error.hpp"

namespace cogo {

std::vector<std::string> split_list(const std::string& text, const std::string& what) {
    if (text.empty()) throw InvalidInput(what + ": no value given");
    std::vector<std::string> items;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        items.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (items.back().empty()) throw InvalidInput(what + ": empty item in '" + text + "'");
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return items;
}

}  // namespace cogo
