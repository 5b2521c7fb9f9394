#include "analyze/rounding.hpp"

#include <cmath>

#include "algebra/linear_algebra.hpp"
#include "construct/global_solutions.hpp"

namespace cogo::analyze {

Turn snap_turn(double turns, double tolerance, bool& on_small_grid) {
    turns -= std::floor(turns);
    const long p24 = std::lround(turns * 24);
    if (std::abs(turns - static_cast<double>(p24) / 24) <= tolerance) {
        on_small_grid = true;
        return make_turn(p24 % 24, 24);
    }
    on_small_grid = false;
    return make_turn(std::lround(turns * 120) % 120, 120);
}

Element<Cyclotomic> family_block(const AbelianGroup& group, std::size_t k, BlockFamily family, const Turn& p1,
                                 const Turn& p2, int sign) {
    switch (family) {
        case BlockFamily::nu_syn: return nu_syn_block<Cyclotomic>(group, k, turn_value<Cyclotomic>(p1));
        case BlockFamily::nui_synab:
            return nui_synab_block<Cyclotomic>(group, k, turn_value<Cyclotomic>(p1), turn_value<Cyclotomic>(p2));
        case BlockFamily::nui_xi: return nui_xi_block<Cyclotomic>(group, k, turn_value<Cyclotomic>(p1), sign);
        case BlockFamily::real_frequency:
        case BlockFamily::solved:
        case BlockFamily::inputs_snapped:
        case BlockFamily::group_domain:
        case BlockFamily::number_field:
        case BlockFamily::unknown: break;
    }
    throw InvalidInput("family_block: no family");
}

Cyclotomic bias_weight(const Element<Cyclotomic>& block, std::size_t k, const std::vector<Cyclotomic>& v) {
    Cyclotomic sum;
    for (std::size_t f = 0; f < block.order(); ++f) {
        const Cyclotomic a = block.entry(Part::a, k, f), b = block.entry(Part::b, k, f);
        sum = sum + (norm2(a) + norm2(b)) * v[f];
    }
    return sum;
}

std::vector<std::vector<Cyclotomic>> bias_directions(const Element<Cyclotomic>& block, std::size_t k) {
    const AbelianGroup& g = block.group();
    const std::size_t q = block.order(), mk = g.neg(k);
    // rows: the potentials an output direction must not create
    std::vector<std::vector<Cyclotomic>> M(8, std::vector<Cyclotomic>(q));
    for (std::size_t f = 0; f < q; ++f) {
        const Cyclotomic a = block.entry(Part::a, k, f), ab = block.entry(Part::a, mk, f);
        const Cyclotomic b = block.entry(Part::b, k, f), bb = block.entry(Part::b, mk, f);
        const Cyclotomic row[8] = {a * b, ab * b, a * bb, ab * bb, a * a, ab * ab, b * b, bb * bb};
        for (std::size_t r = 0; r < 8; ++r) M[r][f] = row[r];
    }
    return kernel<Cyclotomic>(std::move(M), q);
}

Cyclotomic gaussian_rational(Complex value, long den) {
    const Cyclotomic re = Cyclotomic::rational(std::lround(value.real() * static_cast<double>(den)), den);
    const Cyclotomic im = Cyclotomic::rational(std::lround(value.imag() * static_cast<double>(den)), den);
    return re + im * Cyclotomic::zeta(4, 1);
}

}  // namespace cogo::analyze
