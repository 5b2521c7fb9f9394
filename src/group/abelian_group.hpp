#pragma once
/// \file abelian_group.hpp
/// Finite Abelian groups G = Z_{d1} x ... x Z_{dm}, their elements, and the dual group.
///
/// Elements are flat indices 0..|G|-1 in mixed radix, the LAST factor varying fastest
/// (index = ((x_1 d_2 + x_2) d_3 + x_3) ...), so Z_d's element x is simply the index x.
/// The dual group (frequencies) is identified with G through the pairing
///     <k, x> = sum_i k_i x_i (E / d_i)  mod E,    E = exponent of G = lcm(d_i),
/// and the character chi_k(x) = zeta_E^{<k,x>} (see character.hpp for its exact value).
/// For Z_d this is chi_k(x) = zeta_d^{k x}, the convention of docs/theory.md section 2.
#include <cstddef>
#include <string>
#include <vector>

namespace cogo {

/// A finite Abelian group given by its cyclic factors.
class AbelianGroup {
public:
    /// Largest group order cogo accepts (the algebra stores |G|-sized tables).
    static constexpr std::size_t max_order = 1UL << 22;

    /// Z_{d1} x ... x Z_{dm}; throws InvalidInput if there is no factor, a factor < 2, or |G| > max_order.
    explicit AbelianGroup(std::vector<unsigned long> moduli);
    /// The cyclic group Z_d; throws InvalidInput if d < 2.
    static AbelianGroup cyclic(unsigned long d);
    /// Parses "N" (cyclic) or "d1xd2x...": e.g. "23", "2x4", "3x3"; throws InvalidInput if malformed.
    static AbelianGroup parse(const std::string& text);

    /// |G|.
    std::size_t order() const { return order_; }
    /// The factors d_1..d_m as given.
    const std::vector<unsigned long>& moduli() const { return moduli_; }
    /// The exponent lcm(d_i): every character value is an exponent-th root of unity.
    unsigned long exponent() const { return exponent_; }
    /// True for Z_d (one factor).
    bool is_cyclic_presentation() const { return moduli_.size() == 1; }

    /// Coordinates (x_1..x_m) of element x.
    std::vector<unsigned long> coordinates(std::size_t x) const;
    /// Element with the given coordinates (each reduced mod d_i); throws ShapeMismatch on a wrong count.
    std::size_t element(const std::vector<long>& coords) const;

    /// x + y.
    std::size_t add(std::size_t x, std::size_t y) const;
    /// -x.
    std::size_t neg(std::size_t x) const;
    /// x - y.
    std::size_t sub(std::size_t x, std::size_t y) const { return add(x, neg(y)); }
    /// s x (integer multiple, s may be negative).
    std::size_t mul(long s, std::size_t x) const;
    /// True iff x = -x (a real character when x is a frequency).
    bool is_self_conjugate(std::size_t x) const { return neg(x) == x; }
    /// True iff x -> s x is an automorphism, i.e. gcd(s, exponent) = 1.
    bool is_coprime_to_exponent(long s) const;

    /// <k, x> in Z_E (see the file comment): chi_k(x) = zeta_E^pairing(k, x).
    unsigned long pairing(std::size_t k, std::size_t x) const;

    /// "Z_5", "Z_2 x Z_4".
    std::string name() const;
    /// The compact form accepted by parse(): "5", "2x4".
    std::string spec() const;

    friend bool operator==(const AbelianGroup& a, const AbelianGroup& b) { return a.moduli_ == b.moduli_; }

private:
    void check_element(std::size_t x) const;
    std::vector<unsigned long> moduli_;
    std::vector<unsigned long> weight_;  // E / d_i
    std::size_t order_ = 0;
    unsigned long exponent_ = 1;
};

}  // namespace cogo
