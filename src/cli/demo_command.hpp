#pragma once
/// \file demo_command.hpp
/// `cogo demo`: the main job on a default, in two parts.
/// 1. Exact algebra: on Z_23 it proves z_F6 and z_F4/6 globally optimal exactly (with a certificate re-checked
///    by the independent checker), refutes the all-order-4 element at the bias with its exact loss 44/23,
///    proves the smallest known solution on Z_2 x Z_3 x Z_4 (44 nodes), and checks Theorem 1 exactly on a
///    random network.
/// 2. A trained network (a few seconds): trains the paper's network on Z_23 by gradient descent, cross-checks
///    it (factorise, classify, round, prove the rounded network exactly) and writes the pictures.
/// Everything is written into one folder (default ./cogo-demo), which is replaced whole on every run; to
/// protect other data, an existing folder is only replaced if it is empty or was written by `cogo demo`
/// (it holds the marker file `.cogo-demo`).
#include <cstddef>
#include <cstdio>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace cogo::cli {

/// Options of `cogo demo`.
struct DemoOptions {
    std::string out = "cogo-demo";  ///< --out DIR: where the certificate, the trained weights and the pictures go
    bool train = true;              ///< false (--no-train): only the exact algebra part
    std::size_t steps = 3000;       ///< optimizer steps of the demo's training run
};

/// The marker file that makes a folder replaceable by `cogo demo`.
inline constexpr const char* kDemoMarker = ".cogo-demo";

/// Declares the options and footer of `demo` on its subcommand (name and one-line help: the table in cli/main.cpp).
void setup_demo_command(CLI::App& command, DemoOptions& options);

/// Runs the demo; returns 0 when every step gave the expected verdict (F6, F4/6 PROVED, certificate
/// ACCEPTED, order4 REFUTED, min on Z_2 x Z_3 x Z_4 PROVED, Theorem 1 PROVED, and with training: the
/// rounded trained network PROVED), 1 otherwise. Throws InvalidInput (exit 2) if the folder exists and is
/// neither empty nor a previous demo's, or cannot be written. Progress of the training goes to `progress`.
int run_demo(const DemoOptions& options, std::ostream& out, std::FILE* progress = stderr);

/// The demo with the default options.
int run_demo(std::ostream& out);

}  // namespace cogo::cli
