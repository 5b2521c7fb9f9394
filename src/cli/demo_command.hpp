#pragma once
/// \file demo_command.hpp
/// `cogo demo`: the main job on a default. On Z_23 it proves z_F6 and z_F4/6 globally optimal exactly
/// (with a certificate re-checked by the independent checker), refutes the all-order-4 element at the
/// bias with its exact loss 44/23, proves the smallest known solution on Z_2 x Z_3 x Z_4 (44 nodes), and
/// checks Theorem 1 exactly on a random network.
#include <ostream>

namespace cogo::cli {

/// Runs the demo; returns 0 when every step gave the expected verdict (F6, F4/6 PROVED, certificate
/// ACCEPTED, order4 REFUTED, min on Z_2 x Z_3 x Z_4 PROVED, Theorem 1 PROVED), 1 otherwise.
int run_demo(std::ostream& out);

}  // namespace cogo::cli
