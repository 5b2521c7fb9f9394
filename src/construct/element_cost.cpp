/// \file element_cost.cpp
#include "construct/element_cost.hpp"

#include <bit>
#include <numeric>

#include "support/error.hpp"

namespace cogo {

namespace {

/// The field a named construction's fixed values generate: zeta_3 (z_syn, z_syn_ab), i (z_nu_i, z_xi's s i);
/// its parameters add their turns. The group enters only through frequencies, never through values
/// (except z_M: zeta_d).
std::uint64_t catalogue_field_order(const std::string& name) {
    if (name == "F6" || name == "F6R") return 3;
    if (name == "order4" || name == "min") return 4;
    return 12;  // nui-synab, F46, min-zero-mean (and any other)
}

std::string with_digits(std::uint64_t x) {
    if (x == ResourceLimits::unlimited) return "more than 1.8e19";
    std::string s = std::to_string(x);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

/// "12 MiB" from 1 MiB on, else "12,345 bytes".
std::string bytes_text(std::uint64_t bytes) {
    return bytes >= (1u << 20) ? with_digits(bytes >> 20) + " MiB" : with_digits(bytes) + " bytes";
}

std::string limit_text(std::uint64_t limit) {
    return limit == ResourceLimits::unlimited ? "unlimited" : with_digits(limit);
}

}  // namespace

std::uint64_t euler_phi(std::uint64_t n) {
    if (n == 0) return 0;
    std::uint64_t phi = n;
    for (std::uint64_t f = 2; f <= n / f; ++f) {
        if (n % f != 0) continue;
        phi = phi / f * (f - 1);
        while (n % f == 0) n /= f;
    }
    if (n > 1) phi = phi / n * (n - 1);
    return phi;
}

std::uint64_t saturating_lcm(std::uint64_t a, std::uint64_t b) {
    if (a == 0 || b == 0) return 0;
    return saturating_mul(a / std::gcd(a, b), b);
}

std::uint64_t value_bytes(std::uint64_t field_degree) { return saturating_add(saturating_mul(field_degree, 8), 96); }

std::uint64_t ElementCost::terms() const { return saturating_mul(entries, field_degree); }

std::uint64_t ElementCost::build_terms() const {
    return saturating_mul(terms(), static_cast<std::uint64_t>(std::bit_width(field_degree)));
}

std::uint64_t ElementCost::bytes() const {
    return saturating_add(saturating_mul(entries, saturating_add(value_bytes(field_degree), 32)), saturating_mul(nodes, 80));
}

ElementCost make_cost(std::uint64_t nodes, std::uint64_t entries, std::uint64_t field_order) {
    ElementCost c;
    c.nodes = nodes;
    c.entries = entries;
    c.field_order = field_order;
    // phi(N) > N/ (e^gamma log log N + 3/log log N) > N/8 for N < 2^64 is not needed: beyond max_field_order
    // the field is refused anyway, so the degree is only computed for fields that could be built.
    c.field_degree = field_order <= Cyclotomic::max_field_order ? euler_phi(field_order) : field_order;
    return c;
}

ElementCost element_cost(const Element<Cyclotomic>& z) {
    std::uint64_t entries = 0, field_order = 1;
    for (const Node<Cyclotomic>& n : z.nodes())
        for (Part p : all_parts) {
            entries += n.row(p).size();
            for (const auto& [k, v] : n.row(p)) field_order = std::lcm(field_order, std::uint64_t{v.field_order()});
        }
    return make_cost(z.order(), entries, field_order);
}

ElementCost construction_cost_bound(const std::string& name, const AbelianGroup& group,
                                    std::uint64_t parameters_field_order) {
    const std::uint64_t n = group.order();
    const std::uint64_t field = saturating_lcm(catalogue_field_order(name), parameters_field_order);
    if (name == "M")  // d^2 nodes, every row at the d - 1 non-zero frequencies, values in Q(zeta_d)
        return make_cost(saturating_mul(n, n), saturating_mul(saturating_mul(n, n), saturating_mul(3, n - 1)), n);
    // Every other construction has at most 6 nodes per frequency pair (+2 per real frequency, +1 bias node),
    // so at most 3n + 1 nodes; a node holds a block's entries at k and -k (6 entries), except the six
    // order-6 nodes of z_F4/6 (2 outputs per frequency pair) and the bias node (a constant on up to n rows).
    const std::uint64_t nodes = saturating_add(saturating_mul(3, n), 1);
    const std::uint64_t entries =
        saturating_add(saturating_add(saturating_mul(6, nodes), saturating_mul(6, n)), saturating_mul(3, n));
    return make_cost(nodes, entries, field);
}

std::string describe_field(const ElementCost& cost) {
    return "Q(zeta_" + with_digits(cost.field_order) + ") (degree " + with_digits(cost.field_degree) + ")";
}

void require_within(std::uint64_t terms, std::uint64_t bytes, const ResourceLimits& limits, const std::string& what) {
    if (terms > limits.max_terms)
        throw ResourceLimit(what + " would take about " + with_digits(terms) + " coefficient terms, more than --max-terms " +
                            limit_text(limits.max_terms));
    if (bytes > limits.max_memory)
        throw ResourceLimit(what + " would need about " + bytes_text(bytes) + ", more than --max-memory " +
                            (limits.max_memory == ResourceLimits::unlimited ? std::string("unlimited") : bytes_text(limits.max_memory)));
}

namespace {

void require_field(const ElementCost& cost, const std::string& what) {
    if (cost.field_order > Cyclotomic::max_field_order)
        throw FieldTooLarge(what + " needs the field Q(zeta_" + with_digits(cost.field_order) +
                            "), beyond the largest field built, Q(zeta_" + with_digits(Cyclotomic::max_field_order) + ")");
}

std::string describe_size(const ElementCost& cost) {
    return " (" + with_digits(cost.nodes) + " nodes, " + with_digits(cost.entries) + " entries in " + describe_field(cost) + ")";
}

}  // namespace

void require_within(const ElementCost& cost, const ResourceLimits& limits, const std::string& what) {
    require_field(cost, what);
    require_within(cost.terms(), cost.bytes(), limits, what + describe_size(cost));
}

void require_buildable(const ElementCost& cost, const ResourceLimits& limits, const std::string& what) {
    require_field(cost, what);
    require_within(cost.build_terms(), cost.bytes(), limits, what + describe_size(cost));
}

}  // namespace cogo
