#include "cli/solution_options.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/number_options.hpp"
#include <charconv>

#include "construct/any_group_solutions.hpp"
#include "construct/element_cost.hpp"
#include "construct/expression.hpp"
#include "construct/global_solutions.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "io/element_json.hpp"
#include "support/error.hpp"
#include "support/split_list.hpp"

namespace cogo::cli {

namespace {

std::vector<int> parse_signs(const std::string& text) {
    std::vector<int> signs;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ',')) {
        if (item == "1" || item == "+1" || item == "+") signs.push_back(1);
        else if (item == "-1" || item == "-") signs.push_back(-1);
        else throw InvalidInput("--sign: expected 1 or -1 (comma-separated), got '" + item + "'");
    }
    if (signs.empty()) throw InvalidInput("--sign: expected 1 or -1 (comma-separated)");
    return signs;
}

/// A bounded signed exponent (|value| < 2^31) of the cyclic family, exactly or refused.
long parse_exponent(const std::string& text, const std::string& item) {
    const std::string_view s = text;
    const bool negative = !s.empty() && s.front() == '-';
    const std::string_view digits = negative ? s.substr(1) : s;
    if (digits.empty() || digits.size() > 10 || digits.find_first_not_of("0123456789") != std::string_view::npos)
        throw InvalidInput("--pairs: malformed exponent in '" + item + "' (expected integers alpha:beta, e.g. 1:3)");
    const long long v = std::stoll(std::string(digits));
    if (v >= (1LL << 31)) throw InvalidInput("--pairs: exponent out of range in '" + item + "' (|value| < 2^31)");
    return static_cast<long>(negative ? -v : v);
}

/// "al:be,al:be" -> pairs.
std::vector<std::pair<long, long>> parse_pairs(const std::string& text) {
    std::vector<std::pair<long, long>> out;
    for (const std::string& item : split_list(text, "--pairs")) {
        const std::size_t colon = item.find(':');
        if (colon == std::string::npos)
            throw InvalidInput("--pairs: expected alpha:beta in '" + item + "' (e.g. 1:3)");
        out.emplace_back(parse_exponent(item.substr(0, colon), item), parse_exponent(item.substr(colon + 1), item));
    }
    return out;
}

/// "R" or "R@T" (R a non-zero rational, T turns) -> R exp(2 pi i T), comma-separated.
std::vector<Cyclotomic> parse_complex_parameters(const std::string& text, const char* option) {
    std::vector<Cyclotomic> out;
    for (const std::string& item : split_list(text, option)) {
        const std::size_t at = item.find('@');
        const Cyclotomic radius = Cyclotomic::rational(item.substr(0, at));
        if (radius.is_zero()) throw InvalidInput(std::string(option) + ": the magnitude must be non-zero in '" + item + "'");
        out.push_back(at == std::string::npos ? radius
                                              : radius * turn_value<Cyclotomic>(parse_turn(item.substr(at + 1))));
    }
    return out;
}

AbelianGroup require_group(const SolutionOptions& o, const char* what) {
    if (o.group.empty()) throw InvalidInput(std::string(what) + " needs a group: --d D or --group d1xd2x...");
    return AbelianGroup::parse(o.group);
}

/// lcm of the denominators of the turn lists a construction uses (its parameters' field).
std::uint64_t parameters_field_order(const std::string& name, const SolutionOptions& o) {
    std::vector<const std::string*> lists;
    if (name == "F6" || name == "F6R") lists = {&o.nu};
    else if (name == "nui-synab") lists = {&o.alpha, &o.beta};
    else if (name == "F46" || name == "min-zero-mean") lists = {&o.nu, &o.xi};
    else if (name == "order4" || name == "min") lists = {&o.xi};
    std::uint64_t field_order = 1;
    for (const std::string* list : lists)
        for (const Turn& t : parse_turns(*list)) field_order = saturating_lcm(field_order, t.den);
    return field_order;
}

SelectedElement named_construction(const SolutionOptions& o, const ResourceLimits& limits) {
    const AbelianGroup g = require_group(o, "--solution");
    const std::string& name = o.solution;
    // The size of the construction is bounded from the group and the parameters before anything is built.
    require_buildable(construction_cost_bound(name, g, parameters_field_order(name, o)), limits,
                   "building --solution " + name + " on " + g.name());
    SelectedElement out{Element<Cyclotomic>(g), name, "", nlohmann::json::object()};
    if (name == "F6") {
        out.z = f6(g, turn_values<Cyclotomic>(parse_turns(o.nu)));
        out.parameters = {{"nu", o.nu}};
        out.description = "z_F6 = sum_k z_nu * z_syn / 6 on " + g.name() + " (nu = " + o.nu + ")";
    } else if (name == "nui-synab") {
        out.z = nui_synab(g, turn_values<Cyclotomic>(parse_turns(o.alpha)), turn_values<Cyclotomic>(parse_turns(o.beta)));
        out.parameters = {{"alpha", o.alpha}, {"beta", o.beta}};
        out.description = "sum_k z_{nu=i} * z_{syn,ab} / 6 on " + g.name() + " (alpha = " + o.alpha + ", beta = " + o.beta + ")";
    } else if (name == "F46") {
        const auto nus = parse_turns(o.nu);
        out.z = f46(g, turn_value<Cyclotomic>(nus.front()), turn_values<Cyclotomic>(parse_turns(o.xi)), parse_signs(o.sign), o.k0);
        out.parameters = {{"nu", to_string(nus.front())}, {"xi", o.xi}, {"sign", o.sign}};
        if (o.k0) out.parameters["k0"] = *o.k0;
        out.description = "z_F4/6 on " + g.name() + " (nu = " + to_string(nus.front()) + ", xi = " + o.xi + ", s = " + o.sign + ")";
    } else if (name == "order4") {
        out.z = order4(g, turn_values<Cyclotomic>(parse_turns(o.xi)), parse_signs(o.sign));
        out.parameters = {{"xi", o.xi}, {"sign", o.sign}};
        out.description = "all-order-4 sum_k z_{nu=i} * z_xi / 4 on " + g.name() + " (xi = " + o.xi + ", s = " + o.sign + ")";
    } else if (name == "min" || name == "min-zero-mean") {
        const auto nus = parse_turns(o.nu);
        const auto xis = turn_values<Cyclotomic>(parse_turns(o.xi));
        const FrequencyCounts c = frequency_counts(g);
        const bool dc = name == "min" && c.real == 0;
        out.z = name == "min" ? minimal_solution(g, xis, parse_signs(o.sign))
                              : minimal_zero_mean_solution(g, turn_value<Cyclotomic>(nus.front()), xis, parse_signs(o.sign));
        out.parameters = {{"xi", o.xi}, {"sign", o.sign}};
        if (name != "min" && c.real == 0) out.parameters["nu"] = to_string(nus.front());
        std::string how;
        if (name != "min" && c.real == 0) how = "z_F4/6, order 2n";
        else how = std::string("order-4 blocks, one node per real frequency, one bias node ") +
                   (dc ? "on a DC input row" : "at a real frequency") + "; order 4P + R + 1";
        out.description = (name == "min" ? "smallest known global solution on " : "smallest known zero-mean global solution on ") +
                          g.name() + " (" + how + "; P = " + std::to_string(c.pairs) + " frequency pairs, R = " +
                          std::to_string(c.real) + " real frequencies; xi = " + o.xi + ", s = " + o.sign + ")";
    } else if (name == "F6R") {
        out.z = f6_real(g, turn_values<Cyclotomic>(parse_turns(o.nu)));
        out.parameters = {{"nu", o.nu}};
        out.description = "per-frequency solutions on " + g.name() + ": z_nu * z_syn / 6 at each pair, the 2-node real block at each real frequency (nu = " + o.nu + ")";
    } else if (name == "cyclic") {
        if (o.q == 0 || o.q > 4096) throw InvalidInput("--q: the order of C_q must be 1..4096");
        const auto pairs = parse_pairs(o.pairs);
        std::string failing;
        for (const auto& [al, be] : pairs)
            if (!cyclic_condition(o.q, al, be)) failing += (failing.empty() ? "" : ", ") + std::to_string(al) + ":" + std::to_string(be);
        out.z = cyclic_solution<Cyclotomic>(g, o.q, pairs);
        out.parameters = {{"q", o.q}, {"pairs", o.pairs}};
        out.description = "sum_k C_" + std::to_string(o.q) + "(alpha, beta) / " + std::to_string(o.q) + " on " + g.name() +
                          " (alpha:beta = " + o.pairs + (failing.empty() ? "" : "; " + failing + " fail the cyclic condition") + ")";
    } else if (name == "order8") {
        out.z = order8_solution<Cyclotomic>(g, parse_complex_parameters(o.a, "--a"),
                                            turn_values<Cyclotomic>(parse_turns(o.xi)), parse_signs(o.sign));
        out.parameters = {{"a", o.a}, {"xi", o.xi}, {"sign", o.sign}};
        out.description = "sum_k z_n * z_{nu=i} * z_xi / 8 on " + g.name() + " (a = " + o.a + ", xi = " + o.xi + ", s = " + o.sign + ")";
    } else if (name == "syn-dc") {
        const Cyclotomic alpha = Cyclotomic::rational(o.dc_alpha);
        if (alpha.is_zero()) throw InvalidInput("--dc-alpha: must be non-zero");
        out.z = syn_dc_solution<Cyclotomic>(g, alpha, turn_values<Cyclotomic>(parse_turns(o.nu)));
        out.parameters = {{"dc_alpha", o.dc_alpha}, {"nu", o.nu}};
        out.description = "z_syn with a DC offset (alpha = " + o.dc_alpha + ") at the frequencies of order 3, z_nu * z_syn / 6 elsewhere, on " +
                          g.name() + " (nu = " + o.nu + ")";
    } else if (name == "M") {
        out.z = memorisation<Cyclotomic>(g);
        out.description = "perfect memorisation z_M on " + g.name();
    } else {
        throw InvalidInput("unknown construction '" + name + "' (known: " + kSolutionNames + ")");
    }
    return out;
}

}  // namespace

void add_solution_options(CLI::App* command, SolutionOptions& o) {
    exclusive(command->add_option("--d", o.group, "Modulus d: the group Z_d")->check(group_spec()),
              command->add_option("--group,-g", o.group, "Group d1xd2x... (e.g. 3x3); same as --d for one factor")
                  ->check(group_spec()));
    command->add_option("--solution", o.solution, std::string("Named construction: ") + kSolutionNames);
    command->add_option("--expr", o.expr, "Composed ring expression, e.g. 'sum(nu(1/4) * syn) / 6' (see README)");
    command->add_option("--file", o.file, "Element file (cogo-element JSON, or a certificate)");
    command->add_option("--nu", o.nu, "nu as turns p/q (exp(2 pi i p/q)), comma-separated, cycled over frequencies")
        ->capture_default_str();
    command->add_option("--xi", o.xi, "xi as turns, comma-separated (F46, order4)")->capture_default_str();
    command->add_option("--sign", o.sign, "sign s = 1 or -1 of z_xi, comma-separated")->capture_default_str();
    command->add_option("--alpha", o.alpha, "alpha as turns, comma-separated (nui-synab)")->capture_default_str();
    command->add_option("--beta", o.beta, "beta as turns, comma-separated (nui-synab)")->capture_default_str();
    command->add_option("--k0", o.k0, "Frequency of the order-6 block of F46 (default: 1)")
        ->transform(whole_number(0, AbelianGroup::max_order));
    command->add_option("--q", o.q, "Order q of the cyclic family C_q (cyclic)")
        ->transform(whole_number(1, 4096))
        ->capture_default_str();
    command->add_option("--pairs", o.pairs, "Exponents alpha:beta of C_q, comma-separated, cycled (cyclic)")
        ->capture_default_str();
    command->add_option("--a", o.a, "z_n parameter a as R or R@T (= R exp(2 pi i T)), comma-separated (order8)")
        ->capture_default_str();
    command->add_option("--dc-alpha", o.dc_alpha, "Real scale alpha of the DC-offset z_syn (syn-dc)")->capture_default_str();
}

SelectedElement select_element(const SolutionOptions& o, const ResourceLimits& limits) {
    const int chosen = !o.solution.empty() + !o.expr.empty() + !o.file.empty();
    if (chosen != 1) throw InvalidInput("choose exactly one of --solution NAME, --expr EXPR, --file FILE");
    if (!o.solution.empty()) return named_construction(o, limits);
    if (!o.expr.empty()) {
        const AbelianGroup g = require_group(o, "--expr");
        return {evaluate_expression(g, o.expr, limits), "expr", "'" + o.expr + "' on " + g.name(), {{"expr", o.expr}}};
    }
    Element<Cyclotomic> z = read_element_file(o.file);
    if (!o.group.empty() && !(AbelianGroup::parse(o.group) == z.group()))
        throw InvalidInput("--file: the element is over " + z.group().name() + ", not the group given");
    const std::string description = "element from " + o.file + " on " + z.group().name();
    return {std::move(z), "file", description, {{"file", o.file}}};
}

}  // namespace cogo::cli
