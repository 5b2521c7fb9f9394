#include "io/bounded_read.hpp"
#include "cli/crosscheck_command.hpp"

#include <algorithm>
#include "group/isomorphism_types.hpp"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/construct_command.hpp"
#include "cli/exit_codes.hpp"
#include "io/atomic_file.hpp"
#include "io/element_json.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "io/torch_checkpoint.hpp"
#include "io/run_directory.hpp"
#include "analyze/spectrum_svg.hpp"
#include "verify/certificate_writer.hpp"
#include "verify/number_field_certificate_writer.hpp"

namespace cogo::cli {

namespace {

std::string pick(const std::string& file, const std::string& dir, const char* name) {
    if (!file.empty()) return file;
    if (dir.empty())
        throw InvalidInput(std::string("crosscheck: give a directory DIR or --wa/--wb/--v files (missing ") + name + ")");
    return (std::filesystem::path(dir) / name).string();
}

nlohmann::json complex_json(Complex z) { return nlohmann::json::array({z.real(), z.imag()}); }

bool is_torch_checkpoint(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    return ext == ".pt" || ext == ".pth" || ext == ".ckpt";
}

double share(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }

/// The group a run directory records, and where.
struct RecordedGroup {
    std::optional<AbelianGroup> group;
    std::string source;
};

nlohmann::json parse_json_file(const std::filesystem::path& path) {
    try {
        return nlohmann::json::parse(read_text_file_bounded(path, kMaxJsonInputBytes, "run record"));
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput("crosscheck: " + path.string() + " is not valid JSON (" + e.what() + "; pass --group to skip it)");
    }
}

/// summary.json's "group" (a spec string, cogo train) and fourier.json's "group" (the moduli, cogo construct);
/// both present and different is refused.
RecordedGroup recorded_group(const std::string& dir) {
    RecordedGroup out;
    std::error_code ec;
    const std::filesystem::path summary = std::filesystem::path(dir) / "summary.json";
    if (std::filesystem::is_regular_file(summary, ec)) {
        const nlohmann::json doc = parse_json_file(summary);
        if (doc.contains("group")) {
            if (!doc.at("group").is_string()) throw InvalidInput("crosscheck: " + summary.string() + ": \"group\" is not a string");
            out.group = AbelianGroup::parse(doc.at("group").get<std::string>());
            out.source = summary.string();
        }
    }
    const std::filesystem::path fourier = std::filesystem::path(dir) / kFourierFile;
    if (std::filesystem::is_regular_file(fourier, ec)) {
        const nlohmann::json doc = parse_json_file(fourier);
        if (doc.contains("group")) {
            const nlohmann::json& m = doc.at("group");
            std::vector<unsigned long> moduli;
            if (!m.is_array() || m.empty() || m.size() > 64)
                throw InvalidInput("crosscheck: " + fourier.string() + ": \"group\" is not a list of moduli");
            for (const auto& x : m) {
                if (!x.is_number_unsigned() || x.get<std::uint64_t>() < 2 || x.get<std::uint64_t>() > AbelianGroup::max_order)
                    throw InvalidInput("crosscheck: " + fourier.string() + ": \"group\" has a modulus that is not an integer in 2.." +
                                       std::to_string(AbelianGroup::max_order));
                moduli.push_back(x.get<unsigned long>());
            }
            const AbelianGroup g(moduli);
            if (out.group && !(*out.group == g))
                throw InvalidInput("crosscheck: " + summary.string() + " records " + out.group->name() + " but " + fourier.string() +
                                   " records " + g.name());
            if (!out.group) out.group = g, out.source = fourier.string();
        }
    }
    return out;
}

std::string shape(const Matrix<double>& m) { return std::to_string(m.rows()) + " x " + std::to_string(m.cols()); }

/// Refuses weights whose layout contradicts the group (n = |G|): W_a, W_b must be q x n and V n x q; a
/// transposed array is named as such.
void check_layout(const NetworkWeights<double>& w, const AbelianGroup& g, const std::string& source) {
    const std::size_t n = g.order();
    auto input = [&](const Matrix<double>& m, const char* name) {
        if (m.cols() == n) return;
        std::string msg = std::string("crosscheck: ") + name + " is " + shape(m) + " but " + source + " gives " + g.name() +
                          " (n = " + std::to_string(n) + "), so " + name + " must be q x " + std::to_string(n);
        if (m.rows() == n) msg += ": it looks transposed (n x q given where q x n is expected)";
        throw ShapeMismatch(msg);
    };
    input(w.wa, "W_a");
    input(w.wb, "W_b");
    if (w.v.rows() != n) {
        std::string msg = "crosscheck: V is " + shape(w.v) + " but " + source + " gives " + g.name() + " (n = " +
                          std::to_string(n) + "), so V must be " + std::to_string(n) + " x q";
        if (w.v.cols() == n) msg += ": it looks transposed (q x n given where n x q is expected)";
        throw ShapeMismatch(msg);
    }
}

}  // namespace

/// load_trained_weights, also saying whether the group was assumed (Z_n: no --group and nothing recorded).
static NetworkWeights<double> load_weights_and_group(const CrosscheckCommandOptions& o, AbelianGroup& group,
                                                     bool& assumed) {
    assumed = false;
    NetworkWeights<double> w;
    std::error_code fs_error;
    const bool npz = !o.dir.empty() && std::filesystem::is_regular_file(o.dir, fs_error);
    if (npz && (is_torch_checkpoint(o.dir) || !o.keys.empty())) {
        // a torch.save checkpoint: restricted unpickling, nothing executed
        CheckpointWeights c = select_weights(read_torch_checkpoint(o.dir), o.keys.empty() ? std::vector<std::string>{}
                                                                                           : parse_weight_keys(o.keys), o.dir);
        w = {std::move(c.wa), std::move(c.wb), std::move(c.v)};
    } else if (!o.keys.empty()) {
        throw InvalidInput("crosscheck: --keys names tensors of a PyTorch checkpoint; give the checkpoint file as DIR");
    } else if (npz) {
        // DIR is an .npz archive (np.savez(f, Wa=..., Wb=..., V=...), compressed or not)
        const auto arrays = read_npz(o.dir);
        auto member = [&](const char* key) -> const NpyArray& {
            auto it = arrays.find(key);
            if (it == arrays.end())
                throw InvalidInput("crosscheck: " + o.dir + " has no array '" + key + "' (expected Wa, Wb, V as np.savez keys)");
            return it->second;
        };
        w = {as_matrix(member("Wa"), o.dir + ":Wa"), as_matrix(member("Wb"), o.dir + ":Wb"), as_matrix(member("V"), o.dir + ":V")};
    } else {
        const std::string wa = pick(o.wa, o.dir, kWaFile), wb = pick(o.wb, o.dir, kWbFile), v = pick(o.v, o.dir, kVFile);
        w = {as_matrix(read_npy(wa), wa), as_matrix(read_npy(wb), wb), as_matrix(read_npy(v), v)};
    }
    // the group the run records: summary.json (cogo train) or fourier.json (cogo construct)
    RecordedGroup recorded;
    if (!o.dir.empty() && !npz) {
        try {
            recorded = recorded_group(o.dir);
        } catch (const InvalidInput&) {
            if (o.group.empty()) throw;  // an explicit --group does not need the records
        }
    }
    std::optional<AbelianGroup> chosen;
    if (!o.group.empty()) {
        chosen = AbelianGroup::parse(o.group);
        if (recorded.group && !(*recorded.group == *chosen))
            throw InvalidInput("crosscheck: --group " + o.group + " (" + chosen->name() + ") contradicts " + recorded.source +
                               ", which records " + recorded.group->name());
    } else if (recorded.group) {
        chosen = recorded.group;
    }
    if (chosen) {
        check_layout(w, *chosen, recorded.group ? recorded.source : "--group");
        group = *chosen;
    } else {
        const std::size_t n = w.wa.cols();
        if (w.wb.cols() != n || w.v.rows() != n)
            throw ShapeMismatch("crosscheck: mismatched group order: W_a has " + std::to_string(n) + " columns, W_b " +
                                std::to_string(w.wb.cols()) + ", V " + std::to_string(w.v.rows()) + " rows");
        if (n < 2) throw InvalidInput("crosscheck: W_a has " + std::to_string(n) + " columns; need a group of order >= 2");
        group = AbelianGroup::cyclic(n);
        assumed = true;
    }
    analyze::check_trained_weights(group, w, "crosscheck");
    return w;
}

NetworkWeights<double> load_trained_weights(const CrosscheckCommandOptions& o, AbelianGroup& group) {
    bool assumed = false;
    return load_weights_and_group(o, group, assumed);
}

std::optional<double> recorded_train_loss(const std::string& dir) {
    std::error_code ec;
    const std::filesystem::path summary = std::filesystem::path(dir) / "summary.json";
    if (dir.empty() || !std::filesystem::is_regular_file(summary, ec)) return std::nullopt;
    try {
        const nlohmann::json doc = nlohmann::json::parse(read_text_file_bounded(summary, kMaxJsonInputBytes, "run summary"));
        const auto& f = doc.at("final").at("train_loss");
        if (f.is_number()) return f.get<double>();
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

nlohmann::json crosscheck_json(const analyze::CrosscheckReport& r) {
    using nlohmann::json;
    json blocks = json::array();
    for (const analyze::BlockReport& b : r.blocks) {
        json params = json::object(), found = json::object(), snapped = json::object();
        for (const auto& p : b.params) {
            params[p.name] = to_string(p.canonical);
            snapped[p.name] = to_string(p.snapped);
            found[p.name] = p.found;
        }
        if (b.family == analyze::BlockFamily::nui_xi) params["sign"] = b.sign;
        const auto& c = b.classification;
        blocks.push_back({{"k", b.k},
                          {"order", b.nodes.size()},
                          {"family", analyze::family_name(b.family)},
                          {"family_name", analyze::family_pretty_name(b.family)},
                          {"status", b.verified ? "PROVED" : "UNRESOLVED"},
                          {"bias_cancelled_by_dc", b.bias_cancelled_by_dc},
                          {"factors", c.factors},
                          {"factorable", c.factorable},
                          {"layout", c.factorable ? json::array({c.m, c.n}) : json(nullptr)},
                          {"params", params},
                          {"params_snapped", snapped},
                          {"params_found", found},
                          {"on_small_grid", b.on_small_grid},
                          {"residual", c.residual >= 0 ? json(c.residual) : json(nullptr)},
                          {"classification_error", c.error >= 0 ? json(c.error) : json(nullptr)},
                          {"magnitude_spread", c.magnitude_spread},
                          {"rounding_residual", b.rounding_residual >= 0 ? json(b.rounding_residual) : json(nullptr)},
                          {"r_kkk", complex_json(b.r_kkk)},
                          {"bias", complex_json(b.bias)},
                          {"spread_nodes", b.spread_nodes},
                          {"max_off_c", b.max_off_c},
                          {"bias_cancelled_by", b.bias_cancelled_by},
                          {"nodes", b.nodes},
                          {"structure", b.structure},
                          {"function_distance", b.function_distance >= 0 ? json(b.function_distance) : json(nullptr)},
                          {"verified", b.verified},
                          {"unresolved", b.verified ? json(nullptr) : json(unknown_reason_name(b.unresolved))},
                          {"note", b.note}});
    }
    const auto& a = r.assignment;
    std::size_t live = r.q - a.dead;
    return {{"d", r.group.order()},
            {"group", r.group.spec()},
            {"q", r.q},
            {"nodes",
             {{"live", live}, {"dead", a.dead}, {"dc_nodes", a.dc_nodes}, {"dc_carrying", a.dc_carrying},
              {"spread", a.spread}, {"max_dead_strength", a.max_dead_strength}}},
            {"blocks", blocks},
            {"summary",
             {{"blocks", r.blocks.size()},
              {"classified", r.classified()},
              {"verified", r.verified()},
              {"share_verified", share(r.verified(), r.blocks.size())},
              {"verdict", verdict_name(r.verdict)},
              {"network", analyze::network_verdict_name(r.network)},
              {"network_reason", r.network_reason},
              {"unknown_reason", r.network == analyze::NetworkVerdict::unknown ? json(unknown_reason_name(r.unknown_reason))
                                                                              : json(nullptr)},
              {"proven", r.proven},
              {"unproven", r.unproven},
              {"dc_rounded", r.dc_rounded},
              {"unresolved_nodes", r.unresolved_nodes},
              {"warnings", r.warnings},
              {"exact_loss", !r.exact_loss_text.empty() ? json(r.exact_loss_text) : json(nullptr)},
              {"number_field", r.field ? json(r.field->polynomial()) : json(nullptr)},
              {"failing", r.failing},
              {"first_failure", r.first_failure},
              {"reason", r.reason},
              {"rounded_order", r.rounded_nf ? r.rounded_nf->order() : r.rounded ? r.rounded->order() : 0},
              {"trained_loss", r.trained_loss >= 0 ? json(r.trained_loss) : json(nullptr)},
              {"function_allowed", r.function_allowed >= 0 ? json(r.function_allowed) : json(nullptr)}}},
            {"distance", {{"wa", r.distance_wa}, {"wb", r.distance_wb}, {"v", r.distance_v}}},
            {"seconds", {{"analysis", r.seconds_analysis}, {"verify", r.seconds_verify}}}};
}

namespace {

/// A fixed-width scientific cell, "-" when the value is missing (negative marks "not computed").
std::string sci_cell(double x) {
    if (!(x >= 0)) return "-";
    std::ostringstream o;
    o << std::setprecision(2) << std::scientific << x;
    return o.str();
}

std::string fixed_cell(double x, int precision) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(precision) << x;
    return o.str();
}

/// Above this all-pairs train loss a run is reported as not converged (a global optimum has loss 0; the
/// paper's runs end near 1e-3 and below).
constexpr double kConvergedLoss = 1e-2;

}  // namespace

int run_crosscheck(const CrosscheckCommandOptions& options, std::ostream& out) {
    AbelianGroup group = AbelianGroup::cyclic(2);
    bool assumed = false;
    const NetworkWeights<double> w = load_weights_and_group(options, group, assumed);
    analyze::CrosscheckReport r = analyze::crosscheck(group, w, options.analysis);
    if (assumed) {  // a product group read as cyclic is analysed in the wrong character basis: say so
        const std::vector<AbelianGroup> others = abelian_groups_of_order(group.order());
        if (others.size() > 1) {
            std::string names;
            for (std::size_t i = 1; i < others.size(); ++i) names += (i > 1 ? ", " : "") + others[i].name();
            r.warnings.push_back("group: not recorded (no --group, summary.json or fourier.json); read as " + group.name() +
                                 ", but order " + std::to_string(group.order()) + " also has " + names +
                                 ": pass --group if the weights were trained on one of those");
        }
    }
    const std::optional<double> train_loss = recorded_train_loss(options.dir);

    if (!options.rounded.empty() && !r.rounded)
        throw InvalidInput("crosscheck: --rounded: no block was classified, nothing to write");
    if (!options.rounded.empty() && r.rounded_nf)
        throw InvalidInput("crosscheck: --rounded: the rounded network has values in a number field, which the element "
                           "file format cannot hold; use --certificate (cogo-certificate-nf)");
    // every output is prepared before any is written
    const std::string svg = options.svg.empty() ? "" : analyze::spectrum_svg(analyze::fourier_transform(group, w), r);
    const std::string element =
        options.rounded.empty() ? ""
                                : element_file_text(*r.rounded, "rounded network of a cross-check on " + group.name(),
                                                    nlohmann::json{{"source", options.dir}});
    std::string certificate;
    if (!options.certificate.empty() && r.rounded_nf) {
        NumberField::Scope scope(r.field);
        const VerificationResult<NumberFieldScalar> result =
            verify_global_optimum(*r.rounded_nf, VerifyLimits{options.analysis.max_terms});
        if (result.verdict == Verdict::unknown)
            throw ResourceLimit("crosscheck: --certificate: exact verification not done: " + result.reason);
        const std::string statement =
            "rounded network of a cross-check on " + group.name() + " (" + options.dir + "), over a number field";
        std::vector<std::size_t> proven;  // output frequencies of the PROVED blocks, both signs (as below)
        for (std::size_t k : r.proven) proven.push_back(k), proven.push_back(group.neg(k));
        std::sort(proven.begin(), proven.end());
        proven.erase(std::unique(proven.begin(), proven.end()), proven.end());
        certificate = result.verdict == Verdict::refuted && !proven.empty()
                          ? partial_number_field_certificate_text(r.field, *r.rounded_nf, result, proven,
                                                                  statement + "; proven blocks only")
                          : number_field_certificate_text(r.field, *r.rounded_nf, result, statement);
    } else if (!options.certificate.empty()) {
        if (!r.rounded) throw InvalidInput("crosscheck: --certificate: no block was rounded, nothing to certify");
        const VerificationResult<Cyclotomic> result = verify_global_optimum(*r.rounded, VerifyLimits{options.analysis.max_terms});
        if (result.verdict == Verdict::unknown)
            throw ResourceLimit("crosscheck: --certificate: exact verification not done: " + result.reason);
        const std::string statement = "rounded network of a cross-check on " + group.name() + " (" + options.dir + ")";
        std::vector<std::size_t> proven;  // output frequencies of the PROVED blocks, both signs
        for (std::size_t k : r.proven) proven.push_back(k), proven.push_back(group.neg(k));
        std::sort(proven.begin(), proven.end());
        proven.erase(std::unique(proven.begin(), proven.end()), proven.end());
        certificate = result.verdict == Verdict::refuted && !proven.empty()
                          ? partial_certificate_text(*r.rounded, result, proven, statement + "; proven blocks only")
                          : certificate_text(*r.rounded, result, statement);
    }
    if (!options.svg.empty()) write_file_atomically(options.svg, svg);
    if (!options.certificate.empty()) write_file_atomically(options.certificate, certificate);
    if (!options.rounded.empty()) write_file_atomically(options.rounded, element);
    const bool unconverged = train_loss && *train_loss > kConvergedLoss;
    if (options.json) {
        nlohmann::json j = crosscheck_json(r);
        j["train_loss"] = train_loss ? nlohmann::json(*train_loss) : nlohmann::json(nullptr);
        j["converged"] = train_loss ? nlohmann::json(!unconverged) : nlohmann::json(nullptr);
        out << j.dump(2) << "\n";
    } else {
        const auto& a = r.assignment;
        out << "crosscheck on " << group.name() << ": q = " << r.q << " nodes, " << (r.q - a.dead) << " live, "
            << a.dead << " dead (strength < " << options.analysis.assignment.dead_threshold << " of max), "
            << a.dc_nodes << " DC nodes, " << a.dc_carrying << " DC-carrying, " << a.spread << " spreading\n";
        for (const std::string& warning : r.warnings) out << "warning: " << warning << "\n";
        out << std::left << std::setw(5) << "k" << std::setw(6) << "order" << std::setw(23) << "family" << std::setw(28)
            << "params" << std::setw(10) << "factor" << std::setw(10) << "round" << std::setw(8) << "|r_kkk|"
            << std::setw(7) << "spread" << std::setw(11) << "status" << "note\n";
        for (const auto& b : r.blocks) {
            std::ostringstream params;
            for (const auto& p : b.params) params << p.name << "=" << to_string(p.canonical) << " ";
            if (b.family == analyze::BlockFamily::nui_xi) params << "s=" << (b.sign > 0 ? "+1" : "-1");
            std::string p = params.str();
            if (p.empty()) p = "-";
            out << std::left << std::setw(5) << b.k << std::setw(6) << b.nodes.size() << std::setw(23)
                << analyze::family_pretty_name(b.family) << std::setw(28) << p << std::setw(10)
                << sci_cell(b.classification.residual) << std::setw(10) << sci_cell(b.rounding_residual) << std::setw(8)
                << fixed_cell(std::abs(b.r_kkk), 4) << std::setw(7) << b.spread_nodes << std::setw(11)
                << (b.verified ? "PROVED" : "UNRESOLVED") << (b.note.empty() ? (b.structure.empty() ? "-" : b.structure) : b.note)
                << "\n";
        }
        out << std::right;
        out << "summary: " << r.blocks.size() << " blocks, " << r.classified() << " classified, " << r.verified()
            << " proved (" << fixed_cell(100 * share(r.verified(), r.blocks.size()), 1) << "%); " << r.dc_rounded
            << " DC nodes rounded\n";
        out << "rounded network: " << (r.rounded_nf ? r.rounded_nf->order() : r.rounded ? r.rounded->order() : 0)
            << " nodes, " << verdict_name(r.verdict);
        if (r.field) out << " over a number field of degree " << r.field->degree();
        if (!r.exact_loss_text.empty()) out << ", exact loss " << r.exact_loss_text;
        if (!r.first_failure.empty()) out << "\n  " << r.failing << " failing; first: " << r.first_failure;
        if (!r.reason.empty()) out << "\n  " << r.reason;
        out << "\ndistance trained vs rounded (relative Frobenius, canonical gauge): W_a " << std::setprecision(3)
            << r.distance_wa << ", W_b " << r.distance_wb << ", V " << r.distance_v << "\n";
        out << "time: analysis " << r.seconds_analysis << " s, exact verification " << r.seconds_verify << " s\n";
        if (options.analysis.verify) {
            out << "network: " << analyze::network_verdict_name(r.network);
            if (!r.network_reason.empty()) out << " (" << r.network_reason << ")";
            out << "\n";
            if (r.network == analyze::NetworkVerdict::partial) {
                out << "  proven frequencies:";
                for (std::size_t k : r.proven) out << " " << k;
                if (r.proven.empty()) out << " -";
                out << "\n  not proven:";
                for (const auto& b : r.blocks)
                    if (!b.verified) out << "\n    k = " << b.k << ": " << (b.note.empty() ? "-" : b.note);
                out << "\n";
            }
        }
        if (unconverged) out << "hint: train loss " << sci_cell(*train_loss) << "; train longer\n";
    }
    if (!options.analysis.verify) return exit_ok;
    switch (r.network) {
        case analyze::NetworkVerdict::proved: return exit_ok;
        case analyze::NetworkVerdict::refuted: return exit_refuted;
        default: return exit_unknown;
    }
}

}  // namespace cogo::cli
