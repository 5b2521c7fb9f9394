#include "cli/solution_options.hpp"

#include <CLI/CLI.hpp>

#include <charconv>

#include "construct/any_group_solutions.hpp"
#include "construct/element_cost.hpp"
#include "construct/expression.hpp"
#include "construct/global_solutions.hpp"
#include "construct/turn.hpp"
#include "io/element_json.hpp"
#include "support/error.hpp"

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

AbelianGroup require_group(const SolutionOptions& o, const char* what) {
    if (o.group.empty()) throw InvalidInput(std::string(what) + " needs a group: --d D or --group d1xd2x...");
    return AbelianGroup::parse(o.group);
}

/// lcm of the denominators of the turn lists a construction uses (its parameters' field).
std::uint64_t parameters_conductor(const std::string& name, const SolutionOptions& o) {
    std::vector<const std::string*> lists;
    if (name == "F6" || name == "F6R") lists = {&o.nu};
    else if (name == "nui-synab") lists = {&o.alpha, &o.beta};
    else if (name == "F46" || name == "min-zero-mean") lists = {&o.nu, &o.xi};
    else if (name == "order4" || name == "min") lists = {&o.xi};
    std::uint64_t conductor = 1;
    for (const std::string* list : lists)
        for (const Turn& t : parse_turns(*list)) conductor = saturating_lcm(conductor, t.den);
    return conductor;
}

SelectedElement named_construction(const SolutionOptions& o, const ResourceLimits& limits) {
    const AbelianGroup g = require_group(o, "--solution");
    const std::string& name = o.solution;
    // The size of the construction is bounded from the group and the parameters before anything is built.
    require_within(construction_cost_bound(name, g, parameters_conductor(name, o)), limits,
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
    command->add_option("--d", o.group, "Modulus d: the group Z_d");
    command->add_option("--group,-g", o.group, "Group d1xd2x... (e.g. 3x3); same as --d for one factor");
    command->add_option("--solution", o.solution, std::string("Named construction: ") + kSolutionNames);
    command->add_option("--expr", o.expr, "Composed ring expression, e.g. 'sum(nu(1/4) * syn) / 6' (see README)");
    command->add_option("--file", o.file, "Element file (cogo-element JSON, or a certificate)");
    command->add_option("--nu", o.nu, "nu as turns p/q (exp(2 pi i p/q)), comma-separated, cycled over frequencies")
        ->capture_default_str();
    command->add_option("--xi", o.xi, "xi as turns, comma-separated (F46, order4)")->capture_default_str();
    command->add_option("--sign", o.sign, "sign s = 1 or -1 of z_xi, comma-separated")->capture_default_str();
    command->add_option("--alpha", o.alpha, "alpha as turns, comma-separated (nui-synab)")->capture_default_str();
    command->add_option("--beta", o.beta, "beta as turns, comma-separated (nui-synab)")->capture_default_str();
    command->add_option_function<std::string>(
        "--k0",
        [&o](const std::string& text) {
            std::size_t k = 0;
            const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), k);
            if (!digits || ec != std::errc() || ptr != text.data() + text.size())
                throw CLI::ValidationError(std::string("--k0: expected a frequency 1..n-1 (a non-negative integer), got '") +
                                           text.substr(0, 40) + "'");
            o.k0 = k;  // whether it is a frequency of the group is checked by f46 (InvalidInput)
        },
        "Frequency of the order-6 block of F46 (default: the first pair representative, 1 on Z_d)");
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
