// Tests for src/io/sha256.hpp against the FIPS 180-4 / NIST example digests, across block boundaries and
// incremental updates, and for bounded file hashing.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "io/sha256.hpp"
#include "support/error.hpp"

using namespace cogo;

TEST_CASE("SHA-256 known answers") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("incremental updates in any split equal one update") {
    std::string message;
    for (int i = 0; i < 300; ++i) message += static_cast<char>(i * 37 + 11);
    const std::string whole = sha256_hex(message);
    for (std::size_t cut : {0, 1, 55, 56, 63, 64, 65, 127, 128, 299, 300}) {
        CAPTURE(cut);
        Sha256 h;
        h.update(std::string_view(message).substr(0, cut));
        h.update(std::string_view(message).substr(cut));
        CHECK(h.hex_digest() == whole);
    }
}

TEST_CASE("file hashing: size, bound, not-a-file") {
    const auto path = std::filesystem::temp_directory_path() / ("cogo-test-sha-" + std::to_string(::getpid()));
    std::ofstream(path) << "abc";
    std::uintmax_t size = 0;
    CHECK(sha256_file(path, &size) == sha256_hex("abc"));
    CHECK(size == 3);
    CHECK_THROWS_AS((void)sha256_file(path, &size, 2), InvalidInput);  // larger than expected: stops
    CHECK_THROWS_AS((void)sha256_file(path.parent_path()), InvalidInput);  // a directory
    CHECK_THROWS_AS((void)sha256_file(path.string() + ".missing"), InvalidInput);
    CHECK_THROWS_AS((void)sha256_file("/dev/zero"), InvalidInput);  // not a regular file: nothing is read
    const std::string fifo = path.string() + ".fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_AS((void)sha256_file(fifo), InvalidInput);  // refused without blocking (no writer)
    std::filesystem::remove(fifo);
    // more than one read chunk (64 KiB): the same digest as hashing the bytes at once
    std::string big;
    for (int i = 0; i < 200'000; ++i) big += static_cast<char>('a' + i % 26);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << big;
    CHECK(sha256_file(path, &size) == sha256_hex(big));
    CHECK(size == big.size());
    std::filesystem::remove(path);
}
