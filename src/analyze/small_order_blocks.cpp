#include "analyze/small_order_blocks.hpp"

#include <cmath>
#include <numbers>
#include <numeric>

#include "analyze/rounding.hpp"
#include "scalar/turn.hpp"

namespace cogo::analyze {

namespace {

double turns_of(Complex z) { return std::arg(z) / (2 * std::numbers::pi); }

/// x (in [0, 1]) snapped to a multiple of 1/4 within 0.02.
std::optional<long> quarter(double x) {
    const long p = std::lround(4 * x);
    if (std::abs(4 * x - static_cast<double>(p)) > 0.08) return std::nullopt;
    return p;
}

}  // namespace

std::size_t element_order(const AbelianGroup& g, std::size_t k) {
    const std::vector<unsigned long> c = g.coordinates(k);
    std::size_t order = 1;
    for (std::size_t i = 0; i < c.size(); ++i) order = std::lcm(order, g.moduli()[i] / std::gcd(c[i], g.moduli()[i]));
    return order;
}

std::optional<SnappedNode> snap_node_inputs(const FourierWeights& z, std::size_t k, std::size_t j,
                                            const SmallOrderOptions& options, std::string& why) {
    const AbelianGroup& g = z.group;
    const std::size_t mk = g.neg(k);
    double off = 0, all = 0;
    for (std::size_t kk = 0; kk < z.n(); ++kk) {
        const double e = std::norm(z.za(kk, j)) + std::norm(z.zb(kk, j));
        all += e;
        if (kk != k && kk != mk && kk != 0) off += e;
    }
    if (!(all > 0) || off > options.off_share * all) {
        why = "a node has inputs at other frequencies";
        return std::nullopt;
    }
    const Complex a = z.za(k, j), b = z.zb(k, j);
    const bool a_larger = std::abs(a) >= std::abs(b);
    const Complex big = a_larger ? a : b, small = a_larger ? b : a;
    const double t = std::abs(big);
    if (!(t > 0)) {
        why = "a node has no input at k";
        return std::nullopt;
    }
    const auto ratio = quarter(std::abs(small) / t);
    if (!ratio) {
        why = "a node's input ratio |b/a| is not near a multiple of 1/4";
        return std::nullopt;
    }
    bool on_grid = false;
    const Turn big_turn = snap_turn(turns_of(big), options.snap_tolerance, on_grid);
    const Cyclotomic big_exact = turn_value<Cyclotomic>(big_turn);
    Cyclotomic small_exact;
    if (*ratio != 0) {
        // relative phase on the 1/24 grid if close (relations such as a = +-i b kept exactly), else the smaller
        // entry's own phase snapped like the larger one's (a grid rounding commutes with negation, conjugation and
        // multiplication by i, so relations between nodes such as a_1 = -b_2, b_1 = conj(a_2) survive)
        bool rel_on_grid = false;
        const Turn rel_turn = snap_turn(turns_of(small / big), options.ratio_tolerance, rel_on_grid);
        bool own_on_grid = false;
        const Cyclotomic unit = rel_on_grid ? big_exact * turn_value<Cyclotomic>(rel_turn)
                                            : turn_value<Cyclotomic>(snap_turn(turns_of(small), options.snap_tolerance, own_on_grid));
        small_exact = unit * Cyclotomic::rational(*ratio, 4);
    }
    const Cyclotomic ea = a_larger ? big_exact : small_exact, eb = a_larger ? small_exact : big_exact;
    SnappedNode out;
    out.t = t;
    // the input mean (only z_a[0] + z_b[0] matters: the shift gauge), split equally as the canonical gauge does
    const double dc = (z.za(0, j) + z.zb(0, j)).real() / t;
    const long p = std::lround(4 * dc);
    if (std::abs(4 * dc - static_cast<double>(p)) > 0.08) {
        why = "a node's input mean (z_a[0] + z_b[0]) / |a| is not near a multiple of 1/4 (a DC-carrying block whose "
              "exact point is in general not cyclotomic)";
        return std::nullopt;
    }
    if (p != 0) {
        out.node.a.emplace_back(0, Cyclotomic::rational(p, 8));
        out.node.b.emplace_back(0, Cyclotomic::rational(p, 8));
    }
    for (auto [row, v] : {std::pair{&out.node.a, ea}, std::pair{&out.node.b, eb}}) {
        if (v.is_zero()) continue;
        row->emplace_back(k, v);
        if (mk != k) row->emplace_back(mk, v.conj());
    }
    return out;
}

}  // namespace cogo::analyze
