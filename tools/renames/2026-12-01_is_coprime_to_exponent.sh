#!/usr/bin/env bash
# 2026-12-01: AbelianGroup::is_unit(s) -> AbelianGroup::is_coprime_to_exponent(s), the name of what it tests
# (gcd(s, exponent) = 1, i.e. x -> s x is an automorphism); "unit" also means unit_modulus and identity_block
# in the tree.
#
# Re-apply to a branch that still calls the old name: run from anywhere inside the checkout,
#   tools/renames/2026-12-01_is_coprime_to_exponent.sh
# Idempotent. AbelianGroup was the only class with an is_unit member when this ran, so every `is_unit(` that
# is a member call, the declaration or the definition is renamed; a free function is_unit would be left alone.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

for f in $(git grep -l --untracked -E '\bis_unit\(' -- '*.cpp' '*.hpp' '*.h' ':!tools/renames' || true); do
    perl -pi -e 's{(\.|->|AbelianGroup::|bool )is_unit\(}{$1is_coprime_to_exponent(}g' "$f"
done
