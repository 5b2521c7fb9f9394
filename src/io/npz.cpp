#include "io/npz.hpp"

#include <cstdint>
#include <cstring>

#include <zlib.h>

#include "io/atomic_file.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {

class Reader {
public:
    Reader(const std::string& bytes, const std::string& what) : bytes_(bytes), what_(what) {}

    std::uint64_t le(std::size_t at, int width) const {
        need(at, static_cast<std::size_t>(width));
        std::uint64_t v = 0;
        for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes_[at + static_cast<std::size_t>(i)]);
        return v;
    }
    void need(std::size_t at, std::size_t count) const {
        if (at > bytes_.size() || count > bytes_.size() - at) fail("truncated (needs bytes beyond the end of the file)");
    }
    [[noreturn]] void fail(const std::string& why) const { throw InvalidInput(what_ + ": not a valid .npz archive: " + why); }
    const std::string& bytes() const { return bytes_; }

private:
    const std::string& bytes_;
    const std::string& what_;
};

constexpr std::uint32_t kEocd = 0x06054b50, kZip64Locator = 0x07064b50, kZip64Eocd = 0x06064b50;
constexpr std::uint32_t kCentral = 0x02014b50, kLocal = 0x04034b50;
constexpr std::uint64_t kMax32 = 0xFFFFFFFFu;

std::string inflate_raw(const Reader& r, const char* data, std::size_t size, std::uint64_t expected, const std::string& name) {
    std::string out(expected, '\0');
    z_stream s{};
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) r.fail("zlib initialisation failed");
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    s.avail_in = static_cast<uInt>(size);
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    const int status = inflate(&s, Z_FINISH);
    const std::uint64_t produced = s.total_out;
    inflateEnd(&s);
    if (status != Z_STREAM_END || produced != expected) r.fail("member " + name + " does not inflate to its stated size");
    return out;
}

}  // namespace

std::map<std::string, std::string> parse_zip_members(const std::string& bytes, const std::string& what) {
    const Reader r(bytes, what);
    if (bytes.size() < 22) r.fail("too short for a ZIP archive");
    // end of central directory: the last signature within the final 22 + 65535 bytes
    std::size_t eocd = std::string::npos;
    const std::size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
    for (std::size_t at = bytes.size() - 22 + 1; at-- > lowest;)
        if (r.le(at, 4) == kEocd) {
            eocd = at;
            break;
        }
    if (eocd == std::string::npos) r.fail("no end-of-central-directory record (not a ZIP file, or truncated)");
    std::uint64_t entries = r.le(eocd + 10, 2), cd_offset = r.le(eocd + 16, 4);
    if ((entries == 0xFFFF || cd_offset == kMax32) && eocd >= 20 && r.le(eocd - 20, 4) == kZip64Locator) {
        const std::uint64_t z64 = r.le(eocd - 20 + 8, 8);
        if (r.le(z64, 4) != kZip64Eocd) r.fail("broken ZIP64 end-of-central-directory record");
        entries = r.le(z64 + 32, 8);
        cd_offset = r.le(z64 + 48, 8);
    }
    std::map<std::string, std::string> members;
    std::size_t at = cd_offset;
    for (std::uint64_t e = 0; e < entries; ++e) {
        if (r.le(at, 4) != kCentral) r.fail("broken central directory");
        const std::uint64_t flags = r.le(at + 8, 2), method = r.le(at + 10, 2), crc = r.le(at + 16, 4);
        std::uint64_t csize = r.le(at + 20, 4), usize = r.le(at + 24, 4);
        const std::size_t nlen = r.le(at + 28, 2), xlen = r.le(at + 30, 2), clen = r.le(at + 32, 2);
        std::uint64_t local = r.le(at + 42, 4);
        r.need(at + 46, nlen + xlen + clen);
        const std::string name = bytes.substr(at + 46, nlen);
        // ZIP64 extra field: the 64-bit values, in this order, for the fields that are 0xFFFFFFFF
        for (std::size_t x = at + 46 + nlen; x + 4 <= at + 46 + nlen + xlen;) {
            const std::uint64_t id = r.le(x, 2), len = r.le(x + 2, 2);
            if (id == 0x0001) {
                std::size_t p = x + 4;
                if (usize == kMax32) usize = r.le(p, 8), p += 8;
                if (csize == kMax32) csize = r.le(p, 8), p += 8;
                if (local == kMax32) local = r.le(p, 8), p += 8;
            }
            x += 4 + len;
        }
        at += 46 + nlen + xlen + clen;
        if (flags & 1U) r.fail("member " + name + " is encrypted");
        if (r.le(local, 4) != kLocal) r.fail("member " + name + ": broken local header");
        const std::size_t data = local + 30 + r.le(local + 26, 2) + r.le(local + 28, 2);
        r.need(data, csize);
        std::string content;
        if (method == 0) {
            if (csize != usize) r.fail("member " + name + ": stored sizes differ");
            content = bytes.substr(data, csize);
        } else if (method == 8) {
            if (usize > (std::uint64_t{1} << 34)) r.fail("member " + name + " is larger than 16 GiB");
            content = inflate_raw(r, bytes.data() + data, csize, usize, name);
        } else {
            r.fail("member " + name + " uses compression method " + std::to_string(method) + " (only stored and deflate)");
        }
        const std::uint64_t actual = crc32_z(0L, reinterpret_cast<const Bytef*>(content.data()), content.size());
        if (actual != crc) r.fail("member " + name + ": CRC-32 mismatch (corrupted)");
        if (!members.emplace(name, std::move(content)).second) r.fail("member " + name + " appears twice");
    }
    return members;
}

std::map<std::string, NpyArray> parse_npz(const std::string& bytes, const std::string& what) {
    std::map<std::string, NpyArray> arrays;
    for (const auto& [name, content] : parse_zip_members(bytes, what)) {
        std::string key = name;
        if (key.size() > 4 && key.compare(key.size() - 4, 4, ".npy") == 0) key.resize(key.size() - 4);
        arrays[key] = parse_npy(content, what + ":" + name);
    }
    if (arrays.empty()) Reader(bytes, what).fail("no arrays in the archive");
    return arrays;
}

std::map<std::string, NpyArray> read_npz(const std::string& path) { return parse_npz(read_file(path), path); }

}  // namespace cogo
