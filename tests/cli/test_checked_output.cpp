// Tests for src/cli/checked_output.hpp: a failed write to the output descriptor is remembered with its
// errno and makes the stream fail; a good descriptor receives every byte in order.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <ostream>
#include <string>

#include "cli/checked_output.hpp"

using cogo::cli::CheckedOutput;

TEST_CASE("every byte reaches a good descriptor, small and big writes in order") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::string expected;
    {
        CheckedOutput buffer(fds[1]);
        std::ostream out(&buffer);
        out << "line " << 1 << '\n';
        expected += "line 1\n";
        const std::string big(40000, 'x');  // < pipe capacity together with the rest: nothing blocks
        out << big;
        expected += big;
        out << 'y';
        expected += 'y';
        CHECK(buffer.flush_all());
        CHECK(buffer.error() == 0);
        CHECK(out.good());
    }
    ::close(fds[1]);
    std::string got;
    char chunk[4096];
    for (ssize_t n; (n = ::read(fds[0], chunk, sizeof chunk)) > 0;) got.append(chunk, static_cast<std::size_t>(n));
    ::close(fds[0]);
    CHECK(got == expected);
}

TEST_CASE("/dev/full: the write fails with ENOSPC, the stream reports it, the message names the reason") {
    const int fd = ::open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    CheckedOutput buffer(fd);
    std::ostream out(&buffer);
    out << "PROVED\n";
    CHECK(buffer.error() == 0);  // still buffered
    out.flush();
    CHECK(buffer.error() == ENOSPC);
    CHECK(out.bad());
    CHECK_FALSE(buffer.flush_all());
    CHECK(buffer.error_message() == "cannot write to standard output: No space left on device");
    ::close(fd);
}

TEST_CASE("a big write fails at once, and so does everything after it") {
    const int fd = ::open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    CheckedOutput buffer(fd);
    std::ostream out(&buffer);
    out << std::string(1 << 17, 'z');  // larger than the buffer: written straight through
    CHECK(buffer.error() == ENOSPC);
    CHECK(out.bad());
    ::close(fd);
}

TEST_CASE("a closed descriptor: EBADF") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    ::close(fds[1]);
    CheckedOutput buffer(fds[1]);
    std::ostream out(&buffer);
    out << "x" << std::flush;
    CHECK(buffer.error() == EBADF);
}
