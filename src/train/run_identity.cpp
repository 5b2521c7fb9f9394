#include "train/run_identity.hpp"

#include <set>

namespace cogo::train {

const char* precision_name(Precision p) { return p == Precision::float32 ? "float32" : "float64"; }
const char* loss_name(LossKind l) { return l == LossKind::mse ? "mse" : "ce"; }
const char* activation_name(Activation a) { return a == Activation::quadratic ? "quadratic" : "relu"; }
const char* optimizer_name(OptimizerKind o) {
    return o == OptimizerKind::adam ? "adam" : o == OptimizerKind::adamw ? "adamw" : "sgd";
}

namespace {

/// The settings part of the identity (every run has it).
nlohmann::json settings_identity(const TrainConfig& c) {
    validate(c);
    nlohmann::json id = {{"kind", "cogo-train"},
            {"group", AbelianGroup::parse(c.group).spec()},
            {"width", c.width},
            {"lr", c.lr},
            {"wd", c.weight_decay},
            {"steps", c.steps},
            {"test_fraction", c.test_fraction},
            {"seed", c.seed},
            {"precision", precision_name(c.precision)},
            {"loss", loss_name(c.loss)},
            {"activation", activation_name(c.activation)},
            {"optimizer", optimizer_name(c.optimizer)},
            {"momentum", c.momentum},
            {"eval_every", c.eval_every}};
    // settings added later enter only when they differ from what every earlier run did, so the identity of
    // an earlier run (and of every run with these defaults) stays what it was
    const std::size_t pairs = AbelianGroup::parse(c.group).order() * AbelianGroup::parse(c.group).order();
    const std::size_t train_pairs = pairs - held_out_count(pairs, c.test_fraction);
    if (c.batch_size > 0 && c.batch_size < train_pairs) id["batch_size"] = c.batch_size;
    if (c.init_scale != 1.0) id["init_scale"] = c.init_scale;
    if (resolve_gradient_path(c) == GradientPath::all_pairs) id["gradient_path"] = gradient_path_name(GradientPath::all_pairs);
    return id;
}

}  // namespace

nlohmann::json run_identity(const TrainConfig& c) {
    nlohmann::json id = settings_identity(c);
    // only runs started from given weights (train --init) carry the key, so other runs' identities are unchanged
    if (c.init)
        id["init"] = {{"sha256", c.init->sha256}, {"nodes", c.init->loaded_nodes}, {"pad_scale", c.init->pad_scale},
                      {"balanced", c.init->balanced}};
    return id;
}

std::string identity_difference(const nlohmann::json& found, const nlohmann::json& expected) {
    if (!found.is_object() || !expected.is_object()) return "not a training run's identity";
    std::set<std::string> keys;
    for (const auto& [k, v] : found.items()) keys.insert(k);
    for (const auto& [k, v] : expected.items()) keys.insert(k);
    std::string out;
    for (const std::string& k : keys) {
        const nlohmann::json a = found.contains(k) ? found.at(k) : nlohmann::json("(none)");
        const nlohmann::json b = expected.contains(k) ? expected.at(k) : nlohmann::json("(none)");
        if (a == b) continue;
        if (!out.empty()) out += ", ";
        out += k + " " + a.dump() + " vs " + b.dump();
    }
    return out;
}

}  // namespace cogo::train
