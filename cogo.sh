#!/usr/bin/env bash
# cogo.sh — set up, build and run cogo on a Debian 12 machine.
#   ./cogo.sh demo [ARGS]   install what is missing, build, run `cogo demo` (the main job on a default)
#   ./cogo.sh test          install what is missing, build, run every test (unit, proofs, examples);
#                           ends with one line "tests: N passed, N failed"
#   ./cogo.sh build         install what is missing and build (build dir: ./build); compiler warnings are shown
#   ./cogo.sh build --werror  the same with every warning an error (CI; build dir: ./build-werror)
#   ./cogo.sh asan [TESTS]  build with AddressSanitizer + UndefinedBehaviorSanitizer (./build-asan) and run the
#                           given meson tests there (all if none), e.g. ./cogo.sh asan scalar/turn io/turn_text
#   ./cogo.sh cogo ARGS     build, then run the cogo executable with ARGS (from the caller's directory:
#                           relative paths in ARGS resolve where you are, not in the checkout)
# Environment: COGO_BUILD_DIR (default build, relative to the checkout), COGO_TEST_EFFORT, COGO_TEST_SEED.
set -euo pipefail
# The checkout this script lives in; the caller's working directory is left alone.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

PACKAGES=(g++ meson ninja-build pkgconf python3 libginac-dev libcln-dev libflint-dev libantic-dev libflint-arb-dev libgmp-dev libmpfr-dev
          doctest-dev libcli11-dev nlohmann-json3-dev python3-numpy libopenblas-dev zlib1g-dev
          python3-torch pybind11-dev python3-dev python3-mesonpy python3-pytest python3-pandas python3-venv python3-pip
          python3-nbconvert jupyter-nbconvert python3-ipykernel jupyter-core librsvg2-bin)
BUILD_DIR=${COGO_BUILD_DIR:-build}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac

setup() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "cogo.sh: installing ${missing[*]}" >&2
        local sudo=()
        [ "$(id -u)" -eq 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# build [MESON SETUP OPTIONS...]: configures $BUILD_DIR on first use with those options, then builds it.
build() {
    setup
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        meson setup "$BUILD_DIR" "$ROOT" --buildtype=debugoptimized "$@" >/dev/null
    fi
    # ninja's progress lines are dropped; compiler warnings and errors are shown (exit status: ninja's)
    ninja -C "$BUILD_DIR" | { grep -Ev '^(\[[0-9]+/[0-9]+\] |ninja: (Entering directory|no work to do))' || true; }
}

# The sanitizer build: ASan + UBSan, every finding fatal, tests run there (leak detection off: the symbol
# registry and the per-field caches are leaked on purpose so that static values never outlive them).
run_asan() {
    BUILD_DIR=${COGO_BUILD_DIR:-build-asan}
    case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
    setup
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        meson setup "$BUILD_DIR" "$ROOT" -Db_sanitize=address,undefined -Doptimization=1 -Ddebug=true \
            -Dpython=disabled >/dev/null
    fi
    # only what the named tests run is built (everything when no test is named)
    local targets=()
    if (($#)); then
        mapfile -t targets < <(meson introspect "$BUILD_DIR" --tests | python3 -c '
import json, os, sys
names, build = set(sys.argv[2:]), sys.argv[1]
for t in json.load(sys.stdin):
    if t["name"] in names and t["cmd"][0].startswith(build):
        print(os.path.relpath(t["cmd"][0], build))' "$BUILD_DIR" "$@")
    fi
    ninja -C "$BUILD_DIR" "${targets[@]}" | { grep -Ev '^(\[[0-9]+/[0-9]+\] |ninja: (Entering directory|no work to do))' || true; }
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
        meson test -C "$BUILD_DIR" --no-rebuild --print-errorlogs "$@"
}

run_tests() {
    build
    local jobs status=0
    jobs=$(nproc 2>/dev/null || echo 2)
    meson test -C "$BUILD_DIR" --num-processes "$jobs" --print-errorlogs "$@" || status=$?
    python3 "$ROOT/tools/test_summary.py" "$BUILD_DIR/meson-logs/testlog.json" || status=1
    return "$status"
}

cmd=${1:-demo}
shift || true
case "$cmd" in
    demo) build; "$BUILD_DIR/src/cogo" demo "$@" ;;
    test) run_tests "$@" ;;
    build)
        if [ "${1:-}" = "--werror" ]; then
            BUILD_DIR=${COGO_BUILD_DIR:-build-werror}
            case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
            build -Dwerror=true
        elif [ $# -gt 0 ]; then
            echo "cogo.sh: build takes no argument but --werror (got '$1')" >&2; exit 2
        else
            build
        fi ;;
    asan) run_asan "$@" ;;
    cogo) build; "$BUILD_DIR/src/cogo" "$@" ;;
    -h|--help|help) sed -n '2,12p' "$ROOT/cogo.sh" | sed 's/^# \{0,1\}//' ;;
    *) echo "cogo.sh: unknown command '$cmd' (try ./cogo.sh --help)" >&2; exit 2 ;;
esac
