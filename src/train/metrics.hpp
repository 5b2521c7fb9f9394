#pragma once
/// \file metrics.hpp
/// A run's metrics as files: the CSV table and the SVG training curves.
#include <string>
#include <vector>

#include "train/trainer.hpp"

namespace cogo::train {

/// CSV with header "step,train_loss,train_accuracy,test_loss,test_accuracy", one line per row, numbers
/// with 17 significant digits (accuracies as fractions in [0, 1]); an absent test set prints "nan".
std::string metrics_csv(const std::vector<MetricsRow>& rows);

/// SVG: loss (log scale) and accuracy against step, train and test; at most `max_points` points per curve
/// (evenly thinned, first and last kept). `title` heads the loss panel.
std::string metrics_svg(const std::vector<MetricsRow>& rows, const std::string& title, std::size_t max_points = 2000);

/// The first step from which the test accuracy is 1 at every later recorded row, or -1 if never.
long first_perfect_test_step(const std::vector<MetricsRow>& rows);

}  // namespace cogo::train
