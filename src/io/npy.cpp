#include "io/npy.hpp"

#include <bit>
#include <cstring>
#include <optional>

#include "io/bounded_read.hpp"
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

/// At most 40 characters of `text`, printable, for messages.
std::string excerpt(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (text.size() > 40) out += "...";
    return out;
}

/// A one-pass parser of the header dict: every step consumes input, nothing recurses.
class HeaderParser {
public:
    HeaderParser(std::string_view text, const std::string& what) : text_(text), what_(what) {}

    NpyHeader parse() {
        NpyHeader h;
        bool seen_descr = false, seen_fortran = false, seen_shape = false;
        skip_space();
        expect('{', "the header must be a dict '{...}'");
        skip_space();
        while (!peek('}')) {
            const std::size_t key_at = at_;
            const std::string_view key = quoted("a quoted key");
            skip_space();
            expect(':', "':' after a key");
            skip_space();
            auto once = [&](bool& seen) {
                if (seen)
                    fail_at(key_at, "key '" + std::string(key) + "' appears twice (NumPy would read the last one, " +
                                        "cogo refuses the ambiguity)");
                seen = true;
            };
            if (key == "descr") {
                once(seen_descr);
                h.item_size = item_size(quoted("a quoted dtype string for 'descr'"));
            } else if (key == "fortran_order") {
                once(seen_fortran);
                h.fortran_order = boolean();
            } else if (key == "shape") {
                once(seen_shape);
                h.shape = shape(h.count);
            } else {
                fail_at(key_at, "unknown key '" + excerpt(key) + "' (a .npy header has exactly 'descr', " +
                                    "'fortran_order' and 'shape')");
            }
            skip_space();
            if (peek(',')) {
                ++at_;
                skip_space();
            } else if (!peek('}')) {
                fail("',' or '}' after a value");
            }
        }
        ++at_;  // '}'
        skip_space();
        if (at_ != text_.size()) fail("nothing after the closing '}'");
        if (!seen_descr || !seen_fortran || !seen_shape)
            throw InvalidInput(what_ + ": .npy header has no '" +
                               (!seen_descr ? "descr" : !seen_fortran ? "fortran_order" : "shape") + "'");
        std::uint64_t bytes = 0;
        if (__builtin_mul_overflow(h.count, static_cast<std::uint64_t>(h.item_size), &bytes))
            throw InvalidInput(what_ + ": .npy shape is too large (its byte size overflows 64 bits)");
        return h;
    }

private:
    [[noreturn]] void fail_at(std::size_t at, const std::string& why) const {
        throw InvalidInput(what_ + ": malformed .npy header at byte " + std::to_string(at) + ": " + why);
    }
    [[noreturn]] void fail(const std::string& expected) const {
        fail_at(at_, at_ < text_.size() ? "expected " + expected + ", found '" + excerpt(text_.substr(at_)) + "'"
                                        : "expected " + expected + ", found the end of the header");
    }
    bool peek(char c) const { return at_ < text_.size() && text_[at_] == c; }
    void expect(char c, const char* what) {
        if (!peek(c)) fail(what);
        ++at_;
    }
    // Python's whitespace inside a bracketed literal: blanks, line breaks, comments, explicit line joins.
    void skip_space() {
        while (at_ < text_.size()) {
            const char c = text_[at_];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                ++at_;
            } else if (c == '#') {
                while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
            } else if (c == '\\' && at_ + 1 < text_.size() && (text_[at_ + 1] == '\n' || text_[at_ + 1] == '\r')) {
                at_ += 2;
            } else {
                return;
            }
        }
    }
    std::string_view quoted(const char* what) {
        if (!peek('\'') && !peek('"')) fail(what);
        const char quote = text_[at_];
        const std::size_t start = ++at_;
        while (at_ < text_.size() && text_[at_] != quote) {
            const char c = text_[at_];
            if (c == '\\' || c == '\n' || c == '\r') fail_at(at_, "escapes and line breaks are not allowed in a string");
            ++at_;
        }
        if (at_ == text_.size()) fail_at(start - 1, "unterminated string");
        const std::string_view s = text_.substr(start, at_ - start);
        ++at_;
        std::size_t after = at_;
        skip_space();
        if (peek('\'') || peek('"')) fail("one string, not adjacent string literals");
        at_ = after;
        return s;
    }
    std::size_t item_size(std::string_view descr) const {
        if (descr == "<f8" || descr == "=f8" || descr == "f8") return 8;
        if (descr == "<f4" || descr == "=f4" || descr == "f4") return 4;
        throw InvalidInput(what_ + ": unsupported dtype '" + excerpt(descr) +
                           "' (expected float64 '<f8' or float32 '<f4')");
    }
    static bool identifier_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80;
    }
    bool boolean() {
        for (const auto& [word, value] : {std::pair{std::string_view("True"), true}, {std::string_view("False"), false}})
            if (text_.substr(at_, word.size()) == word &&
                (at_ + word.size() == text_.size() || !identifier_char(text_[at_ + word.size()]))) {
                at_ += word.size();
                return value;
            }
        fail("True or False for 'fortran_order'");
    }
    std::vector<std::size_t> shape(std::uint64_t& count) {
        expect('(', "a tuple '(...)' for 'shape'");
        std::vector<std::size_t> dims;
        bool trailing_comma = false;
        count = 1;
        skip_space();
        while (!peek(')')) {
            dims.push_back(dimension());
            if (__builtin_mul_overflow(count, static_cast<std::uint64_t>(dims.back()), &count))
                throw InvalidInput(what_ + ": .npy shape is too large (its product overflows 64 bits)");
            skip_space();
            trailing_comma = peek(',');
            if (trailing_comma) {
                ++at_;
                skip_space();
            } else if (!peek(')')) {
                fail("',' or ')' in the shape tuple");
            }
        }
        if (dims.size() == 1 && !trailing_comma)
            fail_at(at_, "'shape' is '(n)', an integer, not a tuple (NumPy writes '(n,)')");
        ++at_;  // ')'
        return dims;
    }
    std::size_t dimension() {
        const std::size_t start = at_;
        if (peek('-')) fail_at(at_, "a negative dimension");
        std::uint64_t v = 0;
        while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
            if (__builtin_mul_overflow(v, std::uint64_t{10}, &v) ||
                __builtin_add_overflow(v, static_cast<std::uint64_t>(text_[at_] - '0'), &v))
                fail_at(start, "a dimension beyond 64 bits");
            ++at_;
        }
        if (at_ == start) fail("a non-negative integer dimension");
        if (text_[start] == '0' && at_ - start > 1) fail_at(start, "a dimension with a leading zero");
        if (at_ < text_.size() && identifier_char(text_[at_]))
            fail_at(start, "a dimension in plain decimal (no suffix, underscore, hexadecimal or exponent)");
        if (v > SIZE_MAX) fail_at(start, "a dimension beyond the address space");
        return static_cast<std::size_t>(v);
    }

    std::string_view text_;
    const std::string& what_;
    std::size_t at_ = 0;
};

/// The array from its header and exactly header.data_bytes() bytes at `data`.
NpyArray decode(const NpyHeader& header, const char* data) {
    NpyArray array;
    array.shape = header.shape;
    const auto count = static_cast<std::size_t>(header.count);
    std::vector<double> raw(count);
    if (header.item_size == 8) {
        if (count) std::memcpy(raw.data(), data, 8 * count);
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            float f;
            std::memcpy(&f, data + 4 * i, 4);
            raw[i] = f;
        }
    }
    if (!header.fortran_order || array.shape.size() < 2) {
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

/// Refuses a data block that is not exactly the header's size (`available` bytes follow the header), then
/// one beyond the size limit.
void check_data_size(const NpyHeader& header, std::uint64_t available, const std::string& what) {
    const std::uint64_t needed = header.data_bytes();
    if (available < needed)
        throw InvalidInput(what + ": truncated .npy data (" + std::to_string(available) + " bytes for " +
                           std::to_string(header.count) + " values of " + std::to_string(header.item_size) + " bytes)");
    if (available > needed) throw InvalidInput(what + ": trailing bytes after the .npy data");
    if (needed > kMaxNpyDataBytes)
        throw ResourceLimit(what + ": .npy array of " + byte_count_text(needed) + " exceeds the limit of " +
                            byte_count_text(kMaxNpyDataBytes));
}

}  // namespace

namespace npy_detail {

Preamble parse_preamble(std::string_view first, const std::string& what) {
    if (first.size() < 10 || first.compare(0, 6, std::string_view(kMagic, 6)) != 0)
        throw InvalidInput(what + ": not a .npy file (bad magic)");
    const int major = static_cast<unsigned char>(first[6]), minor = static_cast<unsigned char>(first[7]);
    Preamble p;
    if (major == 1 && minor == 0) {
        p.header_length = static_cast<unsigned char>(first[8]) | (static_cast<std::size_t>(static_cast<unsigned char>(first[9])) << 8);
        p.header_offset = 10;
    } else if ((major == 2 || major == 3) && minor == 0) {
        if (first.size() < 12) throw InvalidInput(what + ": truncated .npy header");
        for (int i = 3; i >= 0; --i) p.header_length = (p.header_length << 8) | static_cast<unsigned char>(first[8 + i]);
        p.header_offset = 12;
    } else {
        throw InvalidInput(what + ": unsupported .npy version " + std::to_string(major) + "." + std::to_string(minor) +
                           " (1.0, 2.0 and 3.0 are known)");
    }
    if (p.header_length > kMaxNpyHeaderBytes)
        throw InvalidInput(what + ": .npy header of " + std::to_string(p.header_length) + " bytes exceeds the limit of " +
                           byte_count_text(kMaxNpyHeaderBytes));
    return p;
}

}  // namespace npy_detail

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

NpyHeader parse_npy_header(std::string_view text, const std::string& what) { return HeaderParser(text, what).parse(); }

NpyArray parse_npy(std::string_view bytes, const std::string& what) {
    const npy_detail::Preamble p = npy_detail::parse_preamble(bytes, what);
    if (bytes.size() - p.header_offset < p.header_length) throw InvalidInput(what + ": truncated .npy header");
    const NpyHeader header = parse_npy_header(bytes.substr(p.header_offset, p.header_length), what);
    const std::size_t data = p.header_offset + p.header_length;
    check_data_size(header, bytes.size() - data, what);
    return decode(header, bytes.data() + data);
}

NpyArray read_npy(const std::string& path) {
    InputFile in(path, ".npy file");
    std::string bytes;
    in.read_up_to(bytes, 10);
    if (bytes.size() == 10 && (bytes[6] == 2 || bytes[6] == 3)) in.read_up_to(bytes, 2);
    const npy_detail::Preamble p = npy_detail::parse_preamble(bytes, path);
    const auto size = in.regular_size();
    if ((size && *size < p.header_offset + std::uint64_t{p.header_length}) || in.read_up_to(bytes, p.header_length) < p.header_length)
        throw InvalidInput(path + ": truncated .npy header");
    const NpyHeader header = parse_npy_header(std::string_view(bytes).substr(p.header_offset), path);
    const std::size_t data = bytes.size();
    if (size) {
        check_data_size(header, *size >= data ? *size - data : 0, path);  // the exact size is known before reading
    } else if (header.data_bytes() > kMaxNpyDataBytes) {
        check_data_size(header, header.data_bytes(), path);  // throws the size limit
    }
    const std::size_t got = in.read_up_to(bytes, static_cast<std::size_t>(header.data_bytes()));
    if (got < header.data_bytes() || !in.at_end())
        check_data_size(header, got + (got < header.data_bytes() ? 0 : 1), path);  // throws truncated / trailing
    return decode(header, bytes.data() + data);
}

Matrix<double> as_matrix(const NpyArray& array, const std::string& what) {
    if (array.shape.size() != 2)
        throw ShapeMismatch(what + ": expected a 2-D array, got " + std::to_string(array.shape.size()) + " dimensions");
    return Matrix<double>(array.shape[0], array.shape[1], array.values);
}

}  // namespace cogo
