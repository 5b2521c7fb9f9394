#include "analyze/sweep_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <numbers>
#include <sstream>

#include "analyze/angle_histograms.hpp"
#include "group/abelian_group.hpp"
#include "support/error.hpp"

namespace cogo::analyze {

namespace {

template <class T>
T field(const nlohmann::json& doc, const char* name, const char* where) {
    if (!doc.is_object() || !doc.contains(name) || doc.at(name).is_null())
        throw InvalidInput(std::string("table: ") + where + " has no field '" + name + "'");
    try {
        return doc.at(name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw InvalidInput(std::string("table: ") + where + ": field '" + name + "' has the wrong type");
    }
}

double percent(std::size_t part, std::size_t whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

std::string cell(const MeanError& m) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << m.mean;
    if (m.n > 1) s << " +- " << std::setprecision(2) << m.error;
    return s.str();
}

std::string latex_cell(const MeanError& m) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << m.mean;
    if (m.n > 1) s << " $\\pm$ " << m.error;
    return s.str();
}

/// The paper's row for a table row: its (group, width, wd), at the paper's lr 0.01 (or an unrecorded lr).
bool paper_row_for(const TableRow& r, double out[4]) {
    return (r.lr == 0 || r.lr == 0.01) && r.variant.empty() && paper_row(r.group, r.width, r.wd, out);
}

std::string wd_text(double wd) {
    std::ostringstream s;
    s << wd;
    return s.str();
}

}  // namespace

std::string run_variant(const nlohmann::json& summary) {
    std::vector<std::string> parts;
    auto text_of = [](const nlohmann::json& v) {
        if (v.is_string()) return v.get<std::string>();
        if (v.is_number_float()) {
            std::ostringstream s;
            s << std::setprecision(17) << v.get<double>();
            return s.str();
        }
        return v.dump();
    };
    if (summary.contains("optimizer") && summary.at("optimizer") != "adam") parts.push_back(text_of(summary.at("optimizer")));
    if (summary.contains("test_fraction") && summary.at("test_fraction").is_number() &&
        summary.at("test_fraction").get<double>() != 0.1)
        parts.push_back("test " + wd_text(summary.at("test_fraction").get<double>()));
    if (summary.contains("batch_size") && summary.at("batch_size").is_number() && summary.at("batch_size").get<double>() != 0)
        parts.push_back("batch " + text_of(summary.at("batch_size")));
    if (summary.contains("init_scale") && summary.at("init_scale").is_number() && summary.at("init_scale").get<double>() != 1)
        parts.push_back("init x" + wd_text(summary.at("init_scale").get<double>()));
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

RunShares run_shares(const nlohmann::json& summary, const nlohmann::json& crosscheck) {
    RunShares r;
    r.variant = run_variant(summary);
    r.group = field<std::string>(summary, "group", "summary.json");
    r.width = field<std::size_t>(summary, "width", "summary.json");
    r.wd = field<double>(summary, "wd", "summary.json");
    if (summary.contains("lr")) r.lr = field<double>(summary, "lr", "summary.json");
    r.seed = field<std::uint64_t>(summary, "seed", "summary.json");
    const nlohmann::json final_metrics = field<nlohmann::json>(summary, "final", "summary.json");
    const nlohmann::json& test = final_metrics.contains("test_accuracy") ? final_metrics.at("test_accuracy") : nlohmann::json();
    const nlohmann::json& train = final_metrics.contains("train_accuracy") ? final_metrics.at("train_accuracy") : nlohmann::json();
    r.converged = test.is_number() ? test.get<double>() == 1.0 : (train.is_number() && train.get<double>() == 1.0);
    const nlohmann::json blocks = field<nlohmann::json>(crosscheck, "blocks", "crosscheck.json");
    if (!blocks.is_array()) throw InvalidInput("table: crosscheck.json: 'blocks' is not an array");
    for (const nlohmann::json& b : blocks) {
        ++r.blocks;
        const std::string family = field<std::string>(b, "family", "a block of crosscheck.json");
        const bool factorable = field<bool>(b, "factorable", "a block of crosscheck.json");
        r.verified += b.value("verified", false);
        if (b.contains("order") && b.at("order").is_number()) r.block_orders.push_back(b.at("order").get<double>());
        if (family == "z_nui*z_xi") ++r.nui_xi;
        else if (family == "z_nu*z_syn") ++r.nu_syn;
        else if (family == "z_nui*z_synab") ++r.nui_synab;
        else if (factorable) ++r.other;
        if (factorable || family != "unknown") ++r.factorable;
        for (const auto& [name, turns] : canonical_found_turns(b)) r.canonical_turns[name].push_back(turns);
        if (b.contains("params_found") && b.at("params_found").is_object())
            for (const auto& [name, value] : b.at("params_found").items())
                if (value.is_number()) {
                    double angle = 2 * std::numbers::pi * value.get<double>();
                    angle = std::remainder(angle, 2 * std::numbers::pi);  // (-pi, pi]
                    r.angles[name].push_back(angle);
                }
    }
    return r;
}

MeanError mean_error(const std::vector<double>& values) {
    MeanError m;
    m.n = values.size();
    if (values.empty()) return m;
    double sum = 0;
    for (double v : values) sum += v;
    m.mean = sum / static_cast<double>(m.n);
    if (m.n > 1) {
        double ss = 0;
        for (double v : values) ss += (v - m.mean) * (v - m.mean);
        m.error = std::sqrt(ss / static_cast<double>(m.n - 1)) / std::sqrt(static_cast<double>(m.n));
    }
    return m;
}

std::vector<TableRow> aggregate(const std::vector<RunShares>& runs, bool converged_only) {
    using Key = std::tuple<std::size_t, std::string, std::size_t, double, double, std::string>;
    std::map<Key, std::vector<const RunShares*>> cells;
    for (const RunShares& r : runs) {
        std::size_t order = 0;
        try {
            order = AbelianGroup::parse(r.group).order();
        } catch (const Error&) {
            throw InvalidInput("table: run with an unreadable group '" + r.group + "'");
        }
        cells[Key{order, r.group, r.width, r.wd, r.lr, r.variant}].push_back(&r);
    }
    std::vector<TableRow> rows;
    for (const auto& [key, members] : cells) {
        TableRow row;
        row.group = std::get<1>(key);
        row.width = std::get<2>(key);
        row.wd = std::get<3>(key);
        row.lr = std::get<4>(key);
        row.variant = std::get<5>(key);
        std::vector<double> s4, s6, s6ab, so, snf, sv;
        for (const RunShares* r : members) {
            ++row.runs;
            row.converged += r->converged;
            if (converged_only && !r->converged) continue;
            if (r->blocks == 0) {
                ++row.runs_without_blocks;
                continue;
            }
            if (r->factorable > 0) {
                s4.push_back(percent(r->nui_xi, r->factorable));
                s6.push_back(percent(r->nu_syn, r->factorable));
                s6ab.push_back(percent(r->nui_synab, r->factorable));
                so.push_back(percent(r->other, r->factorable));
            }
            snf.push_back(percent(r->blocks - r->factorable, r->blocks));
            sv.push_back(percent(r->verified, r->blocks));
        }
        row.nui_xi = mean_error(s4);
        row.nu_syn = mean_error(s6);
        row.nui_synab = mean_error(s6ab);
        row.other = mean_error(so);
        row.non_factorable = mean_error(snf);
        row.verified = mean_error(sv);
        rows.push_back(row);
    }
    return rows;
}

bool paper_row(const std::string& group, std::size_t width, double wd, double out[4]) {
    if (width != 512 || wd != 5e-5) return false;
    static const std::map<std::string, std::array<double, 4>> table = {
        {"23", {47.07, 39.80, 11.31, 1.82}}, {"71", {72.57, 21.14, 4.00, 2.29}}, {"127", {82.96, 14.13, 2.25, 0.66}}};
    auto it = table.find(group);
    if (it == table.end()) return false;
    std::copy(it->second.begin(), it->second.end(), out);
    return true;
}

std::string table_text(const std::vector<TableRow>& rows) {
    std::ostringstream s;
    s << std::left << std::setw(10) << "group" << std::setw(7) << "width" << std::setw(9) << "wd" << std::setw(7) << "lr"
      << std::setw(9) << "runs" << std::setw(16) << "order-4 nui*xi" << std::setw(16) << "order-6 nu*syn" << std::setw(18)
      << "order-6 nui*synab" << std::setw(15) << "other" << std::setw(16) << "non-factorable" << "verified\n";
    for (const TableRow& r : rows) {
        std::ostringstream runs;
        runs << r.converged << "/" << r.runs;
        s << std::left << std::setw(10) << r.group << std::setw(7) << r.width << std::setw(9) << wd_text(r.wd)
          << std::setw(7) << (r.lr > 0 ? wd_text(r.lr) : std::string("?")) << std::setw(9) << runs.str() << std::setw(16) << cell(r.nui_xi) << std::setw(16) << cell(r.nu_syn)
          << std::setw(18) << cell(r.nui_synab) << std::setw(15) << cell(r.other) << std::setw(16)
          << cell(r.non_factorable) << cell(r.verified) << "\n";
        if (!r.variant.empty()) s << "  settings: " << r.variant << "\n";
        double paper[4];
        if (paper_row_for(r, paper)) {
            s << std::left << std::setw(42) << "  paper (Table 2)" << std::fixed << std::setprecision(2) << std::setw(16)
              << paper[0] << std::setw(16) << paper[1] << std::setw(18) << paper[2] << std::setw(15) << paper[3] << "\n";
            s.unsetf(std::ios::fixed);
        }
    }
    s << "shares in percent, mean +- standard error over runs; runs = converged/all (test accuracy 100%);\n"
         "the four family columns are shares of the factorable blocks, non-factorable and verified of all blocks\n";
    return s.str();
}

std::string table_latex(const std::vector<TableRow>& rows) {
    std::ostringstream s;
    s << "\\begin{tabular}{lrrrrrrrr}\n\\toprule\n"
         "$G$ & $q$ & wd & runs & order-4 $z_{\\nu=i} z_\\xi$ & order-6 $z_\\nu z_{syn}$ & order-6 $z_{\\nu=i} z_{syn,\\alpha\\beta}$ "
         "& other & verified \\\\\n\\midrule\n";
    for (const TableRow& r : rows) {
        std::string g = r.group;
        std::replace(g.begin(), g.end(), 'x', ',');
        s << "$\\mathbb{Z}_{" << g << "}$" << (r.variant.empty() ? std::string() : " (" + r.variant + ")") << " & " << r.width << " & " << wd_text(r.wd) << " & " << r.converged << "/" << r.runs
          << " & " << latex_cell(r.nui_xi) << " & " << latex_cell(r.nu_syn) << " & " << latex_cell(r.nui_synab) << " & "
          << latex_cell(r.other) << " & " << latex_cell(r.verified) << " \\\\\n";
        double paper[4];
        if (paper_row_for(r, paper))
            s << "\\quad paper & & & & " << std::fixed << std::setprecision(2) << paper[0] << " & " << paper[1] << " & "
              << paper[2] << " & " << paper[3] << " & \\\\\n";
        s.unsetf(std::ios::fixed);
    }
    s << "\\bottomrule\n\\end{tabular}\n";
    return s.str();
}

nlohmann::json table_json(const std::vector<TableRow>& rows) {
    auto me = [](const MeanError& m) { return nlohmann::json{{"mean", m.mean}, {"error", m.error}, {"n", m.n}}; };
    nlohmann::json out = nlohmann::json::array();
    for (const TableRow& r : rows) {
        nlohmann::json row = {{"group", r.group}, {"width", r.width}, {"wd", r.wd}, {"lr", r.lr}, {"runs", r.runs},
                              {"converged", r.converged}, {"runs_without_blocks", r.runs_without_blocks},
                              {"nui_xi", me(r.nui_xi)}, {"nu_syn", me(r.nu_syn)}, {"nui_synab", me(r.nui_synab)},
                              {"other", me(r.other)}, {"non_factorable", me(r.non_factorable)},
                              {"verified", me(r.verified)}};
        if (!r.variant.empty()) row["variant"] = r.variant;
        double paper[4];
        if (paper_row_for(r, paper)) row["paper"] = {paper[0], paper[1], paper[2], paper[3]};
        out.push_back(row);
    }
    return out;
}

}  // namespace cogo::analyze
