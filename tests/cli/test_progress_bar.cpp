// The progress bar's line: bar, percentage, counts, rate, ETA; silent unless a terminal or forced.
#include <doctest/doctest.h>

#include <cstdio>
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

TEST_CASE("ProgressBar: nothing drawn on a non-terminal; forced bar draws and ends the line") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    {
        ProgressBar quiet(file, 10, "x");
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
