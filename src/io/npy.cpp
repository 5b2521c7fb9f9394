#include "io/npy.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <regex>

#include "io/atomic_file.hpp"
#include "support/error.hpp"

static_assert(std::endian::native == std::endian::little, "the .npy reader/writer assumes a little-endian host");

namespace cogo {

namespace {

constexpr char kMagic[] = "\x93NUMPY";

std::string header_text(const std::vector<std::size_t>& shape) {
    std::string dims;
    for (std::size_t i = 0; i < shape.size(); ++i) dims += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1) dims += ",";  // a 1-tuple is "(n,)"
    std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
    // magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64
    const std::size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    return header;
}

std::vector<std::size_t> parse_shape(const std::string& text, const std::string& what) {
    std::vector<std::size_t> shape;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
        if (i >= text.size()) break;
        std::size_t j = i;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (j == i || j - i > 12) throw InvalidInput(what + ": bad shape '(" + text + ")' in .npy header");
        shape.push_back(std::stoull(text.substr(i, j - i)));
        i = j;
    }
    return shape;
}

}  // namespace

std::string npy_bytes(const Matrix<double>& m) {
    const std::string header = header_text({m.rows(), m.cols()});
    std::string out(kMagic, 6);
    out += '\x01';
    out += '\x00';
    const auto len = static_cast<std::uint16_t>(header.size());
    out += static_cast<char>(len & 0xff);
    out += static_cast<char>(len >> 8);
    out += header;
    const std::size_t offset = out.size();
    out.resize(offset + m.values().size() * sizeof(double));
    if (!m.values().empty()) std::memcpy(out.data() + offset, m.values().data(), m.values().size() * sizeof(double));
    return out;
}

NpyArray parse_npy(const std::string& bytes, const std::string& what) {
    if (bytes.size() < 10 || bytes.compare(0, 6, kMagic, 6) != 0) throw InvalidInput(what + ": not a .npy file (bad magic)");
    const int major = static_cast<unsigned char>(bytes[6]);
    std::size_t header_len = 0, offset = 0;
    if (major == 1) {
        header_len = static_cast<unsigned char>(bytes[8]) | (static_cast<std::size_t>(static_cast<unsigned char>(bytes[9])) << 8);
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12) throw InvalidInput(what + ": truncated .npy header");
        for (int i = 3; i >= 0; --i) header_len = (header_len << 8) | static_cast<unsigned char>(bytes[8 + i]);
        offset = 12;
    } else {
        throw InvalidInput(what + ": unsupported .npy version " + std::to_string(major));
    }
    if (bytes.size() < offset + header_len) throw InvalidInput(what + ": truncated .npy header");
    const std::string header = bytes.substr(offset, header_len);
    offset += header_len;

    std::smatch match;
    if (!std::regex_search(header, match, std::regex(R"('descr'\s*:\s*'([^']*)')")))
        throw InvalidInput(what + ": .npy header has no 'descr'");
    const std::string descr = match[1];
    std::size_t item = 0;
    if (descr == "<f8" || descr == "=f8" || descr == "f8") item = 8;
    else if (descr == "<f4" || descr == "=f4" || descr == "f4") item = 4;
    else throw InvalidInput(what + ": unsupported dtype '" + descr + "' (expected float64 '<f8' or float32 '<f4')");
    if (!std::regex_search(header, match, std::regex(R"('fortran_order'\s*:\s*(True|False))")))
        throw InvalidInput(what + ": .npy header has no 'fortran_order'");
    const bool fortran = match[1] == "True";
    if (!std::regex_search(header, match, std::regex(R"('shape'\s*:\s*\(([^)]*)\))")))
        throw InvalidInput(what + ": .npy header has no 'shape'");

    NpyArray array;
    array.shape = parse_shape(match[1], what);
    std::size_t count = 1;
    for (std::size_t s : array.shape) {
        if (s != 0 && count > (std::size_t{1} << 40) / s) throw InvalidInput(what + ": .npy array too large");
        count *= s;
    }
    if (bytes.size() - offset < count * item)
        throw InvalidInput(what + ": truncated .npy data (" + std::to_string(bytes.size() - offset) + " bytes for " +
                           std::to_string(count) + " values)");
    if (bytes.size() - offset > count * item) throw InvalidInput(what + ": trailing bytes after the .npy data");
    std::vector<double> raw(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (item == 8) {
            std::memcpy(&raw[i], bytes.data() + offset + 8 * i, 8);
        } else {
            float f;
            std::memcpy(&f, bytes.data() + offset + 4 * i, 4);
            raw[i] = f;
        }
    }
    if (!fortran || array.shape.size() < 2) {
        array.values = std::move(raw);
        return array;
    }
    // Fortran order: the first index varies fastest. Convert to C order.
    array.values.resize(count);
    const std::size_t dims = array.shape.size();
    std::vector<std::size_t> index(dims, 0);
    for (std::size_t f = 0; f < count; ++f) {
        std::size_t c = 0;
        for (std::size_t d = 0; d < dims; ++d) c = c * array.shape[d] + index[d];
        array.values[c] = raw[f];
        for (std::size_t d = 0; d < dims && ++index[d] == array.shape[d]; ++d) index[d] = 0;
    }
    return array;
}

NpyArray read_npy(const std::string& path) { return parse_npy(read_file(path), path); }

Matrix<double> as_matrix(const NpyArray& array, const std::string& what) {
    if (array.shape.size() != 2)
        throw ShapeMismatch(what + ": expected a 2-D array, got " + std::to_string(array.shape.size()) + " dimensions");
    return Matrix<double>(array.shape[0], array.shape[1], array.values);
}

}  // namespace cogo
