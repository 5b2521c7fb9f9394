#include "analyze/assignment.hpp"

#include <algorithm>
#include <cmath>

namespace cogo::analyze {

namespace {

/// x / total, 0 for an empty part (a node may have an all-zero b row).
double ratio(double x, double total) { return total > 0 ? x / total : 0.0; }

}  // namespace

NodeAssignment assign_nodes(const FourierWeights& z, const AssignmentOptions& options) {
    const AbelianGroup& g = z.group;
    const std::size_t n = z.n();
    NodeAssignment out;
    out.nodes.resize(z.q);
    std::vector<double> ea(n), eb(n), ec(n);  // energies by pair representative (index = representative)
    struct Energies {
        double ta, tb, tc;
    };
    std::vector<Energies> totals(z.q);
    for (std::size_t j = 0; j < z.q; ++j) {
        double ta = 0, tb = 0, tc = 0;
        for (std::size_t k = 0; k < n; ++k) {
            ta += std::norm(z.za(k, j));
            tb += std::norm(z.zb(k, j));
            if (k != 0) tc += std::norm(z.zc(k, j));
        }
        totals[j] = {ta, tb, tc};
        // |c| (|a|^2 + |b|^2): invariant under the scale gauge (t a, t b, c / t^2); the shift gauge is fixed
        // by the caller (gauge.hpp), so that ta + tb is invariant too
        out.nodes[j].strength = (ta + tb) * std::sqrt(tc);
        out.max_strength = std::max(out.max_strength, out.nodes[j].strength);
    }
    for (std::size_t j = 0; j < z.q; ++j) {
        NodeInfo& info = out.nodes[j];
        if (!(info.strength > options.dead_threshold * out.max_strength) || out.max_strength == 0) {
            info.dead = true;
            ++out.dead;
            out.max_dead_strength =
                std::max(out.max_dead_strength, out.max_strength > 0 ? info.strength / out.max_strength : 0.0);
            continue;
        }
        std::fill(ea.begin(), ea.end(), 0.0);
        std::fill(eb.begin(), eb.end(), 0.0);
        std::fill(ec.begin(), ec.end(), 0.0);
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t r = pair_of(g, k);
            ea[r] += std::norm(z.za(k, j));
            eb[r] += std::norm(z.zb(k, j));
            if (k != 0) ec[r] += std::norm(z.zc(k, j));
        }
        const auto [ta, tb, tc] = totals[j];
        std::size_t best = 0;
        double best_score = -1, best_input = 0;
        for (std::size_t r = 1; r < n; ++r) {
            if (pair_of(g, r) != r) continue;
            // the input share of both rows together: a near-zero row (a bias node's b) carries no weight
            const double input = ratio(ea[r] + eb[r], ta + tb);
            const double score = input + ratio(ec[r], tc);
            if (score > best_score) best_score = score, best = r, best_input = input;
        }
        info.dc_share = (ea[0] + eb[0]) / (ta + tb);
        info.dc_carrying = info.dc_share > options.dc_threshold;
        out.dc_carrying += info.dc_carrying;
        if (best == 0 || ratio(ea[0] + eb[0], ta + tb) > best_input) {
            info.dc_node = true;
            ++out.dc_nodes;
            continue;
        }
        info.pair = best;
        info.off_a = ta > 0 ? std::max(0.0, 1.0 - ea[best] / ta) : 0.0;  // an all-zero row has nothing off
        info.off_b = tb > 0 ? std::max(0.0, 1.0 - eb[best] / tb) : 0.0;
        info.off_c = tc > 0 ? std::max(0.0, 1.0 - ec[best] / tc) : 0.0;
        info.spread = std::max({info.off_a, info.off_b, info.off_c}) > options.spread_threshold;
        out.spread += info.spread;
        out.blocks[best].push_back(j);
    }
    return out;
}

}  // namespace cogo::analyze
