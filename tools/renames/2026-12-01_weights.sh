#!/usr/bin/env bash
# 2026-12-01: one weights type. RealWeights<S> (algebra/real_weights.hpp), analyze::TrainedWeights
# (analyze/fourier_weights.hpp) and train::WeightMatrices (train/network.hpp) were three structs of the same
# three matrices W_a, W_b (q x n) and V (n x q); they are now cogo::NetworkWeights<T>
# (algebra/network_weights.hpp, one shape check: NetworkWeights::check_shapes).
#
# Re-apply to a branch that still uses the old names: run from anywhere inside the checkout,
#   tools/renames/2026-12-01_weights.sh
# It rewrites the tracked and untracked C++ files in place and is idempotent (a second run changes nothing).
# The old definitions are removed here too (no-op once gone); algebra/network_weights.hpp itself comes with
# the commit that added this script. A file that names the old type unqualified under only
# `using namespace cogo::train;` (not cogo) needs `using cogo::NetworkWeights;` by hand: the compiler says so.
# Afterwards format the changed lines (the longer name pushes some past 120 columns):
#   git add -A && git clang-format
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

files() { git grep -l --untracked -E "$1" -- '*.cpp' '*.hpp' '*.h' ':!tools/renames' || true; }

# 1. The definitions go; their headers include the one type instead.
perl -0pi -e 's{/// The network.s weights: W_a, W_b \(q x n\) and V \(n x q\)\.\ntemplate <Scalar S>\nstruct RealWeights \{.*?\n\};\n\n}{}s' \
    src/algebra/real_weights.hpp
perl -0pi -e 's{/// Real-domain trained weights as PyTorch stores them[^\n]*\nstruct TrainedWeights \{\n    Matrix<double> wa, wb, v;\n\};\n\n}{}' \
    src/analyze/fourier_weights.hpp
perl -0pi -e 's{/// The weights in PyTorch.s layout, float64[^\n]*\nstruct WeightMatrices \{\n    Matrix<double> wa, wb, v;\n\};\n\n}{}' \
    src/train/network.hpp
for f in src/algebra/real_weights.hpp src/analyze/fourier_weights.hpp src/train/network.hpp; do
    grep -q '#include "algebra/network_weights.hpp"' "$f" ||
        perl -0pi -e 's{\n#include "}{\n#include "algebra/network_weights.hpp"\n#include "}' "$f"
done

# 2. Using-declarations of the old names are dropped (NetworkWeights lives in cogo itself).
for f in $(files 'using +(::)?(cogo::)?(analyze::TrainedWeights|train::WeightMatrices) *;'); do
    perl -ni -e 'print unless /^\s*using\s+(::)?(cogo::)?(analyze::TrainedWeights|train::WeightMatrices)\s*;\s*$/' "$f"
done

# 3. Every use: [cogo::]analyze::TrainedWeights, [cogo::]train::WeightMatrices -> [cogo::]NetworkWeights<double>;
#    RealWeights<S> -> NetworkWeights<S>.
for f in $(files '\b(TrainedWeights|WeightMatrices|RealWeights)\b'); do
    perl -pi -e 's{\b((?:cogo::)?)(?:analyze::)?TrainedWeights\b}{$1NetworkWeights<double>}g;
                 s{\b((?:cogo::)?)(?:train::)?WeightMatrices\b}{$1NetworkWeights<double>}g;
                 s{\bRealWeights\b}{NetworkWeights}g' "$f"
done
