// Tests for src/io/bounded_read.hpp: every read is bounded, every failure names the file and the reason.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <thread>

#include <sys/stat.h>

#include "hostile_files.hpp"
#include "io/bounded_read.hpp"
#include "support/error.hpp"
#include "verify/certificate_checker.hpp"

using namespace cogo;

namespace {

template <class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("read_file_bounded: up to the cap the content, beyond it ResourceLimit naming the file and the cap") {
    const cogo::testing::ScratchDir dir("bounded");
    const std::string path = (dir.path() / "f.bin").string();
    std::string content;
    for (int i = 0; i < 5000; ++i) content += static_cast<char>(i * 7);
    std::ofstream(path, std::ios::binary) << content;
    CHECK(read_file_bounded(path, 5000, "input") == content);
    CHECK(read_file_bounded(path, 1 << 20, "input") == content);
    CHECK_THROWS_AS((void)read_file_bounded(path, 4999, "input"), ResourceLimit);
    const std::string m = message_of([&] { (void)read_file_bounded(path, 4999, "input"); });
    CHECK(m.find(path) != std::string::npos);
    CHECK(m.find("4999 bytes") != std::string::npos);
    // a device of unknown size: stopped at the cap
    CHECK_THROWS_AS((void)read_file_bounded("/dev/zero", 3 << 20, "input"), ResourceLimit);
    CHECK(read_file_bounded("/dev/null", 10, "input").empty());
    // text: a NUL byte is refused where it is
    std::ofstream(path, std::ios::binary) << std::string("{\"a\": 1}\0", 9);
    CHECK(message_of([&] { (void)read_text_file_bounded(path, 100, "input"); }).find("NUL byte at offset 8") !=
          std::string::npos);
}

TEST_CASE("open errors name the file and the errno reason; a directory is called one") {
    const cogo::testing::ScratchDir dir("open");
    const std::string missing = (dir.path() / "missing").string();
    CHECK(message_of([&] { (void)read_file_bounded(missing, 10, "input file"); }) ==
          "cannot open input file " + missing + ": No such file or directory");
    const std::string loop = dir.symlink_loop("loop");
    CHECK(message_of([&] { (void)read_file_bounded(loop, 10, "input file"); }) ==
          "cannot open input file " + loop + ": Too many levels of symbolic links");
    const std::string d = dir.directory("d");
    CHECK(message_of([&] { (void)read_file_bounded(d, 10, "input file"); }) == "input file " + d + " is a directory, not a file");
    const std::string locked = (dir.path() / "locked").string();
    std::ofstream(locked) << "x";
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    if (::geteuid() != 0)  // root reads anything
        CHECK(message_of([&] { (void)read_file_bounded(locked, 10, "input file"); }).find("Permission denied") !=
              std::string::npos);
}

TEST_CASE("one reader, two policies: user input over the cap is a resource limit, cogo's own files bad input") {
    const cogo::testing::ScratchDir dir("regular");
    const std::string path = (dir.path() / "manifest.json").string();
    const std::string content(3000, 'm');
    std::ofstream(path, std::ios::binary) << content;
    CHECK(read_regular_file_bounded(path, 3000) == content);
    // over the cap: InvalidInput (exit 2) for cogo's own files, ResourceLimit (exit 3) for user input
    CHECK_THROWS_AS((void)read_regular_file_bounded(path, 2999), InvalidInput);
    CHECK(message_of([&] { (void)read_regular_file_bounded(path, 2999); }) ==
          "cannot read " + path + ": larger than 2999 bytes");
    CHECK_THROWS_AS((void)read_file_bounded(path, 2999, "input"), ResourceLimit);
    // regular files only: a device or a FIFO is refused (the FIFO without blocking the open: no writer here)
    CHECK(message_of([&] { (void)read_regular_file_bounded("/dev/null", 10); }) ==
          "cannot read /dev/null: not a regular file");
    CHECK(message_of([&] { (void)InputFile("/dev/zero", "input", FileKinds::regular); }) ==
          "cannot read input /dev/zero: not a regular file");
    const std::string fifo = (dir.path() / "fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(message_of([&] { (void)read_regular_file_bounded(fifo, 10); }) == "cannot read " + fifo + ": not a regular file");
    const std::string d = dir.directory("d");
    CHECK(message_of([&] { (void)read_regular_file_bounded(d, 10); }) == d + " is a directory, not a file");
    CHECK(message_of([&] { (void)read_regular_file_bounded(dir.path() / "missing", 10); }) ==
          "cannot open " + (dir.path() / "missing").string() + ": No such file or directory");
    // the default still reads devices (user input may be /dev/stdin)
    CHECK(read_file_bounded("/dev/null", 10, "input").empty());
}

TEST_CASE("InputFile grows its buffer with the data, not with the count asked for") {
    const cogo::testing::ScratchDir dir("grow");
    const std::string fifo = (dir.path() / "p").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << std::string(3000, 'a'); });
    InputFile in(fifo, "pipe");
    CHECK(!in.regular_size());
    std::string out;
    const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);
    CHECK(in.read_up_to(out, std::size_t{1} << 40) == 3000);  // asks for 1 TiB, holds 3000 bytes
    CHECK(out == std::string(3000, 'a'));
    CHECK(in.at_end());
    writer.join();
}

TEST_CASE("certificate files: /dev/zero, directories and symlink loops are refused with the reason") {
    const cogo::testing::ScratchDir dir("cert");
    {
        const cogo::testing::AddressSpaceGuard guard(std::size_t{1} << 30);  // the old reader read /dev/zero to the end
        CHECK(message_of([] { (void)check_certificate_file("/dev/zero"); }).find("NUL byte") != std::string::npos);
    }
    const std::string d = dir.directory("cert.json");
    const std::string as_dir = message_of([&] { (void)check_certificate_file(d); });
    CHECK(as_dir == "certificate file " + d + " is a directory, not a file");
    const std::string loop = dir.symlink_loop("loop.json");
    CHECK(message_of([&] { (void)check_certificate_file(loop); }) ==
          "cannot open certificate file " + loop + ": Too many levels of symbolic links");
}

TEST_CASE("byte counts in messages") {
    CHECK(byte_count_text(0) == "0 bytes");
    CHECK(byte_count_text(1) == "1 byte");
    CHECK(byte_count_text(1023) == "1023 bytes");
    CHECK(byte_count_text(1024) == "1 KiB");
    CHECK(byte_count_text(1536) == "1536 bytes (1.5 KiB)");
    CHECK(byte_count_text((std::uint64_t{1} << 40) + 1) == "1099511627777 bytes (1.0 TiB)");
    CHECK(byte_count_text(std::uint64_t{256} << 20) == "256 MiB");
    CHECK(byte_count_text(std::uint64_t{1} << 34) == "16 GiB");
}

TEST_CASE("JSON nested deeper than the limit is refused before the JSON library recurses on it") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK_THROWS_AS(check_json_depth(deep, "doc"), InvalidInput);
    CHECK_THROWS_AS((void)check_certificate(deep), InvalidInput);  // crashed (stack overflow) when dumped
    const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    CHECK_NOTHROW(check_json_depth(ok, "doc"));
    // brackets inside strings do not count
    CHECK_NOTHROW(check_json_depth("{\"a\": \"" + std::string(1000, '[') + "\\\"\"}", "doc"));
}
