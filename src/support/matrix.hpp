#pragma once
/// \file matrix.hpp
/// A small dense row-major matrix of scalars (real-domain weights, DFT tables). No arithmetic beyond
/// element access: the algebra that matters lives in free functions elsewhere.
#include <cstddef>
#include <string>
#include <vector>

#include "support/error.hpp"

namespace cogo {

/// rows x cols values, row-major.
template <class T>
class Matrix {
public:
    Matrix() = default;
    /// rows x cols copies of `fill`.
    Matrix(std::size_t rows, std::size_t cols, const T& fill = T{}) : rows_(rows), cols_(cols), data_(rows * cols, fill) {}
    /// rows x cols from row-major values; throws ShapeMismatch if the count is wrong.
    Matrix(std::size_t rows, std::size_t cols, std::vector<T> values) : rows_(rows), cols_(cols), data_(std::move(values)) {
        if (data_.size() != rows * cols)
            throw ShapeMismatch("matrix: " + std::to_string(data_.size()) + " values for a " + std::to_string(rows) +
                                " x " + std::to_string(cols) + " matrix");
    }
    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    /// Unchecked access.
    const T& operator()(std::size_t i, std::size_t j) const { return data_[i * cols_ + j]; }
    T& operator()(std::size_t i, std::size_t j) { return data_[i * cols_ + j]; }
    /// Row-major values.
    const std::vector<T>& values() const { return data_; }

private:
    std::size_t rows_ = 0, cols_ = 0;
    std::vector<T> data_;
};

}  // namespace cogo
