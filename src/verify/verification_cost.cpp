/// \file verification_cost.cpp
#include "verify/verification_cost.hpp"

#include <algorithm>

#include "construct/element_cost.hpp"
#include "support/error.hpp"
#include "verify/verify.hpp"

namespace cogo {

std::uint64_t VerificationCost::terms() const { return saturating_mul(products, field_degree); }

std::uint64_t VerificationCost::bytes() const {
    return saturating_mul(saturating_mul(conditions, saturating_add(value_bytes(field_degree), 96)), 3);
}

VerificationCost verification_cost(const Element<Cyclotomic>& z) {
    const ElementCost e = element_cost(z);
    VerificationCost c;
    std::uint64_t products = 0;
    for (const Node<Cyclotomic>& n : z.nodes()) {
        const std::uint64_t a = n.a.size(), b = n.b.size();
        products = saturating_add(products,
                                  saturating_mul(n.c.size(), saturating_add(saturating_mul(a, b),
                                                                            saturating_add(saturating_mul(a, a), saturating_mul(b, b)))));
    }
    c.products = products;
    c.field_order = e.field_order;
    c.field_degree = e.field_degree;
    const std::uint64_t n = z.group().order();
    const std::uint64_t triples = saturating_mul(saturating_mul(n - 1, n), n);
    c.conditions = saturating_add(std::min(products, triples), n - 1);
    return c;
}

std::string exceeded_limit(const VerificationCost& cost, const ResourceLimits& limits) {
    try {
        require_within(cost.terms(), cost.bytes(), limits,
                       "verifying (" + std::to_string(cost.products) + " scalar products in Q(zeta_" +
                           std::to_string(cost.field_order) + "), degree " + std::to_string(cost.field_degree) + ")");
    } catch (const ResourceLimit& e) {
        return e.what();
    }
    return {};
}

}  // namespace cogo
