#pragma once
/// \file character.hpp
/// Exact characters chi_k(x) = zeta_E^{<k,x>} of a finite Abelian group (see abelian_group.hpp), as values
/// of any Scalar, and a table of the E-th roots of unity so loops do not rebuild them.
#include <cstddef>
#include <vector>

#include "group/abelian_group.hpp"
#include "scalar/scalar.hpp"

namespace cogo {

/// chi_k(x) as an S.
template <Scalar S>
S character(const AbelianGroup& group, std::size_t k, std::size_t x) {
    return root_of_unity<S>(group.exponent(), static_cast<long>(group.pairing(k, x)));
}

/// The E-th roots of unity zeta_E^0..zeta_E^{E-1} of a group, built once; chi(k, x) and conj_chi(k, x) are
/// table look-ups.
template <Scalar S>
class CharacterTable {
public:
    explicit CharacterTable(const AbelianGroup& group) : group_(group) {
        const unsigned long e = group.exponent();
        roots_.reserve(e);
        for (unsigned long i = 0; i < e; ++i) roots_.push_back(root_of_unity<S>(e, static_cast<long>(i)));
    }
    /// chi_k(x).
    const S& chi(std::size_t k, std::size_t x) const { return roots_[group_.pairing(k, x)]; }
    /// conj(chi_k(x)) = chi_{-k}(x).
    const S& conj_chi(std::size_t k, std::size_t x) const {
        const unsigned long p = group_.pairing(k, x);
        return roots_[p == 0 ? 0 : group_.exponent() - p];
    }
    const AbelianGroup& group() const { return group_; }

private:
    AbelianGroup group_;
    std::vector<S> roots_;
};

}  // namespace cogo
