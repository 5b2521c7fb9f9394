#!/usr/bin/env bash
# The .npz path of `cogo crosscheck`, differentially against NumPy: an exported construction saved by
# np.savez and by np.savez_compressed gives the same report as the .npy directory (PROVED, same blocks);
# truncated and corrupted archives are exit 2. Usage: crosscheck_npz.sh COGO PYTHON
set -euo pipefail
cogo=$1
python=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$cogo" construct --d 11 --solution F46 --out "$out/w" >/dev/null
"$python" - "$out" <<'PY'
import sys, numpy as np
d = sys.argv[1]
arrays = {k: np.load(f"{d}/w/{k}.npy") for k in ("Wa", "Wb", "V")}
np.savez(f"{d}/plain.npz", **arrays)
np.savez_compressed(f"{d}/compressed.npz", **arrays)
raw = open(f"{d}/compressed.npz", "rb").read()
open(f"{d}/truncated.npz", "wb").write(raw[: len(raw) // 2])
bad = bytearray(raw)
bad[60] ^= 0xFF  # inside the first member's deflated data
open(f"{d}/corrupted.npz", "wb").write(bytes(bad))
np.savez(f"{d}/wrongkeys.npz", A=arrays["Wa"], B=arrays["Wb"], C=arrays["V"])
plain = bytearray(open(f"{d}/plain.npz", "rb").read())
plain[len(plain) // 4] ^= 0x01  # one bit of a stored member's data
open(f"{d}/flipped.npz", "wb").write(bytes(plain))
PY
summary() { "$python" -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"]["verdict"], d["summary"]["verified"], [(b["k"], b["family"]) for b in d["blocks"]])'; }
reference=$("$cogo" crosscheck "$out/w" --json | summary)
for f in plain compressed; do
    got=$("$cogo" crosscheck "$out/$f.npz" --json | summary)
    echo "$f.npz: $got"
    [ "$got" = "$reference" ] || { echo "FAIL: $f.npz differs from the .npy directory ($reference)"; exit 1; }
done
case "$reference" in PROVED*) ;; *) echo "FAIL: reference not PROVED: $reference"; exit 1 ;; esac
for f in truncated corrupted flipped wrongkeys; do
    set +e
    "$cogo" crosscheck "$out/$f.npz" --json >/dev/null 2>"$out/err"
    code=$?
    set -e
    echo "$f.npz: exit $code: $(head -c 160 "$out/err")"
    [ "$code" -eq 2 ] || { echo "FAIL: $f.npz should be exit 2"; exit 1; }
done
echo "npz: OK"
