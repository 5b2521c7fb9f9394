#include "group/abelian_group.hpp"

#include <numeric>
#include <sstream>

#include "support/error.hpp"

namespace cogo {

AbelianGroup::AbelianGroup(std::vector<unsigned long> moduli) : moduli_(std::move(moduli)) {
    if (moduli_.empty()) throw InvalidInput("group: at least one cyclic factor Z_d is needed");
    order_ = 1;
    for (unsigned long d : moduli_) {
        if (d < 2) throw InvalidInput("group: every factor Z_d needs d >= 2 (got d = " + std::to_string(d) + ")");
        if (order_ > max_order / d)
            throw InvalidInput("group: order exceeds the limit " + std::to_string(max_order));
        order_ *= d;
        exponent_ = std::lcm(exponent_, d);
    }
    for (unsigned long d : moduli_) weight_.push_back(exponent_ / d);
}

AbelianGroup AbelianGroup::cyclic(unsigned long d) {
    if (d < 2) throw InvalidInput("group: the modulus d must be >= 2 (got d = " + std::to_string(d) + ")");
    return AbelianGroup({d});
}

AbelianGroup AbelianGroup::parse(const std::string& text) {
    std::vector<unsigned long> moduli;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, 'x')) {
        if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos)
            throw InvalidInput("group: cannot read '" + text + "' (expected e.g. 23 or 2x3x4)");
        const std::size_t digits = part.find_first_not_of('0') == std::string::npos ? 1 : part.size() - part.find_first_not_of('0');
        if (digits > 9 || std::stoul(part) > max_order)
            throw InvalidInput("group: the factor " + (part.size() > 20 ? part.substr(0, 20) + "..." : part) +
                               " is too large (the group order is limited to " + std::to_string(max_order) + ")");
        moduli.push_back(std::stoul(part));
    }
    if (moduli.empty() || text.back() == 'x')
        throw InvalidInput("group: cannot read '" + text + "' (expected e.g. 23 or 2x3x4)");
    return AbelianGroup(std::move(moduli));
}

void AbelianGroup::check_element(std::size_t x) const {
    if (x >= order_)
        throw InvalidInput("group: element index " + std::to_string(x) + " out of range for " + name());
}

std::vector<unsigned long> AbelianGroup::coordinates(std::size_t x) const {
    check_element(x);
    std::vector<unsigned long> c(moduli_.size());
    for (std::size_t i = moduli_.size(); i-- > 0;) {
        c[i] = x % moduli_[i];
        x /= moduli_[i];
    }
    return c;
}

std::size_t AbelianGroup::element(const std::vector<long>& coords) const {
    if (coords.size() != moduli_.size())
        throw ShapeMismatch("group: " + std::to_string(coords.size()) + " coordinates for " + name());
    std::size_t x = 0;
    for (std::size_t i = 0; i < moduli_.size(); ++i) {
        const long d = static_cast<long>(moduli_[i]);
        x = x * moduli_[i] + static_cast<std::size_t>(((coords[i] % d) + d) % d);
    }
    return x;
}

std::size_t AbelianGroup::add(std::size_t x, std::size_t y) const {
    check_element(x);
    check_element(y);
    if (moduli_.size() == 1) return (x + y) % order_;
    std::size_t result = 0, place = 1;
    for (std::size_t i = moduli_.size(); i-- > 0;) {
        const unsigned long d = moduli_[i];
        result += ((x % d + y % d) % d) * place;
        place *= d;
        x /= d;
        y /= d;
    }
    return result;
}

std::size_t AbelianGroup::neg(std::size_t x) const {
    check_element(x);
    if (moduli_.size() == 1) return (order_ - x) % order_;
    std::size_t result = 0, place = 1;
    for (std::size_t i = moduli_.size(); i-- > 0;) {
        const unsigned long d = moduli_[i];
        result += ((d - x % d) % d) * place;
        place *= d;
        x /= d;
    }
    return result;
}

std::size_t AbelianGroup::mul(long s, std::size_t x) const {
    const auto c = coordinates(x);
    std::vector<long> scaled(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        const long d = static_cast<long>(moduli_[i]);
        scaled[i] = ((s % d) * static_cast<long>(c[i])) % d;
    }
    return element(scaled);
}

bool AbelianGroup::is_coprime_to_exponent(long s) const {
    const long e = static_cast<long>(exponent_);
    return std::gcd(((s % e) + e) % e, e) == 1;
}

unsigned long AbelianGroup::pairing(std::size_t k, std::size_t x) const {
    check_element(k);
    check_element(x);
    unsigned long sum = 0;
    for (std::size_t i = moduli_.size(); i-- > 0;) {
        const unsigned long d = moduli_[i];
        // (k_i x_i mod d_i) * E/d_i < E, so the sum stays below m * E: no overflow for sane groups.
        sum = (sum + ((k % d) * (x % d) % d) * weight_[i]) % exponent_;
        k /= d;
        x /= d;
    }
    return sum;
}

std::string AbelianGroup::name() const {
    std::string s;
    for (std::size_t i = 0; i < moduli_.size(); ++i) s += (i ? " x Z_" : "Z_") + std::to_string(moduli_[i]);
    return s;
}

std::string AbelianGroup::spec() const {
    std::string s;
    for (std::size_t i = 0; i < moduli_.size(); ++i) s += (i ? "x" : "") + std::to_string(moduli_[i]);
    return s;
}

}  // namespace cogo
