// Tests for src/io/npy.hpp: .npy round trips, NumPy header layout, and malformed input.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <thread>

#include "hostile_files.hpp"
#include "io/npy.hpp"
#include "support/error.hpp"

using namespace cogo;

TEST_CASE("float64 matrices round-trip through .npy bytes, header aligned to 64 bytes") {
    Matrix<double> m(3, 4);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 4; ++j) m(i, j) = 0.1 * static_cast<double>(i) - 1e-300 * static_cast<double>(j) + 7;
    const std::string bytes = npy_bytes(m);
    CHECK(bytes.compare(0, 6, "\x93NUMPY") == 0);
    const std::size_t header_len = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    CHECK((10 + header_len) % 64 == 0);
    CHECK(bytes.find("'shape': (3, 4)") != std::string::npos);
    CHECK(bytes.size() == 10 + header_len + 12 * 8);
    const NpyArray a = parse_npy(bytes);
    REQUIRE(a.shape == std::vector<std::size_t>{3, 4});
    const Matrix<double> back = as_matrix(a);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 4; ++j) CHECK(back(i, j) == m(i, j));
}

TEST_CASE("float32 and Fortran-order arrays as NumPy writes them") {
    // np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4', order='F') saved with np.save
    std::string header = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }";
    header.append(64 - (10 + header.size() + 1) % 64, ' ');
    header += '\n';
    std::string bytes = std::string("\x93NUMPY\x01\x00", 8);
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    bytes += header;
    for (float f : {1.f, 4.f, 2.f, 5.f, 3.f, 6.f}) bytes.append(reinterpret_cast<const char*>(&f), 4);  // column-major
    const Matrix<double> m = as_matrix(parse_npy(bytes));
    CHECK(m(0, 0) == 1.0);
    CHECK(m(0, 2) == 3.0);
    CHECK(m(1, 0) == 4.0);
    CHECK(m(1, 2) == 6.0);
}

TEST_CASE("malformed .npy input is a clear error") {
    Matrix<double> m(2, 2, 1.0);
    const std::string good = npy_bytes(m);
    CHECK_THROWS_AS(parse_npy("not numpy at all"), InvalidInput);
    CHECK_THROWS_AS(parse_npy(good.substr(0, good.size() - 3)), InvalidInput);  // truncated data
    CHECK_THROWS_AS(parse_npy(good.substr(0, 20)), InvalidInput);              // truncated header
    CHECK_THROWS_AS(parse_npy(good + "xx"), InvalidInput);                     // trailing bytes
    std::string int_dtype = good;
    int_dtype.replace(int_dtype.find("<f8"), 3, "<i8");
    CHECK_THROWS_AS(parse_npy(int_dtype), InvalidInput);
    std::string version9 = good;
    version9[6] = 9;
    CHECK_THROWS_AS(parse_npy(version9), InvalidInput);
    CHECK_THROWS_AS(read_npy("/nonexistent/file.npy"), InvalidInput);
    NpyArray three_d{{2, 2, 2}, std::vector<double>(8)};
    CHECK_THROWS_AS(as_matrix(three_d), ShapeMismatch);
}

namespace {

/// A .npy file of format `major`.0 with header dict `dict` (padded with spaces and '\n' to a multiple of 64,
/// as NumPy does) followed by `data`.
std::string npy_file(const std::string& dict, const std::string& data, int major = 1) {
    const std::size_t prefix = major == 1 ? 10 : 12;
    std::string header = dict;
    header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
    header += '\n';
    std::string out = std::string("\x93NUMPY", 6) + static_cast<char>(major) + '\0';
    for (std::size_t i = 0; i < prefix - 8; ++i) out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

/// `count` little-endian float64 values 0.5, 1.5, 2.5, ...
std::string f8_data(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = static_cast<double>(i) + 0.5;
        out.append(reinterpret_cast<const char*>(&v), 8);
    }
    return out;
}

std::string error_of(const std::string& bytes) {
    try {
        (void)parse_npy(bytes, "x.npy");
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "";
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("a format-valid header of 60 KB (60,000 spaces in the shape tuple) is read, not a crash") {
    const std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (46," + std::string(60000, ' ') + "46), }";
    const std::string bytes = npy_file(dict, f8_data(46 * 46));
    REQUIRE(bytes.size() > 60000);
    const NpyArray a = parse_npy(bytes);
    CHECK(a.shape == std::vector<std::size_t>{46, 46});
    REQUIRE(a.values.size() == 46 * 46);
    CHECK(a.values[46 * 46 - 1] == 46.0 * 46.0 - 0.5);
}

TEST_CASE("a 300 KB descr in a version 2 header is refused with a short message, not a crash") {
    const std::string dict = "{'descr': '<f8" + std::string(300000, 'x') + "', 'fortran_order': False, 'shape': (1,), }";
    const std::string message = error_of(npy_file(dict, f8_data(1), 2));
    CHECK(message.find("unsupported dtype") != std::string::npos);
    CHECK(message.size() < 300);
    // a huge header made only of legal whitespace is read in linear time
    const std::string spaced = "{'descr':" + std::string(300000, '\n') + "'<f8', 'fortran_order': False, 'shape': (2,)}";
    CHECK(parse_npy(npy_file(spaced, f8_data(2), 2)).values == std::vector<double>{0.5, 1.5});
}

TEST_CASE("a repeated header key is refused (NumPy reads the last one, the old reader the first)") {
    // NumPy loads this as a 46x46 float32 array; it must not be read as 46x23 float64 (same byte count)
    const std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (46, 23), "
                             "'descr': '<f4', 'shape': (46, 46), }";
    const std::string message = error_of(npy_file(dict, f8_data(46 * 23)));
    CHECK(message.find("appears twice") != std::string::npos);
    CHECK(message.find("descr") != std::string::npos);
    CHECK(error_of(npy_file("{'descr': '<f8', 'fortran_order': False, 'fortran_order': True, 'shape': (1,)}",
                            f8_data(1)))
              .find("appears twice") != std::string::npos);
    CHECK(error_of(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), \"shape\": (1,)}", f8_data(1)))
              .find("appears twice") != std::string::npos);
}

TEST_CASE("headers NumPy writes or reads are accepted in every layout Python allows") {
    const std::string data = f8_data(6);
    for (const std::string dict : {
             "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
             "{'descr':'<f8','fortran_order':False,'shape':(2,3)}",
             "{\"shape\": (2, 3,), \"fortran_order\": False, \"descr\": \"<f8\"}",
             "\t{ 'descr' :\t'<f8' ,\n 'fortran_order' : False ,\r\n 'shape' : ( 2 ,\f3 ) }\n\n",
             "{'descr': '<f8', # a comment\n 'fortran_order': False, 'shape': (2, \\\n 3)}",
         }) {
        CAPTURE(dict);
        const NpyArray a = parse_npy(npy_file(dict, data));
        CHECK(a.shape == std::vector<std::size_t>{2, 3});
        CHECK(a.values[5] == 5.5);
    }
    CHECK(parse_npy(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': ()}", f8_data(1))).values ==
          std::vector<double>{0.5});  // a 0-d array holds one value
    CHECK(parse_npy(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 7)}", "")).values.empty());
    CHECK(parse_npy(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (6,)}", data, 3)).values.size() == 6);
}

TEST_CASE("headers NumPy refuses, or reads differently, are refused") {
    const std::string data = f8_data(6);
    for (const std::string dict : {
             "{'descr': '<f8', 'fortran_order': False, 'shape': (6)}",           // an int, not a tuple
             "{'descr': '<f8', 'fortran_order': False}",                         // no shape
             "{'descr': '<f8', 'shape': (6,)}",                                  // no fortran_order
             "{'descr': '<f8', 'fortran_order': False, 'shape': (6,), 'x': 1}",  // unknown key
             "{'descr': '<f8', 'fortran_order': false, 'shape': (6,)}",          // not a Python bool
             "{'descr': '<f8', 'fortran_order': Falsey, 'shape': (6,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (-6,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (06,)}",  // a syntax error in Python 3
             "{'descr': '<f8', 'fortran_order': False, 'shape': (0x6,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (6L,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (True,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': [6]}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (6,,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (,)}",
             "{'descr': '<' 'f8', 'fortran_order': False, 'shape': (6,)}",  // adjacent literals
             "{'descr': '<f8', 'fortran_order': False, 'shape': (6,)} x",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (6,)",
             "{'descr': '<f8' 'fortran_order': False, 'shape': (6,)}",
             "{'descr': '<i8', 'fortran_order': False, 'shape': (6,)}",
             "{'descr': '>f8', 'fortran_order': False, 'shape': (6,)}",
             "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296)}",  // product overflows
             "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}",
             "",
         }) {
        CAPTURE(dict);
        CHECK(error_of(npy_file(dict, data)) != "");
    }
    // an unknown minor version, a header over the limit
    std::string minor = npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (6,)}", data);
    minor[7] = 1;
    CHECK(error_of(minor).find("version 1.1") != std::string::npos);
    std::string huge = std::string("\x93NUMPY\x02\x00", 8) + std::string("\x00\x00\x00\x40", 4);  // 1 GiB header
    CHECK(error_of(huge).find("exceeds the limit") != std::string::npos);
    // a lying shape: far more values than bytes
    CHECK(error_of(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000)}", data))
              .find("truncated .npy data") != std::string::npos);
}

TEST_CASE("read_npy: directories, symlink loops, /dev/zero and FIFOs are refused with the reason") {
    const cogo::testing::ScratchDir dir("npy");
    auto message = [](const std::string& path) {
        try {
            (void)read_npy(path);
        } catch (const InvalidInput& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string as_dir = message(dir.directory("Wa.npy"));
    CHECK(as_dir.find("is a directory") != std::string::npos);
    CHECK(as_dir.find("Wa.npy") != std::string::npos);
    const std::string loop = message(dir.symlink_loop("loop.npy"));
    CHECK(loop.find("loop.npy") != std::string::npos);
    CHECK(loop.find("Too many levels of symbolic links") != std::string::npos);
    CHECK(message((dir.path() / "missing.npy").string()).find("No such file or directory") != std::string::npos);
    {
        const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);  // the old reader read /dev/zero to the end
        CHECK(message("/dev/zero").find("bad magic") != std::string::npos);
    }
    // a file read from disk: the same array as from memory; truncation and trailing bytes refused
    const std::string good = npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", f8_data(6));
    write_bytes(dir.path() / "good.npy", good);
    CHECK(read_npy((dir.path() / "good.npy").string()).values == parse_npy(good).values);
    write_bytes(dir.path() / "short.npy", good.substr(0, good.size() - 1));
    CHECK(message((dir.path() / "short.npy").string()).find("truncated .npy data") != std::string::npos);
    write_bytes(dir.path() / "long.npy", good + "x");
    CHECK(message((dir.path() / "long.npy").string()).find("trailing bytes") != std::string::npos);
    // a FIFO (size unknown in advance) is read up to what the header describes
    const std::string fifo = (dir.path() / "pipe.npy").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string& content : {good, good + "x"}) {
        std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << content; });
        const std::string m = message(fifo);
        writer.join();
        CHECK(m == (content == good ? "" : fifo + ": trailing bytes after the .npy data"));
    }
}
