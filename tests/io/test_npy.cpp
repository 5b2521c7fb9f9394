// Tests for src/io/npy.hpp: .npy round trips, NumPy header layout, and malformed input.
#include <doctest/doctest.h>

#include <cstring>

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
