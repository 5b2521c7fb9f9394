#include "train/metrics.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "io/svg_plot.hpp"

namespace cogo::train {

namespace {
std::string number(double v) {
    if (std::isnan(v)) return "nan";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

// Indices of the rows to draw: all if few enough, else `points` of them evenly spaced in step (linear) or in
// log(step) (log axis, step 0 dropped), first and last kept.
std::vector<std::size_t> thinned(const std::vector<MetricsRow>& rows, std::size_t points, bool log_axis) {
    std::vector<std::size_t> keep;
    const std::size_t count = rows.size();
    points = std::max<std::size_t>(2, points);
    std::size_t first = 0;
    if (log_axis)
        while (first < count && rows[first].step == 0) ++first;
    if (first >= count) return keep;
    if (count - first <= points) {
        for (std::size_t i = first; i < count; ++i) keep.push_back(i);
        return keep;
    }
    if (!log_axis) {
        for (std::size_t k = 0; k < points; ++k) keep.push_back(first + k * (count - 1 - first) / (points - 1));
        return keep;
    }
    const double lo = std::log(static_cast<double>(rows[first].step)), hi = std::log(static_cast<double>(rows.back().step));
    std::size_t i = first;
    for (std::size_t k = 0; k < points; ++k) {
        const double target = std::exp(lo + (hi - lo) * static_cast<double>(k) / static_cast<double>(points - 1));
        while (i + 1 < count && static_cast<double>(rows[i + 1].step) <= target) ++i;
        if (keep.empty() || keep.back() != i) keep.push_back(i);
    }
    if (keep.back() != count - 1) keep.push_back(count - 1);
    return keep;
}
}  // namespace

std::string metrics_csv(const std::vector<MetricsRow>& rows) {
    std::string csv = "step,train_loss,train_accuracy,test_loss,test_accuracy,weight_norm2,live_nodes\n";
    for (const MetricsRow& r : rows)
        csv += std::to_string(r.step) + "," + number(r.train_loss) + "," + number(r.train_accuracy) + "," +
               number(r.test_loss) + "," + number(r.test_accuracy) + "," + number(r.weight_norm2) + "," +
               (r.live_nodes >= 0 ? std::to_string(r.live_nodes) : std::string("nan")) + "\n";
    return csv;
}

std::string metrics_svg(const std::vector<MetricsRow>& rows, const CurveOptions& options) {
    const std::size_t last_step = rows.empty() ? 0 : rows.back().step;
    const bool log_x = options.step_axis == StepAxis::log || (options.step_axis == StepAxis::automatic && last_step >= 1000);
    const std::vector<std::size_t> keep = thinned(rows, options.max_points, log_x);
    const std::string train_name = options.train_pairs >= 0 ? "train (" + std::to_string(options.train_pairs) + " pairs)" : "train";
    const std::string test_name = options.test_pairs >= 0 ? "test (" + std::to_string(options.test_pairs) + " pairs)" : "test";
    PlotSeries train_loss{train_name, "#1f77b4", {}, {}}, test_loss{test_name, "#d62728", {}, {}};
    PlotSeries train_acc{train_name, "#1f77b4", {}, {}}, test_acc{test_name, "#d62728", {}, {}};
    PlotSeries norm{"||W_a||² + ||W_b||² + ||V||²", "#2ca02c", {}, {}}, live{"live nodes", "#9467bd", {}, {}};
    bool has_norm = false, has_live = false;
    for (std::size_t i : keep) {
        const MetricsRow& r = rows[i];
        const double step = static_cast<double>(r.step);
        for (PlotSeries* s : {&train_loss, &test_loss, &train_acc, &test_acc, &norm, &live}) s->x.push_back(step);
        train_loss.y.push_back(r.train_loss);
        test_loss.y.push_back(r.test_loss);
        train_acc.y.push_back(100 * r.train_accuracy);
        test_acc.y.push_back(100 * r.test_accuracy);
        norm.y.push_back(r.weight_norm2);
        live.y.push_back(r.live_nodes >= 0 ? static_cast<double>(r.live_nodes) : std::numeric_limits<double>::quiet_NaN());
        has_norm |= std::isfinite(r.weight_norm2);
        has_live |= r.live_nodes >= 0;
    }
    std::vector<std::pair<double, std::string>> markers;
    const long perfect = first_perfect_test_step(rows);
    if (perfect > 0) markers.emplace_back(static_cast<double>(perfect), "test acc. 100% from step " + std::to_string(perfect));
    const std::string x_label = "optimizer step (full batch: step = epoch)";
    std::vector<PlotPanel> panels{
        PlotPanel{options.title, x_label, options.loss_label, true, {train_loss, test_loss}, log_x, markers},
        PlotPanel{"accuracy (share of pairs whose argmax output is x + y)", x_label, "accuracy (%)", false,
                  {train_acc, test_acc}, log_x, markers}};
    if (has_norm)
        panels.push_back(PlotPanel{"squared weight norm (coupled weight decay shrinks it)", x_label, "squared norm", false,
                                   {norm}, log_x, markers, true});
    if (has_live)
        panels.push_back(PlotPanel{"live nodes (strength > 1e-3 of the strongest; the rest decay away)", x_label,
                                   "live nodes", false, {live}, log_x, markers, true});
    return svg_line_chart(panels, 760, 260);
}

std::string metrics_svg(const std::vector<MetricsRow>& rows, const std::string& title, std::size_t max_points) {
    CurveOptions o;
    o.title = title;
    o.max_points = max_points;
    return metrics_svg(rows, o);
}

long first_perfect_test_step(const std::vector<MetricsRow>& rows) {
    long first = -1;
    for (const MetricsRow& r : rows) {
        if (r.test_accuracy == 1.0) {
            if (first < 0) first = static_cast<long>(r.step);
        } else {
            first = -1;
        }
    }
    return first;
}

}  // namespace cogo::train
