#!/usr/bin/env bash
# Installs the Python module into a fresh virtual environment that sees Debian's packages (numpy, torch,
# meson-python), offline, and imports it from outside the checkout. Not part of `./cogo.sh test` (it
# compiles the library once more, a few CPU minutes). Usage: python/pip_install_check.sh [VENV_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
venv=${1:-$(mktemp -d)/venv}
/usr/bin/python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --no-build-isolation --no-index --config-settings=builddir="$src/build-pip" "$src"
cd "$(mktemp -d)"
"$venv/bin/python" - <<'PY'
import cogo
v = cogo.verify(cogo.construct.F6(d=23))
r = cogo.crosscheck(cogo.construct("F46", d=11))
assert v.proved and r.proved, (v, r)
print("installed cogo", cogo.__version__, "from", cogo.__file__, ":", v.verdict, r.verdict)
PY
"$venv/bin/cogo" --version
