#include "cli/symbol_options.hpp"

#include <CLI/CLI.hpp>

#include "support/error.hpp"

namespace cogo::cli {

void add_symbol_options(CLI::App* command, ExpressionSymbols& symbols) {
    command->add_option("--symbol", symbols.unit_modulus,
                        "Unit-modulus parameter of --expr (conj(t) = 1/t), e.g. --symbol t for 'sum(nu(t) * syn) / 6'; "
                        "repeatable or comma-separated")
        ->delimiter(',');
    command->add_option("--real-symbol", symbols.real,
                        "Real parameter of --expr (conj(r) = r), a magnitude or c-row scalar, e.g. 'r * u(0,0,0)@1'; "
                        "repeatable or comma-separated")
        ->delimiter(',');
}

}  // namespace cogo::cli

namespace cogo::cli {

std::string describe_symbols(const ExpressionSymbols& symbols) {
    std::string s;
    for (const auto& n : symbols.unit_modulus) s += (s.empty() ? "" : ", ") + std::string("unit symbol ") + n;
    for (const auto& n : symbols.real) s += (s.empty() ? "" : ", ") + std::string("real symbol ") + n;
    return s;
}

nlohmann::json symbols_json(const ExpressionSymbols& symbols) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& n : symbols.unit_modulus) j.push_back({{"name", n}, {"kind", "unit"}});
    for (const auto& n : symbols.real) j.push_back({{"name", n}, {"kind", "real"}});
    return j;
}

SymbolicElement select_symbolic_element(const SolutionOptions& o, const ExpressionSymbols& symbols,
                                        const ResourceLimits& limits) {
    if (!o.solution.empty() || !o.file.empty() || o.expr.empty())
        throw InvalidInput("--symbol / --real-symbol declare parameters of --expr; give --expr (not --solution or --file)");
    validate_expression_symbols(symbols);
    if (o.group.empty()) throw InvalidInput("--expr needs a group: --d D or --group d1xd2x...");
    const AbelianGroup g = AbelianGroup::parse(o.group);
    return {evaluate_symbolic_expression(g, o.expr, symbols, limits),
            "'" + o.expr + "' on " + g.name() + " (" + describe_symbols(symbols) + ")"};
}

}  // namespace cogo::cli
