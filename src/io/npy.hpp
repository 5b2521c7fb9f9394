#pragma once
/// \file npy.hpp
/// NumPy .npy arrays (format versions 1.0-3.0), the interchange format of the PyTorch world.
/// Writing: little-endian float64 ('<f8'), C order. Reading: '<f8' or '<f4', C or Fortran order, any
/// dimensionality (returned as a flat C-order buffer with its shape). Malformed or truncated input throws
/// cogo::InvalidInput with the reason.
#include <cstddef>
#include <string>
#include <vector>

#include "algebra/matrix.hpp"

namespace cogo {

/// A dense float64 array read from .npy: shape and C-order values.
struct NpyArray {
    std::vector<std::size_t> shape;
    std::vector<double> values;
};

/// The .npy bytes of a float64 matrix (shape rows x cols, C order).
std::string npy_bytes(const Matrix<double>& m);

/// Parses .npy bytes; `what` names the source in error messages.
NpyArray parse_npy(const std::string& bytes, const std::string& what = "array");

/// Reads a .npy file.
NpyArray read_npy(const std::string& path);

/// A 2-D array as a Matrix; throws ShapeMismatch if it is not 2-D.
Matrix<double> as_matrix(const NpyArray& array, const std::string& what = "array");

}  // namespace cogo
