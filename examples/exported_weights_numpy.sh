#!/usr/bin/env bash
# Exports each global construction with `cogo construct` and loads it in NumPy (examples/load_weights.py):
# loss below 1e-20 relative and 100% accuracy on every pair. Usage: exported_weights_numpy.sh COGO PYTHON
set -euo pipefail
cogo=$1
python=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for spec in "23 F6" "23 F46" "23 nui-synab" "11 M" "31 F6 --nu 1/4,1/12,-1/3" "24 min" "16 F6R" "2 min" "9 min" "9 min-zero-mean"; do
    set -- $spec
    d=$1 solution=$2
    shift 2
    rm -rf "$out/w"
    "$cogo" construct --d "$d" --solution "$solution" "$@" --out "$out/w" >/dev/null
    echo -n "$solution d=$d: "
    "$python" "$here/load_weights.py" "$out/w"
done
