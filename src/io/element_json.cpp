#include "io/element_json.hpp"

#include <numeric>

#include <nlohmann/json.hpp>

#include "io/bounded_read.hpp"
#include "support/error.hpp"

namespace cogo {

unsigned long common_field(const Element<Cyclotomic>& z) {
    unsigned long N = 1;
    for (const auto& node : z.nodes())
        for (Part p : all_parts)
            for (const auto& entry : node.row(p)) N = std::lcm(N, entry.second.field_order());
    return N;
}

nlohmann::json exact_to_json(const Cyclotomic& v, unsigned long N) {
    return nlohmann::json(v.lift(N).coefficients());
}

Cyclotomic exact_from_json(const nlohmann::json& j, unsigned long N, const std::string& what) {
    if (!j.is_array()) throw InvalidInput(what + ": an exact number must be an array of rational strings");
    std::vector<std::string> coeffs;
    for (const auto& c : j) {
        if (!c.is_string()) throw InvalidInput(what + ": coefficients must be strings like \"3\" or \"-1/2\"");
        coeffs.push_back(c.get<std::string>());
    }
    return Cyclotomic::from_coefficients(N, coeffs);
}

nlohmann::json element_to_json(const Element<Cyclotomic>& z, unsigned long N) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& node : z.nodes()) {
        nlohmann::json jn = nlohmann::json::object();
        for (Part p : all_parts) {
            nlohmann::json row = nlohmann::json::array();
            for (const auto& [k, v] : node.row(p)) row.push_back({k, exact_to_json(v, N)});
            jn[part_name(p)] = std::move(row);
        }
        nodes.push_back(std::move(jn));
    }
    return {{"order", z.order()}, {"nodes", std::move(nodes)}};
}

Element<Cyclotomic> element_from_json(const AbelianGroup& group, const nlohmann::json& j, unsigned long N) {
    if (!j.is_object() || !j.contains("nodes") || !j["nodes"].is_array())
        throw InvalidInput("element: expected an object with a \"nodes\" array");
    std::vector<Node<Cyclotomic>> nodes;
    for (std::size_t jdx = 0; jdx < j["nodes"].size(); ++jdx) {
        const auto& jn = j["nodes"][jdx];
        if (!jn.is_object()) throw InvalidInput("element: node " + std::to_string(jdx) + " is not an object");
        Node<Cyclotomic> node;
        for (Part p : all_parts) {
            if (!jn.contains(part_name(p))) continue;
            const auto& row = jn[part_name(p)];
            const std::string where = "element: node " + std::to_string(jdx) + " row " + part_name(p);
            if (!row.is_array()) throw InvalidInput(where + " is not an array");
            for (const auto& entry : row) {
                if (!entry.is_array() || entry.size() != 2 || !entry[0].is_number_unsigned())
                    throw InvalidInput(where + ": entries must be [frequency, value]");
                node.row(p).emplace_back(entry[0].get<std::size_t>(), exact_from_json(entry[1], N, where));
            }
        }
        nodes.push_back(std::move(node));
    }
    if (j.contains("order") && (!j["order"].is_number_unsigned() || j["order"].get<std::size_t>() != nodes.size()))
        throw InvalidInput("element: \"order\" does not match the number of nodes");
    return Element<Cyclotomic>(group, std::move(nodes));
}

std::string element_file_text(const Element<Cyclotomic>& z, const std::string& description,
                              const nlohmann::json& parameters) {
    const unsigned long N = common_field(z);
    const nlohmann::json doc = {{"format", "cogo-element"},
                                {"version", 1},
                                {"group", z.group().moduli()},
                                {"field", N},
                                {"description", description},
                                {"parameters", parameters},
                                {"element", element_to_json(z, N)}};
    return doc.dump(1) + "\n";
}

Element<Cyclotomic> read_element_file(const std::string& path) {
    return parse_element_document(read_text_file_bounded(path, kMaxJsonInputBytes, "element file"), path);
}

Element<Cyclotomic> parse_element_document(const std::string& text, const std::string& path) {
    check_json_depth(text, path);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e400
        throw InvalidInput(path + ": not valid JSON (" + e.what() + ")");
    }
    try {
        if (!doc.is_object() || !doc.contains("format") ||
            (doc["format"] != "cogo-element" && doc["format"] != "cogo-certificate"))
            throw InvalidInput(path + ": expected a cogo-element or cogo-certificate document");
        if (!doc.contains("group") || !doc["group"].is_array())
            throw InvalidInput(path + ": missing \"group\" array");
        const AbelianGroup group(doc["group"].get<std::vector<unsigned long>>());
        if (!doc.contains("field") || !doc["field"].is_number_unsigned())
            throw InvalidInput(path + ": missing \"field\"");
        return element_from_json(group, doc.at("element"), doc["field"].get<unsigned long>());
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput(path + ": malformed element document (" + e.what() + ")");
    }
}

}  // namespace cogo
