#include "train/metrics.hpp"

#include <cmath>
#include <cstdio>

#include "io/svg_plot.hpp"

namespace cogo::train {

namespace {
std::string number(double v) {
    if (std::isnan(v)) return "nan";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}
}  // namespace

std::string metrics_csv(const std::vector<MetricsRow>& rows) {
    std::string csv = "step,train_loss,train_accuracy,test_loss,test_accuracy\n";
    for (const MetricsRow& r : rows)
        csv += std::to_string(r.step) + "," + number(r.train_loss) + "," + number(r.train_accuracy) + "," +
               number(r.test_loss) + "," + number(r.test_accuracy) + "\n";
    return csv;
}

std::string metrics_svg(const std::vector<MetricsRow>& rows, const std::string& title, std::size_t max_points) {
    std::vector<std::size_t> keep;
    const std::size_t count = rows.size();
    const std::size_t points = std::max<std::size_t>(2, max_points);
    if (count <= points) {
        for (std::size_t i = 0; i < count; ++i) keep.push_back(i);
    } else {
        for (std::size_t k = 0; k < points; ++k) keep.push_back(k * (count - 1) / (points - 1));
    }
    PlotSeries train_loss{"train", "#1f77b4", {}, {}}, test_loss{"test", "#d62728", {}, {}};
    PlotSeries train_acc{"train", "#1f77b4", {}, {}}, test_acc{"test", "#d62728", {}, {}};
    for (std::size_t i : keep) {
        const double step = static_cast<double>(rows[i].step);
        for (PlotSeries* s : {&train_loss, &test_loss, &train_acc, &test_acc}) s->x.push_back(step);
        train_loss.y.push_back(rows[i].train_loss);
        test_loss.y.push_back(rows[i].test_loss);
        train_acc.y.push_back(100 * rows[i].train_accuracy);
        test_acc.y.push_back(100 * rows[i].test_accuracy);
    }
    return svg_line_chart({PlotPanel{title, "step", "loss", true, {train_loss, test_loss}},
                           PlotPanel{"accuracy", "step", "accuracy (%)", false, {train_acc, test_acc}}});
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
