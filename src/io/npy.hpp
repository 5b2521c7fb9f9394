#pragma once
/// \file npy.hpp
/// NumPy .npy arrays (format versions 1.0-3.0), the interchange format of the PyTorch world.
/// Writing: little-endian float64 ('<f8'), C order. Reading: '<f8' or '<f4', C or Fortran order, any
/// dimensionality (returned as a flat C-order buffer with its shape). Malformed or truncated input throws
/// cogo::InvalidInput with the reason; an array beyond the size limits below throws cogo::ResourceLimit.
///
/// The header is the Python dict literal NumPy writes, {'descr': ..., 'fortran_order': ..., 'shape': (...)},
/// read by a linear, non-recursive parser that accepts NumPy's layout and refuses everything NumPy would
/// refuse, and more:
///  * exactly the three keys, each once (NumPy reads a repeated key last-wins; a file NumPy loads as one
///    array must never be read here as another, so a repeated key is refused), keys and descr quoted with
///    ' or " (no escapes, no adjacent-literal concatenation);
///  * fortran_order True or False; shape a tuple of non-negative decimal integers ("(5,)", "(3, 4)", "()";
///    "(5)" is an int, not a tuple, and is refused); hexadecimal, underscores, Python 2 'L' suffixes refused;
///  * whitespace as Python allows inside a literal (space, tab, form feed, CR, LF, '#' comments,
///    backslash-newline), anywhere between tokens;
///  * version 1.0, 2.0 or 3.0 (minor version 0); a header of at most kMaxNpyHeaderBytes (NumPy itself
///    refuses more than 10000 bytes unless told otherwise);
///  * a shape whose product overflows is refused, and so is one that does not match the bytes present.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/matrix.hpp"

namespace cogo {

/// The largest .npy header accepted: 1 MiB.
inline constexpr std::size_t kMaxNpyHeaderBytes = std::size_t{1} << 20;
/// The largest .npy data block accepted: 2 GiB (2^28 float64 values). Larger well-formed arrays throw
/// ResourceLimit before anything is allocated for them.
inline constexpr std::uint64_t kMaxNpyDataBytes = std::uint64_t{1} << 31;

/// A dense float64 array read from .npy: shape and C-order values.
struct NpyArray {
    std::vector<std::size_t> shape;
    std::vector<double> values;
};

/// The content of a .npy header dict.
struct NpyHeader {
    std::size_t item_size = 8;  ///< 8 ('<f8') or 4 ('<f4')
    bool fortran_order = false;
    std::vector<std::size_t> shape;
    std::uint64_t count = 1;  ///< the product of shape (1 for "()")
    /// count * item_size (parse_npy_header guarantees it does not overflow).
    [[nodiscard]] std::uint64_t data_bytes() const { return count * item_size; }
};

/// The .npy bytes of a float64 matrix (shape rows x cols, C order).
[[nodiscard]] std::string npy_bytes(const Matrix<double>& m);

/// Parses the header dict text (the bytes after the length field); `what` names the source in messages.
/// Throws InvalidInput (see the file comment for what is accepted).
[[nodiscard]] NpyHeader parse_npy_header(std::string_view text, const std::string& what = "array");

/// Parses .npy bytes; `what` names the source in error messages.
[[nodiscard]] NpyArray parse_npy(std::string_view bytes, const std::string& what = "array");

/// Reads a .npy file, never more bytes than its header describes (bounded_read.hpp): a directory, an
/// unreadable file, /dev/zero or a FIFO are refused without reading past the header.
[[nodiscard]] NpyArray read_npy(const std::string& path);

/// A 2-D array as a Matrix; throws ShapeMismatch if it is not 2-D.
[[nodiscard]] Matrix<double> as_matrix(const NpyArray& array, const std::string& what = "array");

namespace npy_detail {
/// Where the header of a .npy file starts and how long it is.
struct Preamble {
    std::size_t header_offset = 0, header_length = 0;
};
/// The preamble from the first bytes of a file (at least 10; 12 for versions 2 and 3, else it throws
/// "truncated"). Throws InvalidInput for a bad magic, an unknown version or a header over the limit.
[[nodiscard]] Preamble parse_preamble(std::string_view first, const std::string& what);
}  // namespace npy_detail

}  // namespace cogo
