#include "cli/norm_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "dynamics/orbit_norm.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo::cli {

void setup_norm_command(CLI::App& command, NormOptions& o) {
    auto* norm = &command;
    add_solution_options(norm, o.selection);
    norm->add_flag("--per-node", o.per_node, "Every node's norm E_j and its exact cube E_j^3 = (27/4) u_j^2 v_j");
    norm->add_flag("--json", o.json, "Machine-readable output");
}

int run_norm(const NormOptions& o, std::ostream& out) {
    const SelectedElement selected = select_element(o.selection);
    const auto parts = node_norm_parts(selected.z);
    double total = 0;
    std::size_t live = 0;
    for (const auto& p : parts) {
        const double e = node_norm(p);
        total += e;
        if (e > 0) ++live;
    }
    if (o.json) {
        nlohmann::json j = {{"element", selected.description}, {"group", selected.z.group().spec()},
                            {"order", selected.z.order()}, {"live_nodes", live}, {"norm", total}};
        if (o.per_node) {
            j["nodes"] = nlohmann::json::array();
            for (const auto& p : parts)
                j["nodes"].push_back({{"norm", node_norm(p)}, {"u", p.u.to_string()}, {"v", p.v.to_string()},
                                      {"norm_cubed", node_norm_cubed(p).to_string()}});
        }
        out << j.dump(2) << "\n";
        return exit_ok;
    }
    out << "element: " << selected.description << "\n"
        << "  order " << selected.z.order() << " (" << live << " nodes with non-zero norm)\n"
        << "  orbit-minimal norm " << total << " (sum over nodes of 3 2^(-2/3) u^(2/3) v^(1/3); floating point from exact u, v)\n"
        ;
    if (o.per_node)
        for (std::size_t j = 0; j < parts.size(); ++j)
            out << "  node " << j << ": E = " << node_norm(parts[j]) << ", E^3 = " << node_norm_cubed(parts[j]).to_string() << "\n";
    return exit_ok;
}

}  // namespace cogo::cli
