// The coefficients of the conditions in the outputs (analyze/output_coefficients.hpp). The claim checked: with
// the input rows fixed, every condition T_m(k1, k2) of a network is sum_j M[(k1, k2)][j] c_j[m], the SAME matrix
// at every output frequency m. The expected values are the conditions of the whole network (several nodes,
// outputs at several m != 1), enumerated directly, not the per-node probes the matrix is built from.
#include <doctest/doctest.h>

#include <cstddef>
#include <map>
#include <tuple>
#include <vector>

#include "algebra/conditions.hpp"
#include "algebra/element.hpp"
#include "analyze/output_coefficients.hpp"
#include "scalar/cyclotomic.hpp"

using namespace cogo;

namespace {

/// A value of Q(zeta_5) that varies with i (none of them zero).
Cyclotomic value(std::size_t i) {
    return Cyclotomic::rational(static_cast<long>(i % 7) + 1, 3) * Cyclotomic::zeta(5, static_cast<long>(i % 5)) +
           Cyclotomic::rational(1, static_cast<long>(i % 4) + 2);
}

/// Three nodes on Z_5 with inputs at several frequencies (DC included) and outputs at m = 2, 3 and their negatives.
std::vector<Node<Cyclotomic>> nodes_with_outputs() {
    std::vector<Node<Cyclotomic>> nodes;
    for (std::size_t j = 0; j < 3; ++j) {
        Node<Cyclotomic> node;
        const Cyclotomic a1 = value(j), a2 = value(j + 3), b1 = value(j + 5), b0 = Cyclotomic::rational(1, 2 + j);
        node.a = {{1, a1}, {2, a2}, {3, a2.conj()}, {4, a1.conj()}};
        node.b = {{0, b0}, {1, b1}, {4, b1.conj()}};
        const Cyclotomic c2 = value(j + 11), c3 = value(j + 17);
        node.c = {{2, c2}, {3, c3}};
        nodes.push_back(node);
    }
    return nodes;
}

}  // namespace

TEST_CASE("output_coefficients: every condition is the matrix times the c-row at its output, the same matrix at each m") {
    const AbelianGroup g = AbelianGroup::parse("5");
    const std::vector<Node<Cyclotomic>> nodes = nodes_with_outputs();
    const analyze::OutputCoefficients<Cyclotomic> m = analyze::output_coefficients(g, nodes);
    REQUIRE(m.keys.size() == m.matrix.size());
    REQUIRE(!m.keys.empty());
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, Cyclotomic> conditions;
    for (const auto& c : enumerate_conditions(Element<Cyclotomic>(g, nodes))) conditions[{c.k, c.k1, c.k2}] = c.value;
    std::size_t compared = 0;
    for (std::size_t out : {std::size_t{2}, std::size_t{3}}) {
        for (std::size_t r = 0; r < m.keys.size(); ++r) {
            Cyclotomic predicted;
            for (std::size_t j = 0; j < nodes.size(); ++j) {
                const Cyclotomic cj = out == 2 ? value(j + 11) : value(j + 17);
                predicted += m.matrix[r][j] * cj;
            }
            const auto it = conditions.find({out, m.keys[r].first, m.keys[r].second});
            const Cyclotomic actual = it == conditions.end() ? Cyclotomic() : it->second;
            CHECK(predicted == actual);
            ++compared;
        }
    }
    CHECK(compared == 2 * m.keys.size());
    // and nothing at those outputs outside the keys
    for (const auto& [key, v] : conditions) {
        const auto [k, k1, k2] = key;
        if (k != 2 && k != 3) continue;
        bool listed = false;
        for (const auto& kk : m.keys) listed = listed || (kk.first == k1 && kk.second == k2);
        CHECK((listed || v.is_zero()));
    }
}

TEST_CASE("output_coefficients: a perturbed c-row no longer matches") {
    const AbelianGroup g = AbelianGroup::parse("5");
    std::vector<Node<Cyclotomic>> nodes = nodes_with_outputs();
    const analyze::OutputCoefficients<Cyclotomic> m = analyze::output_coefficients(g, nodes);
    nodes[1].c = {{2, value(12) + Cyclotomic::rational(1, 100)}, {3, value(18)}};
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, Cyclotomic> conditions;
    for (const auto& c : enumerate_conditions(Element<Cyclotomic>(g, nodes))) conditions[{c.k, c.k1, c.k2}] = c.value;
    std::size_t mismatches = 0;
    for (std::size_t r = 0; r < m.keys.size(); ++r) {
        Cyclotomic predicted;
        for (std::size_t j = 0; j < nodes.size(); ++j) predicted += m.matrix[r][j] * value(j + 11);
        const auto it = conditions.find({std::size_t{2}, m.keys[r].first, m.keys[r].second});
        const Cyclotomic actual = it == conditions.end() ? Cyclotomic() : it->second;
        if (!(predicted == actual)) ++mismatches;
    }
    CHECK(mismatches > 0);
}
