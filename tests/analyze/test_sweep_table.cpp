// Tests for src/analyze/sweep_table.hpp: shares per run from crosscheck JSON, mean +- standard error,
// grouping, the paper's rows, and the renderers.
#include <doctest/doctest.h>

#include <cmath>

#include "analyze/sweep_table.hpp"
#include "support/error.hpp"

using namespace cogo;
using namespace cogo::analyze;
using nlohmann::json;

namespace {

json summary(const std::string& group, std::size_t width, double wd, int seed, double test_accuracy) {
    return {{"group", group}, {"width", width}, {"wd", wd}, {"seed", seed},
            {"final", {{"train_accuracy", 1.0}, {"test_accuracy", test_accuracy}}}};
}

json block(const std::string& family, bool factorable, bool verified, json found = json::object()) {
    return {{"family", family}, {"factorable", factorable}, {"verified", verified}, {"params_found", found}};
}

}  // namespace

TEST_CASE("run shares count each family, other factorable blocks and non-factorable ones") {
    const json report = {{"blocks", json::array({block("z_nui*z_xi", true, true, {{"xi", 0.125}}),
                                                 block("z_nui*z_xi", true, true, {{"xi", -0.375}}),
                                                 block("z_nu*z_syn", true, true, {{"nu", 1.0 / 3}}),
                                                 block("z_nui*z_synab", true, false, {{"alpha", 0.25}, {"beta", 0.75}}),
                                                 block("unknown", true, false), block("unknown", false, false)})}};
    const RunShares r = run_shares(summary("23", 512, 5e-5, 3, 1.0), report);
    CHECK(r.blocks == 6);
    CHECK(r.factorable == 5);
    CHECK(r.nui_xi == 2);
    CHECK(r.nu_syn == 1);
    CHECK(r.nui_synab == 1);
    CHECK(r.other == 1);
    CHECK(r.verified == 3);
    CHECK(r.block_orders.empty());  // these hand-made blocks carry no "order" field
    CHECK(r.converged);
    REQUIRE(r.angles.at("xi").size() == 2);
    CHECK(std::abs(r.angles.at("xi")[0] - M_PI / 4) < 1e-12);
    CHECK(std::abs(r.angles.at("xi")[1] + 3 * M_PI / 4) < 1e-12);
    CHECK(std::abs(r.angles.at("beta")[0] + M_PI / 2) < 1e-12);  // 3/4 turn = -pi/2
    CHECK_FALSE(run_shares(summary("23", 512, 5e-5, 3, 0.97), report).converged);
    CHECK_THROWS_AS(run_shares(json::object(), report), InvalidInput);
    CHECK_THROWS_AS(run_shares(summary("23", 512, 5e-5, 3, 1.0), json::object()), InvalidInput);
}

TEST_CASE("mean and standard error") {
    const MeanError m = mean_error({1, 2, 3, 4});
    CHECK(m.mean == doctest::Approx(2.5));
    CHECK(m.error == doctest::Approx(std::sqrt(5.0 / 3.0) / 2));  // s = sqrt(5/3), n = 4
    CHECK(mean_error({7}).error == 0);
    CHECK(mean_error({}).n == 0);
}

TEST_CASE("aggregation groups by (group, width, wd) in group-order order, shares in percent") {
    std::vector<RunShares> runs;
    for (int seed = 1; seed <= 3; ++seed) {
        json blocks = json::array();
        for (int i = 0; i < seed; ++i) blocks.push_back(block("z_nui*z_xi", true, true));
        blocks.push_back(block("z_nu*z_syn", true, true));
        runs.push_back(run_shares(summary("71", 512, 5e-5, seed, 1.0), {{"blocks", blocks}}));
        runs.push_back(run_shares(summary("23", 512, 5e-5, seed, seed == 3 ? 0.5 : 1.0), {{"blocks", blocks}}));
    }
    runs.push_back(run_shares(summary("23", 256, 5e-5, 1, 1.0), {{"blocks", json::array()}}));
    const auto rows = aggregate(runs, false);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].group == "23");
    CHECK(rows[0].width == 256);
    CHECK(rows[0].runs_without_blocks == 1);
    CHECK(rows[1].group == "23");
    CHECK(rows[1].width == 512);
    CHECK(rows[2].group == "71");
    // order-4 shares 50, 66.67, 75 percent
    CHECK(rows[2].nui_xi.mean == doctest::Approx((50.0 + 200.0 / 3 + 75.0) / 3));
    CHECK(rows[2].nui_xi.n == 3);
    CHECK(rows[2].verified.mean == doctest::Approx(100));
    CHECK(rows[1].converged == 2);
    const auto converged = aggregate(runs, true);
    CHECK(converged[1].nui_xi.n == 2);  // the unconverged seed 3 of Z_23 is dropped
    double paper[4];
    REQUIRE(paper_row("23", 512, 5e-5, paper));
    CHECK(paper[0] == 47.07);
    CHECK_FALSE(paper_row("23", 256, 5e-5, paper));
    CHECK(table_text(rows).find("paper (Table 2)") != std::string::npos);
    CHECK(table_latex(rows).find("\\mathbb{Z}_{71}") != std::string::npos);
    CHECK(table_json(rows).size() == 3);
}

TEST_CASE("runs with different learning rates are separate rows, never averaged") {
    json blocks = json::array({block("z_nu*z_syn", true, true)});
    json other = json::array({block("z_nui*z_xi", true, true)});
    json a = summary("23", 512, 5e-5, 1, 1.0), b = summary("23", 512, 5e-5, 2, 1.0);
    a["lr"] = 0.01;
    b["lr"] = 0.001;
    const auto rows = aggregate({run_shares(a, {{"blocks", blocks}}), run_shares(b, {{"blocks", other}})}, false);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].lr == 0.001);
    CHECK(rows[0].nui_xi.mean == doctest::Approx(100));
    CHECK(rows[1].lr == 0.01);
    CHECK(rows[1].nu_syn.mean == doctest::Approx(100));
    CHECK(table_json(rows)[1].at("lr") == 0.01);
    CHECK(table_json(rows)[1].contains("paper"));         // the paper's lr
    CHECK_FALSE(table_json(rows)[0].contains("paper"));   // another lr: not the paper's experiment
}

TEST_CASE("runs with other optimizer, test fraction, batch size or init scale are separate rows, never averaged") {
    json blocks = json::array({block("z_nu*z_syn", true, true)});
    std::vector<RunShares> runs;
    json paper = summary("23", 512, 5e-5, 1, 1.0);
    paper["optimizer"] = "adam";
    paper["test_fraction"] = 0.1;
    paper["batch_size"] = 0;
    paper["init_scale"] = 1.0;
    runs.push_back(run_shares(paper, {{"blocks", blocks}}));
    runs.push_back(run_shares(summary("23", 512, 5e-5, 2, 1.0), {{"blocks", blocks}}));  // older summary: no keys
    json variants[4] = {paper, paper, paper, paper};
    variants[0]["optimizer"] = "adamw";
    variants[1]["test_fraction"] = 0.5;
    variants[2]["batch_size"] = 64;
    variants[3]["init_scale"] = 0.5;
    for (const json& v : variants) runs.push_back(run_shares(v, {{"blocks", blocks}}));
    CHECK(runs[0].variant.empty());
    CHECK(runs[1].variant.empty());
    CHECK(runs[2].variant == "adamw");
    CHECK(runs[3].variant == "test 0.5");
    CHECK(runs[4].variant == "batch 64");
    CHECK(runs[5].variant == "init x0.5");
    const auto rows = aggregate(runs, false);
    REQUIRE(rows.size() == 5);
    std::size_t paper_rows = 0;
    for (const TableRow& r : rows) {
        CHECK(r.runs == (r.variant.empty() ? 2u : 1u));
        paper_rows += table_json({r})[0].contains("paper");
    }
    CHECK(paper_rows == 1);  // only the paper's settings are compared with the paper
    CHECK(table_text(rows).find("settings: batch 64") != std::string::npos);
}
