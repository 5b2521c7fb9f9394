#pragma once
/// \file metrics.hpp
/// A run's metrics as files: the CSV table and the SVG training curves; the weight statistics recorded with
/// them (squared norm and live nodes).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "train/network.hpp"
#include "train/trainer.hpp"

namespace cogo::train {

/// CSV with header "step,train_loss,train_accuracy,test_loss,test_accuracy,weight_norm2,live_nodes", one
/// line per row, numbers with 17 significant digits (accuracies as fractions in [0, 1]); an absent test set
/// or an unrecorded statistic prints "nan".
[[nodiscard]] std::string metrics_csv(const std::vector<MetricsRow>& rows);

/// How the step axis of the curves is drawn.
enum class StepAxis { automatic, linear, log };

/// What metrics_svg draws.
struct CurveOptions {
    std::string title;                       ///< heads the loss panel (e.g. the run's settings)
    std::string loss_label = "loss";         ///< names the loss on its y axis (e.g. "MSE loss")
    long train_pairs = -1, test_pairs = -1;  ///< shown in the legend when >= 0
    std::size_t max_points = 2000;           ///< at most this many points per curve (first and last kept)
    StepAxis step_axis = StepAxis::automatic;  ///< automatic: log when the last step is >= 1000
};

/// SVG of the curves against the step: loss (log scale, train and test), accuracy (%), and, when recorded,
/// the squared weight norm and the number of live nodes. A dashed marker shows the first step of lasting
/// 100% test accuracy. On a log step axis step 0 (the initial weights) is not drawn and the points are
/// thinned evenly in log(step); on a linear axis evenly in step.
[[nodiscard]] std::string metrics_svg(const std::vector<MetricsRow>& rows, const CurveOptions& options);

/// The same with the default options and `title`.
[[nodiscard]] std::string metrics_svg(const std::vector<MetricsRow>& rows, const std::string& title, std::size_t max_points = 2000);

/// The first step from which the test accuracy is 1 at every later recorded row, or -1 if never.
[[nodiscard]] long first_perfect_test_step(const std::vector<MetricsRow>& rows);

/// Fills row.weight_norm2 and row.live_nodes from the weights (see MetricsRow). O(n q).
template <class T>
void record_weight_statistics(const Network<T>& net, MetricsRow& row) {
    const std::size_t n = net.n, q = net.q;
    std::vector<double> a(q, 0.0), b(q, 0.0), v(q, 0.0);
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t j = 0; j < q; ++j) {
            const double wa = static_cast<double>(net.wa_t()[x * q + j]), wb = static_cast<double>(net.wb_t()[x * q + j]);
            const double vv = static_cast<double>(net.v()[x * q + j]);
            a[j] += wa * wa, b[j] += wb * wb, v[j] += vv * vv;
        }
    double total = 0, strongest = 0;
    std::vector<double> strength(q);
    for (std::size_t j = 0; j < q; ++j) {
        total += a[j] + b[j] + v[j];
        strength[j] = std::sqrt(a[j]) * std::sqrt(b[j]) * std::sqrt(v[j]);
        strongest = std::max(strongest, strength[j]);
    }
    long live = 0;
    if (strongest > 0)
        for (double s : strength) live += s > 1e-3 * strongest;
    row.weight_norm2 = total;
    row.live_nodes = live;
}

}  // namespace cogo::train
