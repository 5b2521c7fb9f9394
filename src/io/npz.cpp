#include "io/npz.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>

#include <zlib.h>

#include "io/bounded_read.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {

class Reader {
public:
    Reader(std::string_view bytes, const std::string& what) : bytes_(bytes), what_(what) {}

    std::uint64_t le(std::uint64_t at, int width) const {
        need(at, static_cast<std::size_t>(width));
        std::uint64_t v = 0;
        for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes_[at + static_cast<std::size_t>(i)]);
        return v;
    }
    void need(std::uint64_t at, std::uint64_t count) const {
        if (at > bytes_.size() || count > bytes_.size() - at) fail("truncated (needs bytes beyond the end of the file)");
    }
    [[noreturn]] void fail(const std::string& why) const { throw InvalidInput(what_ + ": not a valid .npz archive: " + why); }
    std::string_view bytes() const { return bytes_; }
    const std::string& what() const { return what_; }

private:
    std::string_view bytes_;
    const std::string& what_;
};

constexpr std::uint32_t kEocd = 0x06054b50, kZip64Locator = 0x07064b50, kZip64Eocd = 0x06064b50;
constexpr std::uint32_t kCentral = 0x02014b50, kLocal = 0x04034b50;
constexpr std::uint64_t kMax32 = 0xFFFFFFFFu;
constexpr std::size_t kChunk = std::size_t{1} << 20;

/// A member name fit for a message: printable, at most 80 characters.
std::string printable(std::string_view name) {
    std::string out;
    for (char c : name.substr(0, 80)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (name.size() > 80) out += "...";
    return out;
}

/// A raw deflate stream inflated step by step into a buffer that grows with the data produced.
class Inflater {
public:
    Inflater(const Reader& r, std::string_view input, std::string name) : r_(r), rest_(input), name_(std::move(name)) {
        if (inflateInit2(&s_, -MAX_WBITS) != Z_OK) r_.fail("zlib initialisation failed");
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
    ~Inflater() { inflateEnd(&s_); }

    /// Inflates until `out` holds `n` bytes; fails if the stream ends or is corrupt before.
    void fill(std::string& out, std::size_t n) {
        while (out.size() < n) {
            const std::size_t old = out.size(), grow = std::min(n - old, std::max(kChunk, old));
            out.resize(old + grow);
            s_.next_out = reinterpret_cast<Bytef*>(out.data() + old);
            s_.avail_out = static_cast<uInt>(grow);
            while (s_.avail_out > 0) {
                if (ended_) r_.fail("member " + name_ + " inflates to fewer bytes than its stated size");
                step();
            }
        }
    }
    /// After the stated size: the stream must end without producing more.
    void finish() {
        unsigned char scratch = 0;
        while (!ended_) {
            s_.next_out = &scratch;
            s_.avail_out = 1;
            step();
            if (s_.avail_out == 0) r_.fail("member " + name_ + " inflates to more bytes than its stated size");
        }
    }

private:
    void step() {
        if (s_.avail_in == 0 && !rest_.empty()) {
            const std::size_t take = std::min<std::size_t>(rest_.size(), std::size_t{1} << 30);
            s_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(rest_.data()));
            s_.avail_in = static_cast<uInt>(take);
            rest_.remove_prefix(take);
        }
        const int status = inflate(&s_, Z_NO_FLUSH);
        if (status == Z_STREAM_END) {
            ended_ = true;
        } else if (status == Z_BUF_ERROR && s_.avail_in == 0 && rest_.empty()) {
            r_.fail("member " + name_ + ": truncated deflate data");
        } else if (status != Z_OK) {
            r_.fail("member " + name_ + ": corrupted deflate data" + (s_.msg ? std::string(" (") + s_.msg + ")" : ""));
        }
    }

    const Reader& r_;
    std::string_view rest_;
    std::string name_;
    z_stream s_{};
    bool ended_ = false;
};

/// Inflates a member whose stated uncompressed size is `usize`: first its .npy preamble and header, which
/// must describe exactly `usize` bytes, then the rest (counted in `total`).
/// Adds a member's size to the archive's running total; throws ResourceLimit beyond kMaxNpzTotalBytes.
void add_to_total(std::uint64_t& total, std::uint64_t size, const std::string& what) {
    if (__builtin_add_overflow(total, size, &total) || total > kMaxNpzTotalBytes)
        throw ResourceLimit(what + ": the members of the .npz archive exceed the limit of " +
                            byte_count_text(kMaxNpzTotalBytes) + " uncompressed");
}

std::string inflate_member(const Reader& r, std::string_view compressed, std::uint64_t usize, const std::string& name,
                           std::uint64_t& total) {
    Inflater inflater(r, compressed, name);
    std::string out;
    const std::string what = r.what() + ":" + name;
    inflater.fill(out, static_cast<std::size_t>(std::min<std::uint64_t>(usize, 12)));
    const npy_detail::Preamble p = npy_detail::parse_preamble(out, what);
    const std::uint64_t header_end = p.header_offset + std::uint64_t{p.header_length};
    if (usize < header_end) throw InvalidInput(what + ": truncated .npy header");
    inflater.fill(out, static_cast<std::size_t>(header_end));
    const NpyHeader header = parse_npy_header(std::string_view(out).substr(p.header_offset), what);
    std::uint64_t described = 0;
    if (__builtin_add_overflow(header_end, header.data_bytes(), &described) || described != usize)
        r.fail("member " + name + " states " + std::to_string(usize) + " bytes uncompressed, but its .npy header "
               "describes " + (described < header_end ? std::string("more than 2^64") : std::to_string(described)));
    if (header.data_bytes() > kMaxNpyDataBytes)
        throw ResourceLimit(what + ": .npy array of " + byte_count_text(header.data_bytes()) + " exceeds the limit of " +
                            byte_count_text(kMaxNpyDataBytes));
    add_to_total(total, usize, r.what());
    inflater.fill(out, static_cast<std::size_t>(usize));
    inflater.finish();
    return out;
}

/// One member of a ZIP archive as the central directory and local header describe it (bounds checked).
struct ZipMember {
    std::string raw_name;      ///< as stored
    std::string name;          ///< printable, for messages
    std::uint64_t method = 0;  ///< 0 stored, 8 deflate (others refused by the caller's inflation)
    std::uint64_t crc = 0;
    std::uint64_t usize = 0;   ///< stated uncompressed size
    std::string_view stored;   ///< the member's bytes as stored
};

/// Walks the central directory of `bytes` (ZIP64 aware), checking every bound, refusing encrypted and
/// duplicate members, and hands each member to `on_member`.
template <class F>
void walk_zip(const Reader& r, std::string_view bytes, F on_member) {
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
    std::set<std::string, std::less<>> names;
    std::uint64_t at = cd_offset;
    for (std::uint64_t e = 0; e < entries; ++e) {
        if (r.le(at, 4) != kCentral) r.fail("broken central directory");
        const std::uint64_t flags = r.le(at + 8, 2), method = r.le(at + 10, 2), crc = r.le(at + 16, 4);
        std::uint64_t csize = r.le(at + 20, 4), usize = r.le(at + 24, 4);
        const std::size_t nlen = r.le(at + 28, 2), xlen = r.le(at + 30, 2), clen = r.le(at + 32, 2);
        std::uint64_t local = r.le(at + 42, 4);
        r.need(at + 46, nlen + xlen + clen);
        const std::string raw_name(bytes.substr(at + 46, nlen));
        const std::string name = printable(raw_name);
        // ZIP64 extra field: the 64-bit values, in this order, for the fields that are 0xFFFFFFFF
        const std::uint64_t extra_end = at + 46 + nlen + xlen;
        for (std::uint64_t x = at + 46 + nlen; x + 4 <= extra_end;) {
            const std::uint64_t id = r.le(x, 2), len = r.le(x + 2, 2);
            if (x + 4 + len > extra_end) r.fail("member " + name + ": extra field runs past its header");
            if (id == 0x0001) {
                std::uint64_t p = x + 4;
                auto next = [&]() {
                    if (p + 8 > x + 4 + len) r.fail("member " + name + ": ZIP64 extra field too short");
                    const std::uint64_t v = r.le(p, 8);
                    p += 8;
                    return v;
                };
                if (usize == kMax32) usize = next();
                if (csize == kMax32) csize = next();
                if (local == kMax32) local = next();
            }
            x += 4 + len;
        }
        at += 46 + nlen + xlen + clen;
        if (!names.insert(raw_name).second) r.fail("member " + name + " appears twice");
        if (flags & 1U) r.fail("member " + name + " is encrypted");
        if (r.le(local, 4) != kLocal) r.fail("member " + name + ": broken local header");
        const std::uint64_t data = local + 30 + r.le(local + 26, 2) + r.le(local + 28, 2);
        r.need(data, csize);
        const std::string_view stored = bytes.substr(static_cast<std::size_t>(data), static_cast<std::size_t>(csize));
        on_member(ZipMember{raw_name, name, method, crc, usize, stored});
    }
}

/// The member's content: stored, or inflated in bounded steps to exactly its stated size (counted in total).
std::string plain_content(const Reader& r, const ZipMember& m, std::uint64_t& total) {
    if (m.method == 0) {
        if (m.stored.size() != m.usize) r.fail("member " + m.name + ": stored sizes differ");
        add_to_total(total, m.usize, r.what());
        return std::string(m.stored);
    }
    if (m.method != 8)
        r.fail("member " + m.name + " uses compression method " + std::to_string(m.method) + " (only stored and deflate)");
    add_to_total(total, m.usize, r.what());
    Inflater inflater(r, m.stored, m.name);
    std::string out;
    inflater.fill(out, static_cast<std::size_t>(m.usize));
    inflater.finish();
    return out;
}

void check_crc(const Reader& r, const ZipMember& m, const std::string& content) {
    const std::uint64_t actual = crc32_z(0L, reinterpret_cast<const Bytef*>(content.data()), content.size());
    if (actual != m.crc) r.fail("member " + m.name + ": CRC-32 mismatch (corrupted)");
}

}  // namespace

std::map<std::string, NpyArray> parse_npz(std::string_view bytes, const std::string& what) {
    const Reader r(bytes, what);
    std::map<std::string, NpyArray> arrays;
    std::uint64_t total = 0;
    walk_zip(r, bytes, [&](const ZipMember& m) {
        std::string key = m.raw_name;
        if (key.size() > 4 && key.compare(key.size() - 4, 4, ".npy") == 0) key.resize(key.size() - 4);
        if (arrays.count(key)) r.fail("members " + printable(key) + " and " + printable(key) + ".npy name the same array");
        std::string content;
        if (m.method == 8) content = inflate_member(r, m.stored, m.usize, m.name, total);
        else content = plain_content(r, m, total);
        check_crc(r, m, content);
        arrays[key] = parse_npy(content, what + ":" + m.name);
    });
    if (arrays.empty()) r.fail("no arrays in the archive");
    return arrays;
}

std::map<std::string, std::string> parse_zip_members(std::string_view bytes, const std::string& what) {
    const Reader r(bytes, what);
    std::map<std::string, std::string> members;
    std::uint64_t total = 0;
    walk_zip(r, bytes, [&](const ZipMember& m) {
        std::string content = plain_content(r, m, total);
        check_crc(r, m, content);
        members.emplace(m.raw_name, std::move(content));
    });
    return members;
}

std::map<std::string, NpyArray> read_npz(const std::string& path) {
    InputFile in(path, ".npz file");
    // a ZIP archive is read from its end: only a regular file (of known size) can be one
    if (!in.regular_size()) throw InvalidInput(in.name() + " is not a regular file (a .npz archive must be one)");
    if (*in.regular_size() > kMaxNpzFileBytes)
        throw ResourceLimit(in.name() + " has " + byte_count_text(*in.regular_size()) + ", more than the limit of " +
                            byte_count_text(kMaxNpzFileBytes));
    std::string bytes;
    in.read_up_to(bytes, static_cast<std::size_t>(*in.regular_size()));
    if (bytes.size() != *in.regular_size() || !in.at_end())
        throw InvalidInput(in.name() + " changed size while it was read");
    return parse_npz(bytes, path);
}

}  // namespace cogo
