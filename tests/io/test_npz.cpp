// Tests for src/io/npz.hpp: .npz archives as np.savez / np.savez_compressed write them, and hostile ones
// (repeated members, sizes that lie, deflate bombs, /dev/zero, directories).
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <vector>

#include <zlib.h>

#include "hostile_files.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "support/error.hpp"

using namespace cogo;

namespace {

/// One member of a hand-built ZIP archive.
struct Member {
    std::string name;
    std::string content;        // the uncompressed bytes
    bool deflate = false;
    std::uint64_t stated_size;  // the uncompressed size written in the directory (normally content.size())
};

Member member(std::string name, std::string content, bool deflate = false) {
    const std::uint64_t n = content.size();
    return {std::move(name), std::move(content), deflate, n};
}

void le(std::string& out, std::uint64_t v, int width) {
    for (int i = 0; i < width; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::string raw_deflate(const std::string& in) {
    z_stream s{};
    REQUIRE(deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&s, in.size()), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

/// A ZIP archive of `members` in the layout of Python's zipfile (ZIP64 extra fields when a size needs them).
std::string zip(const std::vector<Member>& members) {
    std::string out, directory;
    for (const Member& m : members) {
        const std::string data = m.deflate ? raw_deflate(m.content) : m.content;
        const std::uint64_t crc = crc32_z(0, reinterpret_cast<const Bytef*>(m.content.data()), m.content.size());
        const bool big = m.stated_size >= 0xFFFFFFFFu;
        std::string extra;
        if (big) {
            le(extra, 1, 2);
            le(extra, 16, 2);
            le(extra, m.stated_size, 8);
            le(extra, data.size(), 8);
        }
        const std::uint64_t local = out.size();
        le(out, 0x04034b50, 4);
        le(out, 20, 2);
        le(out, 0, 2);
        le(out, m.deflate ? 8 : 0, 2);
        le(out, 0, 4);
        le(out, crc, 4);
        le(out, big ? 0xFFFFFFFFu : data.size(), 4);
        le(out, big ? 0xFFFFFFFFu : m.stated_size, 4);
        le(out, m.name.size(), 2);
        le(out, extra.size(), 2);
        out += m.name + extra + data;
        le(directory, 0x02014b50, 4);
        le(directory, 20, 2);
        le(directory, 20, 2);
        le(directory, 0, 2);
        le(directory, m.deflate ? 8 : 0, 2);
        le(directory, 0, 4);
        le(directory, crc, 4);
        le(directory, big ? 0xFFFFFFFFu : data.size(), 4);
        le(directory, big ? 0xFFFFFFFFu : m.stated_size, 4);
        le(directory, m.name.size(), 2);
        le(directory, extra.size(), 2);
        le(directory, 0, 2);
        le(directory, 0, 2);
        le(directory, 0, 2);
        le(directory, 0, 4);
        le(directory, local, 4);
        directory += m.name + extra;
    }
    const std::uint64_t cd_offset = out.size();
    out += directory;
    le(out, 0x06054b50, 4);
    le(out, 0, 4);
    le(out, members.size(), 2);
    le(out, members.size(), 2);
    le(out, directory.size(), 4);
    le(out, cd_offset, 4);
    le(out, 0, 2);
    return out;
}

std::string npy(std::size_t rows, std::size_t cols, double first) {
    Matrix<double> m(rows, cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) m(i, j) = first + static_cast<double>(i * cols + j);
    return npy_bytes(m);
}

std::string error_of(const std::string& bytes) {
    try {
        (void)parse_npz(bytes, "w.npz");
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("stored and deflated archives are read, member names without .npy") {
    for (bool deflate : {false, true}) {
        CAPTURE(deflate);
        const auto arrays = parse_npz(zip({member("Wa.npy", npy(4, 5, 1), deflate), member("V.npy", npy(5, 5, -3), deflate)}));
        REQUIRE(arrays.size() == 2);
        CHECK(arrays.at("Wa").shape == std::vector<std::size_t>{4, 5});
        CHECK(arrays.at("Wa").values[19] == 20.0);
        CHECK(arrays.at("V").values[0] == -3.0);
    }
}

TEST_CASE("an archive naming a member twice is refused (np.load would read only one of them)") {
    CHECK(error_of(zip({member("Wa.npy", npy(2, 3, 0)), member("Wa.npy", npy(3, 3, 0))})).find("appears twice") !=
          std::string::npos);
    CHECK(error_of(zip({member("Wa", npy(2, 3, 0)), member("Wa.npy", npy(3, 3, 0))})).find("name the same array") !=
          std::string::npos);
}

TEST_CASE("a small archive declaring a 16 GiB member is refused before anything like it is allocated") {
    Member liar = member("Wa.npy", npy(4, 4, 0), true);
    liar.stated_size = std::uint64_t{1} << 34;
    const std::string bytes = zip({liar});
    CHECK(bytes.size() < 400);
    {
        const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);  // the old reader allocated 16 GiB
        const std::string message = error_of(bytes);
        CHECK(message.find("states 17179869184 bytes uncompressed") != std::string::npos);
    }
    // the same lie, stored: the sizes differ
    Member stored = member("Wa.npy", npy(4, 4, 0));
    stored.stated_size = 1000;
    CHECK(error_of(zip({stored})).find("stored sizes differ") != std::string::npos);
    // a deflated member that inflates to more, or to fewer, bytes than stated
    Member more = member("Wa.npy", npy(4, 4, 0) + "x", true);
    more.stated_size = npy(4, 4, 0).size();
    CHECK(error_of(zip({more})).find("inflates to more bytes") != std::string::npos);
    Member fewer = member("Wa.npy", npy(4, 4, 0).substr(0, 200), true);
    fewer.stated_size = npy(4, 4, 0).size();
    CHECK(error_of(zip({fewer})).find("inflates to fewer bytes") != std::string::npos);
}

TEST_CASE("a deflate bomb whose header honestly states a huge array hits the size limit, not the memory") {
    // header: 2^31 float64 values (16 GiB); the data is 8 MiB of zeros, so the stream runs out early
    const std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483648,), }";
    std::string header = dict;
    header.append((64 - (10 + header.size() + 1) % 64) % 64, ' ');
    header += '\n';
    std::string content = std::string("\x93NUMPY\x01\x00", 8);
    content += static_cast<char>(header.size() & 0xff);
    content += static_cast<char>(header.size() >> 8);
    content += header;
    Member bomb = member("Wa.npy", content + std::string(1 << 16, '\0'), true);
    bomb.stated_size = content.size() + (std::uint64_t{1} << 34);
    const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);
    CHECK_THROWS_AS(parse_npz(zip({bomb})), ResourceLimit);
}

TEST_CASE("corrupted archives are clear errors") {
    const std::string good = zip({member("Wa.npy", npy(3, 3, 0), true)});
    CHECK(error_of(good) == "");
    std::string flipped = good;
    flipped[60] = static_cast<char>(flipped[60] ^ 0x55);  // inside the deflate stream
    CHECK(error_of(flipped) != "");
    CHECK(error_of(good.substr(0, good.size() - 30)) != "");
    CHECK(error_of("PK") != "");
    CHECK(error_of(std::string(100, '\0')) != "");
}

TEST_CASE("read_npz: directories, symlink loops and /dev/zero are refused with the reason") {
    const cogo::testing::ScratchDir dir("npz");
    auto message = [](const std::string& path) {
        try {
            (void)read_npz(path);
        } catch (const InvalidInput& e) {
            return std::string(e.what());
        } catch (const ResourceLimit& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(message(dir.directory("w.npz")).find("is a directory") != std::string::npos);
    CHECK(message(dir.symlink_loop("loop.npz")).find("Too many levels of symbolic links") != std::string::npos);
    {
        const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);  // the old reader read /dev/zero to the end
        CHECK(message("/dev/zero").find("not a regular file") != std::string::npos);
    }
    const std::string path = (dir.path() / "w.npz").string() + "2";
    std::ofstream(path, std::ios::binary) << zip({member("V.npy", npy(2, 2, 7))});
    CHECK(read_npz(path).at("V").values[3] == 10.0);
}
