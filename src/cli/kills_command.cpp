#include "cli/kills_command.hpp"

#include <optional>
#include <ostream>
#include <type_traits>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/symbol_options.hpp"
#include "construct/expression.hpp"
#include "construct/kill_table.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"
#include "support/error.hpp"
#include "verify/symbolic_residuals.hpp"

namespace cogo::cli {

namespace {

/// The single parameter of a symbolic table ("" if none or several): its kill conditions are solved.
struct Parameter {
    std::string name;
    bool unit_modulus = true;
};

/// For one parameter: when the potential value v (not identically zero) vanishes, e.g. "iff xi^2 = zeta_4".
template <ExactScalar S>
std::string kill_condition(const S& v, const Parameter& param) {
    if constexpr (std::is_same_v<S, Symbolic>) {
        if (param.name.empty() || v.to_cyclotomic()) return "";
        return solve_residuals({v}, param.name, param.unit_modulus).describe();
    } else {
        (void)v;
        (void)param;
        return "";
    }
}

template <ExactScalar S>
std::string leaves_text(const KillRow<S>& row, const char* separator, const Parameter& param) {
    std::string s;
    for (BlockPotential p : all_block_potentials)
        if (!row.kills(p)) {
            s += (s.empty() ? "" : separator) + std::string(block_potential_name(p)) + " = " + to_string(row.values[p]);
            const std::string condition = kill_condition(row.values[p], param);
            if (!condition.empty()) s += " (killed " + condition + ")";
        }
    return s.empty() ? "-" : s;
}

template <ExactScalar S>
nlohmann::json row_json(const KillRow<S>& row, const Parameter& param = {}) {
    nlohmann::json killed = nlohmann::json::array(), values = nlohmann::json::object(),
                   conditions = nlohmann::json::object();
    for (BlockPotential p : all_block_potentials) {
        values[block_potential_name(p)] = to_string(row.values[p]);
        if (row.kills(p)) killed.push_back(block_potential_name(p));
        else if (const std::string c = kill_condition(row.values[p], param); !c.empty()) conditions[block_potential_name(p)] = c;
    }
    nlohmann::json j = {{"name", row.name}, {"k", row.k}, {"kills", killed}, {"values", values},
                        {"bias", to_string(row.values.bias())}, {"bias_killed", is_zero(row.values.bias())}};
    if (!conditions.empty()) j["kill_conditions"] = conditions;
    if (const std::string c = is_zero(row.values.bias()) ? "" : kill_condition(row.values.bias(), param); !c.empty())
        j["bias_condition"] = c;
    return j;
}

std::string latex_name(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '_' ) out += "\\_";
        else if (c == '{') out += "\\{";
        else if (c == '}') out += "\\}";
        else if (c == '^') out += "\\^{}";
        else if (c == '|') out += "$|$";
        else out += c;
    }
    return out;
}

template <ExactScalar S>
void print_rows(const std::vector<KillRow<S>>& rows, const std::string& title, const std::string& format, std::ostream& out,
                const Parameter& param = {}) {
    if (format == "latex") {
        out << "% " << title << "\n\\begin{tabular}{lll}\n\\hline\nelement & kills & leaves \\\\\n\\hline\n";
        for (const auto& row : rows)
            out << latex_name(row.name) << " & " << latex_name(block_potential_names(row.killed)) << " & "
                << latex_name(leaves_text(row, "; ", param)) << " \\\\\n";
        out << "\\hline\n\\end{tabular}\n";
        return;
    }
    out << title << "\n";
    for (const auto& row : rows) {
        const std::string bias_condition = is_zero(row.values.bias()) ? "" : kill_condition(row.values.bias(), param);
        out << "  " << row.name << ":\n    kills  " << block_potential_names(row.killed) << "\n    leaves "
            << leaves_text(row, ", ", param) << "\n    bias   |a|^2c + |b|^2c = " << to_string(row.values.bias())
            << (is_zero(row.values.bias()) ? " (killed)" : "")
            << (bias_condition.empty() ? "" : " (killed " + bias_condition + ")") << "\n";
    }
}

int run_paper(const std::string& format, std::ostream& out) {
    const Symbolic nu = Symbolic::unit_modulus("nu"), xi = Symbolic::unit_modulus("xi"), alpha = Symbolic::unit_modulus("alpha"),
                   beta = Symbolic::unit_modulus("beta"), a = Symbolic::complex_variable("a");
    const auto rows = paper_kill_table<Symbolic>(nu, xi, alpha, beta, a);
    const std::string title =
        "The partial solutions of docs/theory.md sections 5 and 5b, computed exactly for ALL unit nu, xi, alpha, beta "
        "and complex a (w = zeta_3, I = i; a' = conj(a); the c-row not divided by the order)";
    if (format == "json") {
        nlohmann::json j = {{"title", title}, {"rows", nlohmann::json::array()}};
        for (const auto& row : rows) j["rows"].push_back(row_json(row));
        out << j.dump(2) << "\n";
    } else {
        print_rows(rows, title, format, out);
    }
    return exit_ok;
}

template <ExactScalar S>
int print_table(const Element<S>& z, const std::string& description, const std::optional<Element<S>>& z2,
                const KillsOptions& o, const std::string& format, const nlohmann::json& symbols, const Parameter& param,
                std::ostream& out) {
    const std::vector<KillRow<S>> rows = kill_table(z);
    nlohmann::json j = {{"element", description}, {"group", z.group().name()},
                        {"order", z.order()}, {"rows", nlohmann::json::array()}};
    if (!symbols.is_null()) j["symbols"] = symbols;
    for (const auto& row : rows) j["rows"].push_back(row_json(row, param));

    bool lemma_holds = true;
    if (z2) {
        j["times"] = o.times;
        j["composition"] = nlohmann::json::array();
        std::vector<KillRow<S>> composition_rows;
        for (std::size_t k : kill_table_frequencies(z.group())) {
            if (!has_entry_at(z, k) && !has_entry_at(*z2, k)) continue;
            const CompositionCheck<S> c = composition_check(z, *z2, k);
            const bool ok = c.multiplicative && c.union_of_kills;
            lemma_holds = lemma_holds && ok;
            j["composition"].push_back({{"k", k}, {"z1", row_json(c.first, param)}, {"z2", row_json(c.second, param)},
                                        {"product", row_json(c.product, param)}, {"multiplicative", c.multiplicative},
                                        {"kills_union", c.union_of_kills}});
            for (auto row : {c.first, c.second, c.product}) {
                row.name += " at k = " + std::to_string(k);
                composition_rows.push_back(std::move(row));
            }
        }
        j["composition_lemma"] = lemma_holds;
        if (format != "json") {
            print_rows(rows, "kill table of " + description, format, out, param);
            print_rows(composition_rows, "composition with z2 = " + o.times + ": K(z1 z2) = K(z1) u K(z2) and p(z1 z2) = p(z1) p(z2) checked exactly", format, out, param);
            out << (format == "latex" ? "% " : "") << "composition lemma: " << (lemma_holds ? "holds at every frequency" : "FAILS") << "\n";
        }
    } else if (format != "json") {
        print_rows(rows, "kill table of " + description + " (order " + std::to_string(z.order()) + ")", format, out, param);
    }
    if (format == "json") out << j.dump(2) << "\n";
    if (rows.empty() && format == "text") out << "  (no node has an entry at a non-zero frequency)\n";
    return lemma_holds ? exit_ok : exit_refuted;
}

}  // namespace

void setup_kills_command(CLI::App& command, KillsOptions& o) {
    auto* kills = &command;
    add_solution_options(kills, o.selection);
    kills->add_option("--times", o.times, "Second factor (ring expression on the same group): check the composition "
                                          "lemma K(z1 z2) = K(z1) u K(z2) at every frequency");
    kills->add_flag("--paper", o.paper, "The paper's partial solutions for generic (symbolic) parameters");
    kills->add_option("--format", o.format, "text | latex | json")->capture_default_str();
    kills->add_flag("--json", o.json, "Same as --format json");
    add_symbol_options(kills, o.symbols);
}

int run_kills(const KillsOptions& o, std::ostream& out) {
    const std::string format = o.json ? "json" : o.format;
    if (format != "text" && format != "latex" && format != "json")
        throw InvalidInput("--format: expected text, latex or json, got '" + o.format + "'");
    if (o.paper) {
        if (!o.selection.solution.empty() || !o.selection.expr.empty() || !o.selection.file.empty() || !o.times.empty() ||
            !o.symbols.empty())
            throw InvalidInput("--paper takes no element (--solution, --expr, --file, --times, --symbol)");
        return run_paper(format, out);
    }
    if (!o.symbols.empty()) {
        const SymbolicElement selected = select_symbolic_element(o.selection, o.symbols);
        Parameter param;
        if (o.symbols.unit_modulus.size() + o.symbols.real.size() == 1)
            param = {o.symbols.unit_modulus.empty() ? o.symbols.real.front() : o.symbols.unit_modulus.front(), !o.symbols.unit_modulus.empty()};
        std::optional<Element<Symbolic>> z2;
        if (!o.times.empty()) z2 = evaluate_symbolic_expression(selected.z.group(), o.times, o.symbols);
        return print_table(selected.z, selected.description + ", kills meaning for ALL parameter values", z2, o,
                           format, symbols_json(o.symbols), param, out);
    }
    const SelectedElement selected = select_element(o.selection);
    std::optional<Element<Cyclotomic>> z2;
    if (!o.times.empty()) z2 = evaluate_expression(selected.z.group(), o.times);
    return print_table(selected.z, selected.description, z2, o, format, nullptr, Parameter{}, out);
}

}  // namespace cogo::cli
