#include "cli/crosscheck_command.hpp"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
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

}  // namespace

analyze::TrainedWeights load_trained_weights(const CrosscheckCommandOptions& o, AbelianGroup& group) {
    analyze::TrainedWeights w;
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
    const std::size_t n = w.wa.cols();
    if (w.wb.cols() != n || w.v.rows() != n)
        throw ShapeMismatch("crosscheck: mismatched group order: W_a has " + std::to_string(n) + " columns, W_b " +
                            std::to_string(w.wb.cols()) + ", V " + std::to_string(w.v.rows()) + " rows");
    if (n < 2) throw InvalidInput("crosscheck: W_a has " + std::to_string(n) + " columns; need a group of order >= 2");
    std::string spec = o.group;
    if (spec.empty() && !o.dir.empty() && !npz) {
        // a run written by `cogo train` names its group in summary.json: a product group read as Z_n would
        // be analysed in the wrong character basis
        const std::filesystem::path summary = std::filesystem::path(o.dir) / run_files::summary;
        std::error_code ec;
        if (std::filesystem::is_regular_file(summary, ec)) {
            try {
                const nlohmann::json doc = nlohmann::json::parse(read_file(summary));
                if (doc.contains("group") && doc.at("group").is_string()) spec = doc.at("group").get<std::string>();
            } catch (const nlohmann::json::exception&) {
                throw InvalidInput("crosscheck: " + summary.string() + " is not valid JSON (pass --group to skip it)");
            }
        }
    }
    group = spec.empty() ? AbelianGroup::cyclic(n) : AbelianGroup::parse(spec);
    if (group.order() != n)
        throw ShapeMismatch("crosscheck: group " + spec + " has order " + std::to_string(group.order()) +
                            " but the weights have n = " + std::to_string(n));
    analyze::check_trained_weights(group, w, "crosscheck");
    return w;
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
                          {"verified", b.verified},
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
              {"exact_loss", r.exact_loss ? json(r.exact_loss->to_string()) : json(nullptr)},
              {"failing", r.failing},
              {"first_failure", r.first_failure},
              {"reason", r.reason},
              {"rounded_order", r.rounded ? r.rounded->order() : 0}}},
            {"distance", {{"wa", r.distance_wa}, {"wb", r.distance_wb}, {"v", r.distance_v}}},
            {"seconds", {{"analysis", r.seconds_analysis}, {"verify", r.seconds_verify}}}};
}

int run_crosscheck(const CrosscheckCommandOptions& options, std::ostream& out) {
    AbelianGroup group = AbelianGroup::cyclic(2);
    const analyze::TrainedWeights w = load_trained_weights(options, group);
    const analyze::CrosscheckReport r = analyze::crosscheck(group, w, options.analysis);

    if (!options.rounded.empty() && !r.rounded)
        throw InvalidInput("crosscheck: --rounded: no block was classified, nothing to write");
    // every output is prepared before any is written
    const std::string svg = options.svg.empty() ? "" : analyze::spectrum_svg(analyze::fourier_transform(group, w), r);
    const std::string element =
        options.rounded.empty() ? ""
                                : element_file_text(*r.rounded, "rounded network of a cross-check on " + group.name(),
                                                    nlohmann::json{{"source", options.dir}});
    if (!options.svg.empty()) write_file_atomically(options.svg, svg);
    if (!options.rounded.empty()) write_file_atomically(options.rounded, element);
    if (options.json) {
        out << crosscheck_json(r).dump(2) << "\n";
    } else {
        const auto& a = r.assignment;
        out << "crosscheck on " << group.name() << ": q = " << r.q << " nodes, " << (r.q - a.dead) << " live, "
            << a.dead << " dead (strength < " << options.analysis.assignment.dead_threshold << " of max), "
            << a.dc_nodes << " DC nodes, " << a.dc_carrying << " DC-carrying, " << a.spread << " spreading\n";
        out << "  k  order  family          params                      residual  round    |r_kkk|  spread  verified  note\n";
        for (const auto& b : r.blocks) {
            std::ostringstream params;
            for (const auto& p : b.params) params << p.name << "=" << to_string(p.canonical) << " ";
            if (b.family == analyze::BlockFamily::nui_xi) params << "s=" << (b.sign > 0 ? "+1" : "-1");
            out << std::setw(3) << b.k << std::setw(7) << b.nodes.size() << "  " << std::left << std::setw(16)
                << analyze::family_name(b.family) << std::setw(28) << params.str() << std::right << std::setw(8)
                << std::setprecision(2) << std::scientific << b.classification.residual << std::setw(9)
                << b.rounding_residual << std::defaultfloat << std::setprecision(4) << std::setw(9)
                << std::abs(b.r_kkk) << std::setw(8) << b.spread_nodes << std::setw(10) << (b.verified ? "yes" : "no")
                << "  " << b.note << "\n";
        }
        out << "summary: " << r.blocks.size() << " blocks, " << r.classified() << " classified, " << r.verified()
            << " verified (" << std::setprecision(3) << 100 * share(r.verified(), r.blocks.size()) << "%)\n";
        out << "rounded network: " << (r.rounded ? r.rounded->order() : 0) << " nodes, " << verdict_name(r.verdict);
        if (r.exact_loss) out << ", exact loss " << r.exact_loss->to_string();
        if (!r.first_failure.empty()) out << "\n  " << r.failing << " failing; first: " << r.first_failure;
        if (!r.reason.empty()) out << "\n  " << r.reason;
        out << "\ndistance trained vs rounded (relative Frobenius, rounded mapped to the trained gauge): W_a "
            << std::setprecision(3) << r.distance_wa << ", W_b " << r.distance_wb << ", V " << r.distance_v << "\n";
        out << "time: analysis " << r.seconds_analysis << " s, exact verification " << r.seconds_verify << " s\n";
    }
    if (!options.analysis.verify) return exit_ok;
    return exit_code(r.verdict);
}

}  // namespace cogo::cli
