// The progress bar's line: bar, percentage, counts, rate, ETA; silent unless a terminal or forced.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/progress_bar.hpp"

using namespace cogo::cli;

TEST_CASE("ProgressBar::render: halfway after 10 s: 50%, rate and ETA 10 s") {
    const std::string line = ProgressBar::render(50, 100, 10.0, "train", "loss 1e-3", 10);
    CHECK(line == "train [#####.....]  50% 50/100 5.0/s ETA 10.0s  loss 1e-3");
    CHECK(ProgressBar::render(100, 100, 4.0, "t", "", 4) == "t [####] 100% 100/100 25.0/s ETA 0.0s");
}

TEST_CASE("ProgressBar::format_duration") {
    CHECK(ProgressBar::format_duration(6.04) == "6.0s");
    CHECK(ProgressBar::format_duration(245) == "4m05s");
    CHECK(ProgressBar::format_duration(3723) == "1h02m03s");
    CHECK(ProgressBar::format_duration(-1) == "?");
}

TEST_CASE("ProgressBar: nothing drawn off a terminal with log_every 0; forced bar draws and ends the line") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    {
        ProgressBar quiet(file, 10, "x", false, 0);  // no lines either
        CHECK_FALSE(quiet.enabled());
        quiet.update(5);
    }
    CHECK(std::ftell(file) == 0);
    {
        ProgressBar forced(file, 10, "x", true);
        forced.update(10, "done");
    }
    std::rewind(file);
    char buffer[256] = {};
    const std::size_t got = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    const std::string text(buffer, got);
    CHECK(text.find("\rx [") == 0);
    CHECK(text.find("100% 10/10") != std::string::npos);
    CHECK(text.back() == '\n');
}

namespace {
std::string contents(std::FILE* file) {
    std::rewind(file);
    std::string text;
    char buffer[512];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, got);
    return text;
}
std::size_t count_lines(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += c == '\n';
    return n;
}
}  // namespace

TEST_CASE("ProgressBar::render_line: the plain line has no bar and no carriage return") {
    const std::string line = ProgressBar::render_line(50, 100, 10.0, "train Z_23", "loss 1e-3");
    CHECK(line == "train Z_23: 50/100 (50%) elapsed 10.0s, 5.0/s, ETA 10.0s  loss 1e-3");
    CHECK(ProgressBar::render_line(3, 3, 125.0, "sweep", "") == "sweep: 3/3 (100%) elapsed 2m05s, 0.0/s, ETA 0.0s");
}

TEST_CASE("ProgressBar::fit cuts a line to the terminal width, never below one column") {
    const std::string line = ProgressBar::render(50, 100, 10.0, "train", "loss 1e-3 test acc 100.00%", 30);
    REQUIRE(line.size() > 40);
    CHECK(ProgressBar::fit(line, 40) == line.substr(0, 40));
    CHECK(ProgressBar::fit(line, 40).size() == 40);
    CHECK(ProgressBar::fit("short", 40) == "short");
    CHECK(ProgressBar::fit("abc", 0) == "a");
}

TEST_CASE("ProgressBar::terminal_columns: a file is no terminal, so $COLUMNS decides, else 80") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    const char* saved = std::getenv("COLUMNS");
    const std::string keep = saved ? saved : "";
    ::setenv("COLUMNS", "37", 1);
    CHECK(ProgressBar::terminal_columns(file) == 37);
    ::setenv("COLUMNS", "37x", 1);  // not a number
    CHECK(ProgressBar::terminal_columns(file) == 80);
    ::setenv("COLUMNS", "0", 1);
    CHECK(ProgressBar::terminal_columns(file) == 80);
    ::unsetenv("COLUMNS");
    CHECK(ProgressBar::terminal_columns(file) == 80);
    if (saved) ::setenv("COLUMNS", keep.c_str(), 1);
    std::fclose(file);
}

TEST_CASE("ProgressBar: a forced bar is cut to $COLUMNS - 1 so that it never wraps") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    const char* saved = std::getenv("COLUMNS");
    const std::string keep = saved ? saved : "";
    ::setenv("COLUMNS", "30", 1);
    {
        ProgressBar forced(file, 10, "a-long-label", true);
        forced.update(10, "a status that is far too long for thirty columns");
    }
    if (saved) ::setenv("COLUMNS", keep.c_str(), 1);
    else ::unsetenv("COLUMNS");
    const std::string text = contents(file);
    std::fclose(file);
    // "\r" + 29 characters + "\x1b[K" + "\n"
    REQUIRE(text.size() == 1 + 29 + 3 + 1);
    CHECK(text.substr(1, 29) == std::string("a-long-label [") + std::string(15, '#'));
}

TEST_CASE("ProgressBar: off a terminal, plain lines; the end is always printed once, nothing between within the interval") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    {
        ProgressBar lines(file, 100, "train", false, 1e6);  // interval far longer than the test
        CHECK(lines.mode() == ProgressBar::Mode::lines);
        for (std::size_t i = 1; i < 100; ++i) lines.update(i, "loss");
        CHECK(std::ftell(file) == 0);  // nothing due yet
        lines.update(100, "loss 1e-5");
        lines.finish();  // already printed: no duplicate
    }
    const std::string text = contents(file);
    std::fclose(file);
    CHECK(count_lines(text) == 1);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.rfind("train: 100/100 (100%) elapsed ", 0) == 0);
    CHECK(text.find("loss 1e-5\n") != std::string::npos);
}

TEST_CASE("ProgressBar: an unfinished run in lines mode still reports where it stopped; log_every 0 is silent") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    {
        ProgressBar lines(file, 100, "sweep", false, 1e6);
        lines.update(40, "2 running");
    }  // destructor = finish
    {
        ProgressBar silent(file, 100, "sweep", false, 0);
        CHECK_FALSE(silent.enabled());
        silent.update(100);
    }
    const std::string text = contents(file);
    std::fclose(file);
    CHECK(count_lines(text) == 1);
    CHECK(text.rfind("sweep: 40/100 (40%)", 0) == 0);
    CHECK(text.find("2 running\n") != std::string::npos);
}

TEST_CASE("ProgressBar::check_log_every refuses negative, non-finite and absurd intervals") {
    CHECK_NOTHROW(ProgressBar::check_log_every(0));
    CHECK_NOTHROW(ProgressBar::check_log_every(10));
    CHECK_THROWS(ProgressBar::check_log_every(-1));
    CHECK_THROWS(ProgressBar::check_log_every(NAN));
    CHECK_THROWS(ProgressBar::check_log_every(1e9));
}
