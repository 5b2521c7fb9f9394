#include "train/initial_weights.hpp"

#include <cmath>
#include <filesystem>

#include "io/bounded_read.hpp"
#include "io/npy.hpp"
#include "io/run_directory.hpp"
#include "io/sha256.hpp"
#include "support/error.hpp"
#include "train/seeded_random.hpp"

namespace cogo::train {

namespace {

/// The largest weights file read: 2^28 float64 weights (the trainer's bound per matrix) and a header.
constexpr std::size_t kMaxWeightsBytes = (std::size_t{1} << 31) + 4096;

void check_finite(const Matrix<double>& m, const std::string& what) {
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j)
            if (!std::isfinite(m(i, j)))
                throw InvalidInput(what + " has a non-finite weight at (" + std::to_string(i) + ", " + std::to_string(j) + ")");
}

}  // namespace

NetworkWeights<double> pad_weights(const NetworkWeights<double>& w, std::size_t width, double pad_scale,
                                   std::uint64_t seed) {
    const std::size_t q0 = w.width(), n = w.wa.cols();
    w.check_shapes(n, "--init");
    if (q0 > width)
        throw InvalidInput("--init: the weights have " + std::to_string(q0) + " nodes, more than --width " + std::to_string(width));
    if (!(pad_scale >= 0 && pad_scale <= kMaxPadScale))
        throw InvalidInput("--init-pad-scale must be in [0, 1e6]");
    NetworkWeights<double> out{Matrix<double>(width, n), Matrix<double>(width, n), Matrix<double>(n, width)};
    for (std::size_t j = 0; j < q0; ++j)
        for (std::size_t x = 0; x < n; ++x) {
            out.wa(j, x) = w.wa(j, x);
            out.wb(j, x) = w.wb(j, x);
            out.v(x, j) = w.v(x, j);
        }
    if (pad_scale > 0 && q0 < width) {
        // PyTorch's default bounds for a width-`width` network, times the scale; drawn node by node
        std::mt19937_64 rng = seeded_stream(seed, 2);
        const double in_bound = pad_scale / std::sqrt(static_cast<double>(n));
        const double out_bound = pad_scale / std::sqrt(static_cast<double>(width));
        for (std::size_t j = q0; j < width; ++j) {
            for (std::size_t x = 0; x < n; ++x) out.wa(j, x) = uniform(rng, -in_bound, in_bound);
            for (std::size_t x = 0; x < n; ++x) out.wb(j, x) = uniform(rng, -in_bound, in_bound);
            for (std::size_t m = 0; m < n; ++m) out.v(m, j) = uniform(rng, -out_bound, out_bound);
        }
    }
    return out;
}

void balance_nodes(NetworkWeights<double>& w) {
    const std::size_t q = w.wa.rows(), n = w.wa.cols();
    for (std::size_t j = 0; j < q; ++j) {
        double mean_a = 0, mean_b = 0;
        for (std::size_t x = 0; x < n; ++x) mean_a += w.wa(j, x), mean_b += w.wb(j, x);
        const double s = (mean_b - mean_a) / (2.0 * static_cast<double>(n));
        double u = 0, v = 0;
        for (std::size_t x = 0; x < n; ++x) {
            const double a = w.wa(j, x) + s, b = w.wb(j, x) - s;
            u += a * a + b * b;
        }
        for (std::size_t m = 0; m < w.v.rows(); ++m) v += w.v(m, j) * w.v(m, j);
        if (!(u > 0) || !(v > 0) || !std::isfinite(u) || !std::isfinite(v)) continue;
        const double t = std::pow(2.0 * v / u, 1.0 / 6.0);
        for (std::size_t x = 0; x < n; ++x) {
            w.wa(j, x) = t * (w.wa(j, x) + s);
            w.wb(j, x) = t * (w.wb(j, x) - s);
        }
        for (std::size_t m = 0; m < w.v.rows(); ++m) w.v(m, j) /= t * t;
    }
}

InitialWeights load_initial_weights(const std::string& dir, const AbelianGroup& group, std::size_t width, double pad_scale,
                                    std::uint64_t seed, bool balance) {
    const std::filesystem::path folder(dir);
    const RunCheck check = check_run(folder);
    if (!check.complete) throw InvalidInput("--init: " + dir + " is not a complete cogo construct/train folder: " + check.reason);
    const std::size_t n = group.order();
    if (!check.identity.is_object() || !check.identity.contains("group") || !check.identity.at("group").is_string())
        throw InvalidInput("--init: the completion marker of " + dir + " records no group");
    const AbelianGroup recorded = AbelianGroup::parse(check.identity.at("group").get<std::string>());
    if (!(recorded == group))
        throw InvalidInput("--init: " + dir + " holds weights of " + recorded.name() + ", not of " + group.name());
    std::string all_bytes;
    Matrix<double> parts[3];
    const char* names[3] = {run_files::wa, run_files::wb, run_files::v};
    for (int i = 0; i < 3; ++i) {
        const std::filesystem::path path = folder / names[i];
        const std::string bytes = read_file_bounded(path, kMaxWeightsBytes, "weights");
        const std::string digest = sha256_hex(bytes);
        const nlohmann::json& listed = check.files.is_object() && check.files.contains(names[i]) ? check.files.at(names[i])
                                                                                                : nlohmann::json();
        if (!listed.is_object() || listed.value("sha256", std::string()) != digest)
            throw InvalidInput("--init: " + path.string() + " is not the file the folder's completion marker lists (changed or missing)");
        parts[i] = as_matrix(parse_npy(bytes, path.string()), path.string());
        check_finite(parts[i], path.string());
        all_bytes += digest;
    }
    NetworkWeights<double> w{std::move(parts[0]), std::move(parts[1]), std::move(parts[2])};
    if (w.wa.cols() != n)
        throw InvalidInput("--init: " + dir + " holds weights of a group of order " + std::to_string(w.wa.cols()) +
                           " (W_a has " + std::to_string(w.wa.cols()) + " columns), not " + std::to_string(n));
    InitialWeights out;
    out.source = dir;
    out.loaded_nodes = w.wa.rows();
    out.pad_scale = pad_scale;
    out.sha256 = sha256_hex(all_bytes);
    out.balanced = balance;
    if (balance) balance_nodes(w);
    out.weights = pad_weights(w, width, pad_scale, seed);
    return out;
}

}  // namespace cogo::train
