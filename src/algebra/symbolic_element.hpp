#pragma once
/// \file symbolic_element.hpp
/// Fully symbolic semi-ring elements for identity tests: every entry is its own generic complex variable
/// (conjugate-symmetric elements use x at k and conj(x) at -k, and a real variable at self-conjugate k).
/// Identities of such elements are polynomial identities, i.e. they hold for ALL weights (the proofs and
/// the algebra tests build their generic elements here).
#include <string>
#include <vector>

#include "algebra/element.hpp"
#include "scalar/symbolic.hpp"

namespace cogo {

/// An element over `group` with `nodes` nodes, entries at the given frequencies (all if empty), variables
/// named prefix + part + k + "_" + j.
[[nodiscard]] inline Element<Symbolic> symbolic_element(const AbelianGroup& group, std::size_t nodes, const std::string& prefix,
                                          bool conjugate_symmetric, std::vector<std::size_t> frequencies = {}) {
    if (frequencies.empty())
        for (std::size_t k = 0; k < group.order(); ++k) frequencies.push_back(k);
    std::vector<Node<Symbolic>> out(nodes);
    for (std::size_t j = 0; j < nodes; ++j)
        for (Part p : all_parts)
            for (std::size_t k : frequencies) {
                const std::string name = prefix + part_name(p) + std::to_string(k) + "_" + std::to_string(j);
                const std::size_t minus_k = group.neg(k);
                if (!conjugate_symmetric) {
                    out[j].row(p).emplace_back(k, Symbolic::complex_variable(name));
                } else if (minus_k == k) {
                    out[j].row(p).emplace_back(k, Symbolic::real_variable(name));
                } else if (k < minus_k) {
                    const Symbolic x = Symbolic::complex_variable(name);
                    out[j].row(p).emplace_back(k, x);
                    out[j].row(p).emplace_back(minus_k, x.conj());
                }
            }
    return Element<Symbolic>(group, std::move(out));
}

}  // namespace cogo
